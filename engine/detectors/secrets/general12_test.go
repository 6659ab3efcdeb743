package secrets

import "testing"

// Forms from the misses on the general12 set, once its blind read was
// done (its rows are not copied here; the values are made up).
func TestGeneral12Forms(t *testing.T) {
	runCases(t, []tcase{
		{"vietnamese value", "Xong rồi chị, mật khẩu mới là Đàlạt636% — chị đổi lại nhé", "PASSWORD_ASSIGNMENT", "Đàlạt636%"},
		{"turkish my password", "Şifrem Çiçekçi77&, Caps Lock kapalı.", "PASSWORD_ASSIGNMENT", "Çiçekçi77&"},
		{"czech is", "heslo je Kocour2024!", "PASSWORD_ASSIGNMENT", "Kocour2024!"},
		{"korean dotted passphrase", "사내 포털 아이디: minji.kim\n초기 비밀번호: velvet.maple.tundra", "PASSWORD_ASSIGNMENT", "velvet.maple.tundra"},
		{"xml dotted passphrase", `<UserIdentity Type="UserName" UserName="reader" Password="lantern.harbour.kettle.fennel6" />`, "PASSWORD_ASSIGNMENT", "lantern.harbour.kettle.fennel6"},
		{"dotted reference", `password = "spring.datasource.password"`, "", ""},
		{"random-case secret", "client ap {\n    secret = jUsHWlOuNnvebjVoXQZn\n}", "GENERIC_SECRET", "jUsHWlOuNnvebjVoXQZn"},
		{"camel variable", "token = userAccessTokenValue", "", ""},
		{"pkcs11 pin", "pkcs11-tool --module /usr/lib/libCryptoki2_64.so \\\n  --slot 0 --login --pin 76709083 --list-objects", "PASSWORD_ASSIGNMENT", "76709083"},
		{"tencent secret id", `config = CosConfig(Region="ap-shanghai", SecretId="AKID3Z1ZoiX32RSSGN1j4bu9kQcq` + `HLkA7Aa1")`, "TENCENT_CLOUD_SECRET_ID", ""},
		{"feishu webhook", "https://open.feishu.cn/open-apis/bot/v2/hook/4e67e93a-eb62-4c1d-9f0a-" + "3b2c1d4e5f60", "FEISHU_LARK_WEBHOOK", ""},
		{"xendit", `auth=("xnd_production_0I0QKWG63m6WJCKOx2MuCRJPs3qIdJlcuB` + `Pf76iMjM2jj", "")`, "XENDIT_SECRET_KEY", ""},
		{"racf", "ALTUSER BATZV02 PASSWORD(FAKY1H1L) NOEXPIRED RESUME", "PASSWORD_ASSIGNMENT", "FAKY1H1L"},
		{"edi isa", "ISA*00*          *01*HB49HF5ZJ1*ZZ*NORTHWINDDIST  *12*5551234", "PASSWORD_ASSIGNMENT", "HB49HF5ZJ1"},
		{"edi isa no password", "ISA*00*          *00*          *ZZ*SENDER", "", ""},
		{"cookie session", "Cookie: PERMITS_SESSION=Vg5iN86Adwd7U2fzRptvYYWVebaKnKCuu" + "rKfKcD6EBVb9QOE", "SESSION_COOKIE", ""},
		{"hsm component", "Component 2: C409 10D7 6A0A 7994 32E6 6507 C9B9 568A", "HSM_KEY_COMPONENT", ""},
		{"teamviewer", "Fernwartung: TeamViewer-ID 715 765 132, festes Kennwort oUECSPkiOT. Zugang nur nach Anruf", "PASSWORD_ASSIGNMENT", "oUECSPkiOT"},
		{"teamviewer prose", "TeamViewer password is required for unattended access", "", ""},
	})
}

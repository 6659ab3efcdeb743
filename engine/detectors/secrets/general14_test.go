package secrets

import "testing"

// Forms from the misses on the general14 set, once its blind read was
// done (its rows are not copied here; the values are made up).
func TestGeneral14Forms(t *testing.T) {
	runCases(t, []tcase{
		{"minio alias", "mc alias set backup https://minio.example.internal:9000 1LUZUP6X3QHVBD44C77J QXQIBbvGpxe7wtwZMQAN" + "eHSSS2U2VscriRg26vpA", "MINIO_MC_ALIAS_SECRET", "QXQIBbvGpxe7wtwZMQANeHSSS2U2VscriRg26vpA"},
		{"minio alias, three words", "mc alias set backup https://minio.example.internal:9000 QXQIBbvGpxe7wtwZMQANeHSSS2U2Vsc", "", ""},
		{"decoded secret", "$ kubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath=\"{.data.password}\" | base64 -d; echo\n4MmvLJ72ZSGmuw26\n$ argocd login", "PASSWORD_ASSIGNMENT", "4MmvLJ72ZSGmuw26"},
		{"splunk hec", `-H "Authorization: Splunk eb8875ad-8194-4e88-80d0-4a94c5f443f6"`, "SPLUNK_HEC_TOKEN", ""},
		{"vault approle", "vault write auth/approle/login role_id=ec57f58b-3b3b-4158-869c-336e32a46b3d secret_id=e08722d0-0f19-45dc-b099-4617265ac66c", "VAULT_APPROLE_SECRET_ID", "e08722d0-0f19-45dc-b099-4617265ac66c"},
		{"honeycomb", "    headers:\n      x-honeycomb-team: GbGYmouJnXlycb3mstwdMZ", "HONEYCOMB_API_KEY", ""},
		{"root slash password", "[03:07] kai: root / QAZ2wsx!1661 — same on all hosts", "PASSWORD_ASSIGNMENT", "QAZ2wsx!1661"},
		{"dotted passphrase unquoted", "export PULUMI_CONFIG_PASSPHRASE := nimbus.pepper.tulip.ember", "PASSWORD_ASSIGNMENT", "nimbus.pepper.tulip.ember"},
		{"host in a password field", `password = "mail.example.com"`, "", ""},
		{"hashing scheme", "password_encryption = scram-sha-256 in postgresql.conf.", "", ""},
		{"ldap bind over lines", "ldapsearch -x -H ldaps://dc01:636 \\\n  -D \"CN=svc\" \\\n  -w 'meadow.fjord.pepper' \\\n  -b x", "PASSWORD_ASSIGNMENT", "meadow.fjord.pepper"},
		{"nats seed", "-----BEGIN USER NKEY SEED-----\nSUSL5M55XSBDWUT4ZERPSKNB6ODYQBDAMFK5VGR25XYX" + "CXJPV5NDHCCDWX\n------END USER NKEY SEED------", "NATS_NKEY_SEED", ""},
		{"buildah login", `buildah login -u="team+push" -p="6Z7L1VGMHWE3C43S2XCW4EWDQ7P06RVZ1O0HC34DQ8DCGL3LFD5M4G3C4H8U" quay.io`, "PASSWORD_ASSIGNMENT", "6Z7L1VGMHWE3C43S2XCW4EWDQ7P06RVZ1O0HC34DQ8DCGL3LFD5M4G3C4H8U"},
	})
}

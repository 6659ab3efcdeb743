package secrets

import "testing"

// Forms from the misses on the general11 set, once its blind read was
// done (its rows are not copied here; the values are made up).
func TestGeneral11Forms(t *testing.T) {
	hex32 := "9C41D2E07AB35F6E" + "18D04C27B9E5A613"
	runCases(t, []tcase{
		// labels: letters and digits are enough after a password label
		{"router wifi key", "Red WiFi (SSID): CASA_11F2\nContraseña WiFi: 7QKR2MZT4X9B1HPLWDGE", "PASSWORD_ASSIGNMENT", "7QKR2MZT4X9B1HPLWDGE"},
		{"label with a qualifier", "Contraseña de acceso: k3vwq9ta", "PASSWORD_ASSIGNMENT", "k3vwq9ta"},
		{"label, word and year", "Kennwort laut Zettel: Kunde2024", "PASSWORD_ASSIGNMENT", "Kunde2024"},
		{"label, plain word", "Kennwort: siehe oben", "", ""},
		// command lines
		{"single-dash flag", "./valheim_server.x86_64 -name \"X\" -port 2456 -password Kar4nfil_22 -public 0", "PASSWORD_ASSIGNMENT", "Kar4nfil_22"},
		{"rcon password", "srcds_run -game csgo +rcon_password \"Hx7kL2pq\" +map de_dust2", "PASSWORD_ASSIGNMENT", "Hx7kL2pq"},
		{"mcrcon", "mcrcon -H 127.0.0.1 -P 25575 -p Tq9-wX2aDpVxIDJ \"say hi\"", "PASSWORD_ASSIGNMENT", "Tq9-wX2aDpVxIDJ"},
		{"usage line", "usage: tool -password file", "", ""},
		// formats
		{"midtrans", "'server_key' => 'Mid-server-E-4ioTzAMICZXLvX" + "gnM0cSDW',", "MIDTRANS_SERVER_KEY", ""},
		{"llamacloud", `LlamaParse(api_key="llx-kKC3NioX9fJKyvCbhaQXFnk4QmEYA` + `JQLaKSMtPTQvw0KewMf")`, "LLAMACLOUD_API_KEY", ""},
		{"woocommerce ck", "const KEY = 'ck_e86d39c91d2c5223b1433da566c59" + "37d1de92289';", "WOOCOMMERCE_CONSUMER_KEY", ""},
		{"facebook stream key", "Stream key: FB-396515167202055-0-AbY10B8537vZt" + "QdVZ-245TbbFFBBuOCn", "FACEBOOK_STREAM_KEY", ""},
		{"rtmp stream key", "rtmp://a.rtmp.youtube.com/live2/vh77-fa8p-" + "0zwn-orht-cd58", "RTMP_STREAM_KEY", "vh77-fa8p-0zwn-orht-cd58"},
		{"zwave json", `"securityKeys": {"S2_Unauthenticated": "` + hex32 + `"}`, "ZWAVE_SECURITY_KEY", hex32},
		{"zwave table", "S0 Legacy:                 " + hex32, "ZWAVE_SECURITY_KEY", hex32},
		{"zigbee2mqtt", "advanced:\n  network_key: [60, 46, 125, 97, 234, 251, 236, 127, 246, 175, 104, 27, 210, 50, 41, 140]", "ZIGBEE_NETWORK_KEY", ""},
		{"zigbee generate", "advanced:\n  network_key: GENERATE", "", ""},
		{"vless", "vless://a1238dbf-70e7-4b3e-9f66-" + "65f8a5063c30@fra.example.net:443?encryption=none", "PROXY_SHARE_LINK_CREDENTIAL", "a1238dbf-70e7-4b3e-9f66-65f8a5063c30"},
		{"trojan", "trojan://Hq7pL2xW9k@cdn.example.net:443#home", "PROXY_SHARE_LINK_CREDENTIAL", "Hq7pL2xW9k"},
		{"cpanel", `curl -H "Authorization: cpanel harborsi:6KSQE6SW6EJ0NF70NOY2` + `8EDZKPOZYRK1"`, "CPANEL_API_TOKEN", ""},
		{"google app password", "SMTP-AUTH Account Password: rinu pzdv dnrq rmxj", "PASSWORD_ASSIGNMENT", "rinu pzdv dnrq rmxj"},
		{"four english words", "Password: send them over when ready", "", ""},
	})
}

package secrets

import "testing"

// Forms of the sixth round, written from how people write them; the
// values are made up.
func TestGeneral17Forms(t *testing.T) {
	runCases(t, []tcase{
		// OpenVPN auth-user-pass files
		{"ovpn auth.txt", "Put this in auth.txt for auth-user-pass:\nvpnuser\nTr0ub4dor&3x\n", "PASSWORD_ASSIGNMENT", "Tr0ub4dor&3x"},
		{"ovpn fenced", "My credentials file (/etc/openvpn/auth.txt):\n```\njdoe@corp.example\nWinter#2031vpn\n```\nbut it still fails", "PASSWORD_ASSIGNMENT", "Winter#2031vpn"},
		{"ovpn cat", "auth-user-pass /etc/openvpn/login.conf\n$ cat /etc/openvpn/login.conf\nmarta\nk9Lp2qXz\n", "PASSWORD_ASSIGNMENT", "k9Lp2qXz"},
		{"ovpn config directives", "auth-user-pass auth.txt\nauth-nocache\npersist-key\npersist-tun\n", "", ""},
		{"ovpn config two directives", "auth-user-pass auth.txt\npersist-key\npersist-tun\n", "", ""},
		{"ovpn placeholder", "auth.txt:\nyour_username\n<your_password>\n", "", ""},
		{"ovpn prose after", "Create auth.txt with two lines:\nusername\npassword\n", "", ""},
		{"ovpn three lines", "auth.txt contains:\nuser1\nPassw0rd1\nextra3line\n", "", ""},
	})
}

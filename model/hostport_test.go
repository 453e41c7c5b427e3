package model

import "testing"

func TestHostPort(t *testing.T) {
	for _, c := range []struct{ host, port, want string }{
		{"1.2.3.4", "443", "1.2.3.4:443"},
		{"fd00::10", "443", "[fd00::10]:443"},
		{"2001:db8::99", "30019", "[2001:db8::99]:30019"},
		{"[fd7a::1]", "53", "[fd7a::1]:53"},
		{"app.example.com", "443", "app.example.com:443"},
		{"fd00::10", "", "fd00::10"},
		{"", "443", ":443"},
		{"fe80::1%eth0", "22", "[fe80::1%eth0]:22"},
		{"::ffff:10.0.0.5", "80", "[::ffff:10.0.0.5]:80"},
		// A name holding a colon is no IPv6 address: no brackets.
		{"res link http://x", "53", "res link http://x:53"},
		{"db:primary", "5432", "db:primary:5432"},
	} {
		if got := HostPort(c.host, c.port); got != c.want {
			t.Errorf("HostPort(%q, %q) = %q, want %q", c.host, c.port, got, c.want)
		}
	}
}

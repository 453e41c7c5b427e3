package synth

import "strings"

// Hostile lines carry attacker-influenced bytes where a real connector
// would echo them (DNS names, headers, payload peeks): terminal escapes,
// bidi overrides, invalid UTF-8, NUL, a carriage return that tries to hide
// the start of the line, and one very long line.

var hostileLines = []string{
	"[DEBUG] [libsdwan] [dns] dns_resolver::resolve: query for \"\x1b[2J\x1b[31mevil.example.com\" from 100.96.0.4",
	"[DEBUG] [libsdwan] [dns] dns_resolver::resolve: query for \"adm\u202enimda.example.com\" from 100.96.0.9",
	"[DEBUG] [libsdwan] [http] http_probe::on_header: user-agent \"\xff\xfeMozilla/5.0 \xc3\x28\"",
	"[DEBUG] [libsdwan] [tcp] tcp_proxy::peek: first bytes \"GET / HTTP/1.1\x00\x00\x01\x7f\"",
	"[DEBUG] [libsdwan] [dns] dns_resolver::resolve: query for \"x\r[INFO] [connector] State: Online\"",
	"[DEBUG] [libsdwan] [dns] dns_resolver::resolve: query for \"\x1b]52;c;ZWNobyBwd25lZA==\x07clip.example.com\"",
}

// longLine is a configuration dump of about 20 KiB: longer than Docker's
// and CRI's 16 KiB record limit, so those envelopes split it.
var longLine = "[DEBUG] [libsdwan] [controller] operator(): SD payload: " + strings.Repeat("eyJyZXNvdXJjZXMiOlt7ImlkIjoiMjI1NTQ5MiJ9XX0", 460)

func (g *Generator) hostileLine(b []byte) []byte {
	k := g.r.intn(len(hostileLines) + 1)
	if k == len(hostileLines) {
		return append(b, longLine...)
	}
	return append(b, hostileLines[k]...)
}

package envelope

import (
	"testing"
	"time"
)

// Syslog lines with their priority, as rsyslog writes them with
// RSYSLOG_SyslogProtocol23Format or a relay keeps them, are syslog lines.
func TestDecodeSyslogWithPriority(t *testing.T) {
	ref := time.Date(2026, 12, 5, 9, 0, 0, 0, testLoc)
	at := time.Date(2026, 12, 4, 10, 0, 6, 0, time.UTC)
	cases := []struct {
		name string
		line string
		want want
	}{
		{"RFC 3164 with a priority", "<30>Dec  4 10:00:05 gw-fra-1 twingate-connector[6479]: [ERROR] [connector] with pri",
			want{ok: true, payload: "[ERROR] [connector] with pri", time: localTime(2026, 12, 4, 10, 0, 5), host: "gw-fra-1", ident: "twingate-connector", pid: 6479}},
		{"priority before an RFC 3339 stamp", "<13>2026-12-04T10:00:06Z gw-fra-1 sshd[12]: Accepted",
			want{ok: true, payload: "Accepted", time: at, host: "gw-fra-1", ident: "sshd", pid: 12}},
		{"RFC 5424", "<34>1 2026-12-04T10:00:06.000Z gw-fra-1 twingate-connector 6479 - - [ERROR] [connector] rfc5424 line",
			want{ok: true, payload: "[ERROR] [connector] rfc5424 line", time: at, host: "gw-fra-1", ident: "twingate-connector", pid: 6479}},
		{"RFC 5424 with structured data", `<165>1 2026-12-04T10:00:06Z gw-fra-1 twingate-connector 6479 ID47 [exampleSDID@32473 iut="3" eventSource="App\"l]x"][b k="v"] [INFO] [connector] sd`,
			want{ok: true, payload: "[INFO] [connector] sd", time: at, host: "gw-fra-1", ident: "twingate-connector", pid: 6479}},
		{"RFC 5424, every header field nil", "<34>1 - - - - - - msg",
			want{ok: true, payload: "msg"}},
		{"RFC 5424 without a message", "<34>1 2026-12-04T10:00:06Z h app - - [a b=\"c\"]",
			want{ok: true, payload: "", time: at, host: "h", ident: "app"}},
		{"RFC 5424, a byte order mark before the message", "<34>1 2026-12-04T10:00:06Z h app 1 - - \xef\xbb\xbf[WARN] [connector] x",
			want{ok: true, payload: "[WARN] [connector] x", time: at, host: "h", ident: "app", pid: 1}},
		{"RFC 5424, a name for a process id", "<34>1 2026-12-04T10:00:06Z h app worker-1 - - x",
			want{ok: true, payload: "x", time: at, host: "h", ident: "app"}},
		{"RFC 5424, local stamp with an offset", "<34>1 2026-12-04T12:00:06+02:00 h app - - - x",
			want{ok: true, payload: "x", time: at, host: "h", ident: "app"}},
		{"RFC 5424, bad stamp", "<34>1 2026-13-04T10:00:06Z h app - - - x", want{}},
		{"RFC 5424, stamp with trailing bytes", "<34>1 2026-12-04T10:00:06Zx h app - - - x", want{}},
		{"RFC 5424, structured data unclosed", `<34>1 - h app - - [a b="]"`, want{}},
		{"RFC 5424, structured data glued to the message", `<34>1 - h app - - [a]x`, want{}},
		{"RFC 5424, no structured data", "<34>1 - h app - - x", want{}},
		{"RFC 5424, header cut short", "<34>1 - h app", want{}},
		{"RFC 5424, control byte in a header field", "<34>1 - h\x01 app - - - x", want{}},
		{"priority too high", "<192>Dec  4 10:00:05 h app: x", want{}},
		{"priority with a leading zero", "<030>Dec  4 10:00:05 h app: x", want{}},
		{"priority zero", "<0>Dec  4 10:00:05 h kernel: x",
			want{ok: true, payload: "x", time: localTime(2026, 12, 4, 10, 0, 5), host: "h", ident: "kernel"}},
		{"priority without digits", "<>Dec  4 10:00:05 h app: x", want{}},
		{"priority unclosed", "<30Dec  4 10:00:05 h app: x", want{}},
		{"priority of four digits", "<1000>Dec  4 10:00:05 h app: x", want{}},
		{"priority before text", "<30>hello", want{}},
		{"priority unclosed before a stamp", "<30 Dec  4 10:00:05 h app: x", want{}},
		{"priority that overflows", "<18446744073709551646>Dec  4 10:00:05 h app: x", want{}},
		{"RFC 5424, empty header field", "<34>1 - h  app - - - x", want{}},
		{"RFC 5424, non-ASCII header field", "<34>1 - h\xff app - - - x", want{}},
		{"RFC 5424, a host that opens with a dash", "<34>1 - -gw app - - - x", want{ok: true, payload: "x", host: "-gw", ident: "app"}},
		{"RFC 5424, a process id past an int32", "<34>1 - h app 99999999999999999999 - - x", want{ok: true, payload: "x", host: "h", ident: "app"}},
		{"RFC 5424, structured data missing at the end", "<34>1 - h app - - ", want{}},
		{"RFC 5424, a backslash outside a value", `<34>1 - h app - - [a\] x`, want{ok: true, payload: "x", host: "h", ident: "app"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(Syslog, []byte(tc.line), Context{Location: testLoc, Reference: ref})
			check(t, got, ok, tc.want)
		})
	}
}

func TestPriLen(t *testing.T) {
	for s, want := range map[string]int{"<30>x": 4, "<0>x": 3, "<191>x": 5, "30>x": 0, "x30>x": 0, "<30>": 4, "<3": 0} {
		if got := priLen([]byte(s)); got != want {
			t.Errorf("priLen(%q) = %d, want %d", s, got, want)
		}
	}
}

package export

import (
	"testing"
	"time"

	"connlog/model"
)

func TestSummary(t *testing.T) {
	hostile := textEntry("boom \x1b[31mred\x1b[0m \u202eevil")
	noMsgGap := gapEntry()
	boundary := &model.Entry{Kind: model.KindBoundary, Fields: model.Fields{model.Str(model.KeyBoundary, "restart")}}
	webAudit := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{
		model.Str(model.KeyLogType, "web"), model.Str(model.KeyMethod, "GET"),
		model.Str(model.KeyPath, "/api/v2/keys"), model.Int(model.KeyStatusCode, 200)}}
	library := &model.Entry{Kind: model.KindService, Payload: []byte("[msg] All nameservers have failed"),
		Fields: model.Fields{model.Str(model.KeyLibrary, "libevent"), model.Str(model.KeyMessage, "All nameservers have failed")}}
	// The Twingate client's start-up block, joined from three lines
	// (testdata/realworld/twingate-client.log), in full and as a row whose
	// raw bytes could not be read back shows it.
	block := &model.Entry{Kind: model.KindService, Fields: model.Fields{model.Str(model.KeyModule, "client"),
		model.Str(model.KeyMessage, "Environment Information:\n    OS: Linux 6.14.0-33-generic\n    Client version: 2025.301.0")}}
	unreadBlock := &model.Entry{Kind: model.KindService, Fields: model.Fields{model.Str(model.KeyModule, "client")},
		Err: "re-read entry 6: the file changed since it was read"}
	unreadText := &model.Entry{Kind: model.KindText, Err: "re-read entry 7: the file changed since it was read"}
	// An ANALYTICS line cut short: its id parsed, nothing a row shows.
	cutEvent := &model.Entry{Kind: model.KindAnalytics, Flags: model.FlagParseError,
		Payload: []byte(`ANALYTICS {"connection": {"id": "p-5", "rx": ` + "\x1b[2J"),
		Fields:  model.Fields{model.Str("connection.id", "p-5")}, Err: "invalid JSON at byte 35: unexpected end of input (truncated record?)"}
	linuxAudit := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{
		model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str(model.KeyAuditEvent, "1796378400.123:456"), model.Str("pid", "1234"),
		model.Str("op", "login"), model.Str("acct", "alice"), model.Str("exe", "/usr/sbin/sshd"), model.Str("addr", "203.0.113.9"),
		model.Str("res", "failed")}}
	avc := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{model.Str(model.KeyAuditType, "AVC"),
		model.Str("comm", "cu\x1b[2Jrl"), model.Str(model.KeyMessage, "avc: denied { read } for")}}
	tests := []struct {
		name string
		e    *model.Entry
		want string
	}{
		{"joined block", block, `[client] Environment Information:\n    OS: Linux 6.14.0-33-generic\n    Client version: 2025.301.0`},
		{"service line not read back", unreadBlock, "[client] re-read entry 6: the file changed since it was read"},
		{"text line not read back", unreadText, "re-read entry 7: the file changed since it was read"},
		{"analytics event cut short", cutEvent, `ANALYTICS {"connection": {"id": "p-5", "rx": ␛[2J`},
		{"analytics event cut short after its type", &model.Entry{Kind: model.KindAnalytics, Flags: model.FlagParseError,
			Payload: []byte(`ANALYTICS {"event_type": "closed_connection", "rx`), Fields: model.Fields{model.Str(model.KeyEventType, model.EventClosed)}},
			"closed_connection"},
		{"empty analytics event", &model.Entry{Kind: model.KindAnalytics, Payload: []byte(`ANALYTICS {}`)}, ""},
		{"analytics close", analyticsEntry(),
			"closed_connection user@twingate.com → app.website.com:443 tcp from 192.0.2.0 (US) direct rx 235KB tx 23.4KB 50m34s"},
		{"service with function", serviceEntry(), "[libsdwan/controller] operator(): failed to get SD: Gone, code 410"},
		{"library line", library, "[libevent] All nameservers have failed"},
		{"session end", sessionEntry(), "END tcp 100.90.128.5:38004 → 10.0.0.5:22 resource 35 1m02s"},
		{"audit login denied", auditEntry(), "audit login_attempt alice@example.com denied (bad password) from 2001:db8::7"},
		{"audit web request", webAudit, "web GET /api/v2/keys 200"},
		{"linux audit login failed", linuxAudit, "USER_LOGIN op=login acct=alice exe=/usr/sbin/sshd addr=203.0.113.9 res=failed"},
		{"linux audit avc", avc, "AVC comm=cu␛[2Jrl avc: denied { read } for"},
		{"flow item", flowEntries()[1], "virtual tcp 100.111.22.33:864 → 100.44.55.66:2049 tx 900B/6p rx 728B/3p"},
		{"text is sanitised", hostile, "boom ␛[31mred␛[0m ‹U+202E›evil"},
		{"gap without message", noMsgGap, "file rotated before it was read to the end: up to 42 bytes may be missing"},
		{"boundary", boundary, "restart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summary(tt.e); got != tt.want {
				t.Errorf("Summary =\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

func TestTextLinesAlign(t *testing.T) {
	entries := mixedEntries()
	entries[0].Time = time.Time{} // a line with no time keeps the columns
	loc := time.FixedZone("X", -7*3600)
	for _, tc := range []struct {
		name string
		loc  *time.Location
		col  int
	}{{"utc", nil, 24}, {"fixed zone", loc, 29}} {
		t.Run(tc.name, func(t *testing.T) {
			out := string(encode(t, entries, Options{Format: FormatText, Location: tc.loc}))
			lines := splitLines(out)
			if len(lines) != len(entries) {
				t.Fatalf("got %d lines for %d entries", len(lines), len(entries))
			}
			for i, l := range lines {
				// time, space, level (3), space, kind padded to 10: summary at col+15.
				if len(l) < tc.col+15 || l[tc.col] != ' ' || l[tc.col+4] != ' ' || l[tc.col+14] != ' ' {
					t.Errorf("line %d misaligned: %q", i, l)
				}
			}
			if tc.loc != nil && lines[1][:29] != "2023-10-26T14:35:50.045-07:00" {
				t.Errorf("time not in the given zone: %q", lines[1][:29])
			}
		})
	}
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

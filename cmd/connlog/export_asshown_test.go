package main

import (
	"strings"
	"testing"
)

// shownValuesLog holds lines whose values the table and the detail pane show
// made visible: ANALYTICS events with an OSC title sequence and a bell in
// the user's e-mail (evil␛]0;pwned\x07@example.com) and a screen clear in
// the user's id, a JSON line's own user with the same sequence, a service
// line whose message holds it as key=value, and a plain line of each.
const shownValuesLog = `ANALYTICS {"connection": {"id": "c-email-1"}, "event_type": "established_connection", "timestamp": 1796508000000, "user": {"email": "evil\u001b]0;pwned\u0007@example.com", "id": "113256"}}
ANALYTICS {"connection": {"id": "c-id-2"}, "event_type": "established_connection", "timestamp": 1796508001000, "user": {"email": "anna@example.com", "id": "evil\u001b[2Jid"}}
ANALYTICS {"connection": {"id": "c-plain-3"}, "event_type": "established_connection", "timestamp": 1796508002000, "user": {"email": "evil@example.com", "id": "113257"}}
{"time":"2026-12-05T22:00:03Z","level":"INFO","msg":"json-hostile","user":"evil\u001b]0;pwned\u0007"}
{"time":"2026-12-05T22:00:04Z","level":"INFO","msg":"json-plain","user":"evil"}
2026-12-05T22:00:05Z [INFO] [connector] svc-hostile user=evil` + "\x1b]0;pwned\x07" + ` ok
2026-12-05T22:00:06Z [INFO] [connector] svc-plain user=evil ok
`

// TestExportFieldValueAsShown: `connlog export -q` with a field value
// typed as the table shows it, stand-ins (␛, \x07) included, exports the
// lines whose value is so shown, by the exact, glob and quoted forms; it
// exported none.
func TestExportFieldValueAsShown(t *testing.T) {
	paths := writeInputs(t, [2]string{"hostile.log", shownValuesLog})
	for _, tc := range []struct{ query, want string }{
		{`user:evil␛]0;pwned\x07@example.com`, "c-email-1"},
		{`user="evil␛]0;pwned\x07@example.com"`, "c-email-1"},
		{`user:evil␛*`, "c-email-1 c-id-2"},
		{`user.id=evil␛[2Jid`, "c-id-2"},
		{`.user=evil␛]0;pwned\x07`, "json-hostile"},
		{`.user:"evil␛]0;*"`, "json-hostile"},
		{`msg:*user=evil␛]0;pwned\x07*`, "svc-hostile"},
		{`user:evil* or .user:evil*`, "c-email-1 c-id-2 c-plain-3 json-hostile json-plain"},
	} {
		var got []string
		for _, l := range exportLines(t, tc.query, paths) {
			got = append(got, lineTag(l))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("-q %s: got %q, want %s", tc.query, got, tc.want)
		}
	}
}

// lineTag is the word that tells shownValuesLog's lines apart.
func lineTag(line string) string {
	for _, tag := range []string{"c-email-1", "c-id-2", "c-plain-3", "json-hostile", "json-plain", "svc-hostile", "svc-plain"} {
		if strings.Contains(line, tag) {
			return tag
		}
	}
	return line
}

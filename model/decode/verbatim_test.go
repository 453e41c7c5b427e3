package decode

import (
	"testing"

	"connlog/model"
)

// MessageInRaw accepts a line whose payload is a plain slice of it, and
// nothing a parser could have spelled out anew.
func TestMessageInRaw(t *testing.T) {
	for _, c := range []struct {
		name, env, line string
		want            bool
	}{
		{"a docker-ts service line", "docker-ts", "2026-02-10T08:00:00.1Z [INFO] [connector] relay up", true},
		{"a docker-ts line with a backslash", "docker-ts", `2026-02-10T08:00:00.1Z {"msg":"say \"hi\""}`, false},
		{"a line with ESC", "bare", "\x1b[31mERROR\x1b[0m relay down", false},
		{"a json-file record ending its log with a newline", "docker-json",
			`{"log":"[INFO] [connector] relay up\n","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`, true},
		{"a json-file record with an escape in its log", "docker-json",
			`{"log":"[INFO] say \"hi\"\n","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`, false},
		{"a json-file record whose log ends with a backslash", "docker-json",
			`{"log":"[INFO] path C:\\\n","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`, false},
		{"a journal-json MESSAGE as bytes", "journal-json",
			`{"__REALTIME_TIMESTAMP":"1770710400000000","PRIORITY":"6","MESSAGE":[114,101,108,97,121]}`, false},
		{"a journal-json MESSAGE as text", "journal-json",
			`{"__REALTIME_TIMESTAMP":"1770710400000000","PRIORITY":"6","MESSAGE":"relay up"}`, true},
	} {
		es := decodeAll(Options{Envelope: c.env, Reference: readTime}, lineRecords(c.line))
		if len(es) != 1 {
			t.Fatalf("%s: %d entries", c.name, len(es))
		}
		if got := MessageInRaw(&es[0]); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		checkReparse(t, &es[0])
	}
	gap := model.Entry{Kind: model.KindGap, Fields: model.Fields{model.Str(model.KeyMessage, "lost")}}
	joined := model.Entry{Kind: model.KindText, Raw: []byte("a\nb")}
	if MessageInRaw(&gap) || MessageInRaw(&joined) {
		t.Error("a gap, or lines joined into one entry, said to hold their message")
	}
}

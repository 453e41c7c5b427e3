package export

import (
	"strings"
	"testing"
)

// A learned id of four digits or more is replaced wherever it is quoted,
// in a service line's text as in its message field, however the line
// quotes it: after a key and ': ', in single quotes, in backquotes. Each
// gets the pseudonym the event's id got.
func TestRedactQuotedIDInAnyQuotes(t *testing.T) {
	lines := []string{
		reproLines[0],
		"2026-02-10T08:00:01.000000000Z [INFO] [connector] owner: \"113256\" note='113256' cmd=`113256` n=113256",
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, lines), FormatNDJSON))
	user := r.pseudonym(classUser, "113256")
	want := "owner: \"" + user + "\" note='" + user + "' cmd=`" + user + "` n=113256"
	if raw := rows[1]["raw"].(string); !strings.HasSuffix(raw, want) {
		t.Errorf("raw line:\n%s\nwant it to end\n%s", raw, want)
	}
	if msg := rows[1]["fields"].(map[string]any)["message"].(string); !strings.HasSuffix(msg, want) {
		t.Errorf("message:\n%s\nwant it to end\n%s", msg, want)
	}
}

// A short id, which a count may equal, is replaced in single quotes as in
// double quotes: only where no key that names something else opens it.
func TestRedactShortIDInSingleQuotes(t *testing.T) {
	lines := []string{
		`2026-02-10T08:00:00.000000000Z ANALYTICS {"event_type":"established_connection","timestamp":1770710400000,"user":{"id":"7","email":"bob@example.com"},"connection":{"id":"c1"}}`,
		`2026-02-10T08:00:01.000000000Z [INFO] [connector] count='7' user='7' '7'`,
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, lines), FormatNDJSON))
	user := r.pseudonym(classUser, "7")
	want := "count='7' user='" + user + "' '" + user + "'"
	if raw := rows[1]["raw"].(string); !strings.HasSuffix(raw, want) {
		t.Errorf("raw line:\n%s\nwant it to end\n%s", raw, want)
	}
}

package triage

import (
	"strings"
	"testing"
	"time"

	"connlog/model/query"
)

// FuzzParseCompare feeds any text to the windows parser, as a user types it
// in the prompt or on the command line: it must not panic, a window it
// accepts must end after it starts, and an error must quote the text and
// say what is accepted.
func FuzzParseCompare(f *testing.F) {
	for _, s := range []string{"previous", "previous:30m", "previous:-1h", "08:00..08:15", "08:00..08:15,07:45..08:00",
		"2026-02-10 08:00..2026-02-10 08:15", "-10m..-5m", "..", ",", "08:00..", "\x1b[2J..\xff", "previous:9999999999h"} {
		f.Add(s)
	}
	opt := query.Options{Now: time.Date(2026, 2, 11, 12, 0, 0, 0, time.UTC), Location: time.UTC,
		Day: time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := ParseCompare(text, opt)
		if err != nil {
			if c != nil || !strings.Contains(err.Error(), "FROM..TO") {
				t.Fatalf("ParseCompare(%q) = %v, %v: an error without what is accepted", text, c, err)
			}
			return
		}
		for _, w := range []Window{c.A, c.B} {
			if w != (Window{}) && !w.To.After(w.From) {
				t.Fatalf("ParseCompare(%q) accepted a window that ends before it starts: %v", text, w)
			}
		}
		if c.A == (Window{}) && c.Trailing < time.Second {
			t.Fatalf("ParseCompare(%q) = %+v: neither windows nor a trailing length", text, c)
		}
		_ = CompareNeedsDay(text)
	})
}

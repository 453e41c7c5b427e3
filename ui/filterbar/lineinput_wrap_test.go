package filterbar

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// TestLineInputLines: a long text is wrapped whole while it fits in the
// lines given, the cursor's cell after it; longer, the part around the
// cursor is shown, a "…" where text is left out. Tail draws the end
// without a cursor.
func TestLineInputLines(t *testing.T) {
	l := NewLineInput(&plain, "")
	l.SetValue("/var/tmp/incidents/export.ndjson") // 32 runes, the cursor after them
	strip := func(lines []string) []string {
		out := make([]string, len(lines))
		for i, s := range lines {
			out[i] = ansi.Strip(s)
		}
		return out
	}
	cases := []struct {
		name string
		got  []string
		want []string
	}{
		{"whole", l.Lines(12, 4), []string{"/var/tmp/inc", "idents/expor", "t.ndjson "}},
		{"the end, where the cursor is", l.Lines(12, 2), []string{"…ncidents/ex", "port.ndjson "}},
		{"the start, where the cursor is", typeKeys(l, "home").Lines(12, 2), []string{"/var/tmp/inc", "idents/expo…"}},
		{"tail", l.Tail(12, 2), []string{"…incidents/e", "xport.ndjson"}},
		{"tail whole", l.Tail(40, 1), []string{"/var/tmp/incidents/export.ndjson"}},
	}
	for _, c := range cases {
		if got := strip(c.got); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}

// TestLineInputLinesInert: a value set from outside (a directory name
// completed) with escapes and bidi overrides is drawn inert, at the width.
func TestLineInputLinesInert(t *testing.T) {
	l := NewLineInput(&plain, "")
	l.SetValue("/tmp/\x1b]52;c;ZXZpbA==\x07evil\u202e/" + strings.Repeat("日本", 20))
	for _, lines := range [][]string{l.Lines(10, 3), l.Tail(10, 3), typeKeys(l, "home").Lines(10, 3)} {
		if len(lines) > 3 {
			t.Errorf("%d lines; want at most 3", len(lines))
		}
		for _, s := range lines {
			if strings.ContainsAny(ansi.Strip(s), "\x1b\x07\u202e") {
				t.Errorf("not inert: %q", s)
			}
			if w := theme.CellWidth(s); w > 10 {
				t.Errorf("%q is %d cells; want at most 10", ansi.Strip(s), w)
			}
		}
	}
}

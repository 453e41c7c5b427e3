package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

// rawUnits are the bytes of a hostile line and what RAW shows for each,
// a stand-in that must be kept whole.
var rawUnits = []struct{ raw, shown string }{
	{"a", "a"}, {"\x1b", "␛"}, {"[31m", "[31m"}, {"\x00", `\x00`}, {"\x7f", `\x7f`},
	{"\xff", `\xff`}, {"\t", `\t`}, {"é", "é"}, {"\u202e", "‹U+202E›"}, {"漢", "漢"}, {"\r", `\r`},
}

// TestRawNeverSplitsAStandIn: at every width, RAW breaks a line before the
// stand-in of a byte (\x00, ␛, ‹U+202E›), never inside it, and its lines
// put together are the line escaped exactly.
func TestRawNeverSplitsAStandIn(t *testing.T) {
	st := theme.Monochrome()
	raw, shown, cuts := hostileText()
	e := &model.Entry{Seq: 1, Time: base, Kind: model.KindText, Raw: []byte(raw),
		Origin: model.Origin{Offset: -1}}
	for w := 20; w <= 120; w++ {
		lines := rawLines(BuildCard(&st, w, Input{Entry: e, Location: time.UTC}))
		at := 0
		for _, l := range lines {
			at += len(l)
			if !cuts[at] {
				t.Fatalf("width %d: a line of RAW ends inside a stand-in: %q", w, l)
			}
			if cw := theme.CellWidth(l); cw > w-4 {
				t.Fatalf("width %d: a line of RAW %d cells wide: %q", w, cw, l)
			}
		}
		if got := strings.Join(lines, ""); got != shown {
			t.Fatalf("width %d: RAW's lines make\n%q\nwant\n%q", w, got, shown)
		}
	}
}

// hostileText returns a line of rawUnits, what is shown of it, and where
// a wrapped line of what is shown may end: anywhere between the
// characters of plain text, only before or after a stand-in.
func hostileText() (raw, shown string, cuts map[int]bool) {
	var r, s strings.Builder
	cuts = map[int]bool{0: true}
	for i := range 60 {
		u := rawUnits[(i*7)%len(rawUnits)]
		r.WriteString(u.raw)
		s.WriteString(u.shown)
		if u.raw == u.shown {
			for j := 1; j < len(u.shown); j++ {
				cuts[s.Len()-len(u.shown)+j] = true
			}
		}
		cuts[s.Len()] = true
	}
	return r.String(), s.String(), cuts
}

// rawLines returns the lines of the card's RAW section without their
// indent.
func rawLines(card string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(ansi.Strip(card), "\n") {
		switch {
		case strings.HasPrefix(l, "RAW ("):
			in = true
		case in && strings.HasPrefix(l, "    "):
			out = append(out, strings.TrimPrefix(l, "    "))
		case in:
			return out
		}
	}
	return out
}

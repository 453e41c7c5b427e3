package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

// TestFieldsNeverSplitAStandIn: at every width, a field's value wraps
// before the stand-in of a byte (\x00, ‹U+202E›), never inside it, as RAW
// does, and its lines put together are the value escaped.
func TestFieldsNeverSplitAStandIn(t *testing.T) {
	st := theme.Monochrome()
	raw, shown, cuts := hostileText()
	e := &model.Entry{Seq: 1, Time: base, Kind: model.KindService, Raw: []byte("line"),
		Origin: model.Origin{Offset: -1}, Fields: model.Fields{model.Str(model.KeyMessage, raw)}}
	for w := 30; w <= 120; w++ {
		lines := fieldLines(BuildCard(&st, w, Input{Entry: e, Location: time.UTC}), model.KeyMessage)
		at := 0
		for _, l := range lines {
			at += len(l)
			if !cuts[at] {
				t.Fatalf("width %d: a line of the message ends inside a stand-in: %q", w, l)
			}
			if cw := theme.CellWidth(l); cw > w-theme.KeyColumn-2 {
				t.Fatalf("width %d: a line of the message %d cells wide: %q", w, cw, l)
			}
		}
		if got := strings.Join(lines, ""); got != shown {
			t.Fatalf("width %d: the message's lines make\n%q\nwant\n%q", w, got, shown)
		}
	}
}

// fieldLines returns the lines of the card's field key, without the key
// and indent.
func fieldLines(card, key string) []string {
	var out []string
	pad := strings.Repeat(" ", theme.KeyColumn+2)
	for _, l := range strings.Split(ansi.Strip(card), "\n") {
		switch {
		case out == nil && strings.HasPrefix(l, "  "+key+" "):
			out = append(out, l[len(pad):])
		case out != nil && strings.HasPrefix(l, pad):
			out = append(out, l[len(pad):])
		case out != nil:
			return out
		}
	}
	return out
}

package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

// An established connection with no close is "still open" only while the
// input is followed and the connection is recent; in a log read to its
// end, or one established long before now, the card says what is known:
// no close was seen.
func TestPairOfConnectionWithNoClose(t *testing.T) {
	e := &model.Entry{Time: base, Kind: model.KindAnalytics, Raw: []byte("x"), Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyEventType, model.EventEstablished), model.Str(model.KeyConnID, "c1")}}
	for _, c := range []struct {
		name      string
		following bool
		now       time.Time
		want      string
	}{
		{"read to its end", false, base.Add(time.Minute), "no close seen (after the end of the log)"},
		{"followed, just established", true, base.Add(time.Minute), "not yet: the connection is still open"},
		{"followed, established long ago", true, base.Add(30 * 24 * time.Hour), "no close seen (after the end of the log)"},
	} {
		st := theme.Monochrome()
		card := ansi.Strip(BuildCard(&st, 100, Input{Entry: e, Pair: model.Pair{ID: "c1", Open: true}, HasPair: true,
			Location: time.UTC, Following: c.following, Now: c.now}))
		if !strings.Contains(card, "closed          "+c.want) {
			t.Errorf("%s: the card does not say %q:\n%s", c.name, c.want, card)
		}
	}
}

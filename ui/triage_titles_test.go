package ui

import (
	"fmt"
	"strings"
	"testing"

	"connlog/model"
)

// TestTriageTitlesCountInputEntries: gap and boundary rows (a restart)
// are rows of the view, not entries of the input: the titles of s and P
// count the entries only.
func TestTriageTitlesCountInputEntries(t *testing.T) {
	es := fixtureEntries()
	n := 0
	for _, e := range es {
		if e.Kind != model.KindGap && e.Kind != model.KindBoundary {
			n++
		}
	}
	es = append(es, model.Entry{Time: at(99000), Kind: model.KindBoundary, Level: model.LevelNotice,
		Fields: model.Fields{model.Str(model.KeyBoundary, "restart"), model.Str(model.KeyMessage, model.BoundaryMessage("restart"))}})
	st, _ := newFixtureStore(t, es)
	for _, k := range []string{"s", "P"} {
		m := drive(t, newTestModel(t, st, 160, 40), keys(k)...)
		if s, want := screen(m), fmt.Sprintf("%d entries", n); !strings.Contains(s, want) {
			t.Errorf("%s: the title does not say %q:\n%s", k, want, s)
		}
	}
}

package detail

import (
	"strings"
	"testing"
	"time"

	"connlog/model/query"
	"connlog/ui/theme"
)

// TestCardMarksTheSearch: the words and regular expressions of the search
// are marked in the message and in the raw line, escaped text included, a
// match broken by the wrap on both of its lines.
func TestCardMarksTheSearch(t *testing.T) {
	st := theme.Monochrome()
	q, err := query.Compile(`/ev[i]l/ or stalled`, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := serviceEntry(1, 3, "relay", "an evil peer \x1b[31mstalled")
	card := BuildCard(&st, 60, Input{Entry: e, Location: time.UTC, Terms: q.Finders()})
	for _, want := range []string{st.Match.Render("evil"), st.Match.Render("stalled")} {
		if n := strings.Count(card, want); n < 2 {
			t.Errorf("%q marked %d times; want in the message and in RAW:\n%s", want, n, card)
		}
	}
	// The message's column is 40-18 = 22 cells wide: "evil" is broken after "ev".
	long := serviceEntry(2, 3, "relay", strings.Repeat("x", 20)+"evil")
	card = BuildCard(&st, 40, Input{Entry: long, Location: time.UTC, Terms: q.Finders()})
	if !strings.Contains(card, "x"+st.Match.Render("ev")+"\n") || !strings.Contains(card, st.Match.Render("il")) {
		t.Errorf("the match broken by the wrap is not marked on both lines:\n%q", card)
	}
	plain := BuildCard(&st, 60, Input{Entry: e, Location: time.UTC})
	if strings.Contains(plain, st.Match.Render("evil")) {
		t.Error("marked without a search")
	}
}

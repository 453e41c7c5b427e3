package ui

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// TestDetailCardDeep: a line of 9,990 nested arrays, in the object or in
// its location string, gives a card of bounded size that says where the
// depth limit cut, instead of hundreds of megabytes of indentation.
func TestDetailCardDeep(t *testing.T) {
	st := theme.Default()
	for _, inLocation := range []bool{false, true} {
		card := buildCard(&st, 100, cardInput{e: deepAnalytics(inLocation), loc: time.UTC})
		if len(card) > 2<<20 || strings.Count(card, "\n") > maxCardLines+1 {
			t.Errorf("location %v: card of %d bytes, %d lines", inLocation, len(card), strings.Count(card, "\n"))
		}
		if !strings.Contains(card, "nested deeper than 32 levels") {
			t.Errorf("location %v: the card does not say the depth limit cut it", inLocation)
		}
		if !strings.Contains(card, `"client_ip": "192.0.2.1"`) {
			t.Errorf("location %v: the shallow fields are not shown", inLocation)
		}
	}
}

// TestDetailCardLimits: the JSON and the card stop at their size limits
// and say so.
func TestDetailCardLimits(t *testing.T) {
	st := theme.Default()
	var b strings.Builder
	b.WriteString(`{"a": [`)
	for i := 0; b.Len() < maxRawShown-100; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"k":1}`)
	}
	b.WriteString(`]}`)
	e := &model.Entry{Kind: model.KindJSON, Raw: []byte(b.String()), Payload: []byte(b.String()), Origin: model.Origin{Offset: -1}}
	card := buildCard(&st, 100, cardInput{e: e, loc: time.UTC})
	if n := strings.Count(card, "\n"); n > maxCardLines+1 {
		t.Errorf("card of %d lines", n)
	}
	if !strings.Contains(card, "KiB of the JSON are shown") && !strings.Contains(card, "the card stops at") {
		t.Errorf("the card does not say it was cut:\n%s", card[len(card)-300:])
	}
}

// TestDetailDropsStaleCards: cards are built in Cmds; a card for an entry
// the cursor has left is dropped when it arrives late.
func TestDetailDropsStaleCards(t *testing.T) {
	st, km := theme.Default(), DefaultKeyMap()
	d := NewDetail(&km, &st)
	d.SetSize(80, 20)
	a, b := fixtureEntries()[1], fixtureEntries()[7]
	a.Seq, b.Seq = 2, 8
	d, buildA := d.SetEntry(cardInput{e: &a, loc: time.UTC})
	d, buildB := d.SetEntry(cardInput{e: &b, loc: time.UTC})
	if buildA == nil || buildB == nil {
		t.Fatal("SetEntry built the card in Update: no Cmd")
	}
	if !strings.Contains(d.View(), "loading") {
		t.Errorf("the pane does not say it is loading:\n%s", d.View())
	}
	d = d.SetCard(buildB().(detailCardMsg))
	d = d.SetCard(buildA().(detailCardMsg)) // late, for the entry left behind
	if v := d.View(); !strings.Contains(v, "failed to get SD") || strings.Contains(v, "State: Online") {
		t.Errorf("the pane shows the stale card:\n%s", v)
	}
}

package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/internal/uitest"
	"connlog/ui/theme"
)

// TestDetailCardDeep: a line of 9,990 nested arrays, in the object or in
// its location string, gives a card of bounded size that says where the
// depth limit cut, instead of hundreds of megabytes of indentation.
func TestDetailCardDeep(t *testing.T) {
	st := theme.Default()
	for _, inLocation := range []bool{false, true} {
		card := BuildCard(&st, 100, Input{Entry: deepAnalytics(inLocation), Location: time.UTC})
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
	for i := 0; b.Len() < maxShown-100; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"k":1}`)
	}
	b.WriteString(`]}`)
	e := &model.Entry{Kind: model.KindJSON, Raw: []byte(b.String()), Payload: []byte(b.String()), Origin: model.Origin{Offset: -1}}
	card := BuildCard(&st, 100, Input{Entry: e, Location: time.UTC})
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
	st := theme.Default()
	d := New(newTestKeys(), &st)
	d.SetSize(80, 20)
	a := serviceEntry(2, model.LevelInfo, "connector", "State: Online")
	b := serviceEntry(8, model.LevelWarn, "libsdwan", "failed to get SD: Gone, code 410")
	d, buildA := d.SetEntry(Input{Entry: a, Location: time.UTC})
	d, buildB := d.SetEntry(Input{Entry: b, Location: time.UTC})
	if buildA == nil || buildB == nil {
		t.Fatal("SetEntry built the card in Update: no Cmd")
	}
	if !strings.Contains(d.View(), "loading") {
		t.Errorf("the pane does not say it is loading:\n%s", d.View())
	}
	d, _ = d.Update(buildB())
	d, _ = d.Update(buildA()) // late, for the entry left behind
	if v := d.View(); !strings.Contains(v, "failed to get SD") || strings.Contains(v, "State: Online") {
		t.Errorf("the pane shows the stale card:\n%s", v)
	}
}

// show builds the card of e in a pane of w×h, as the program would.
func show(t *testing.T, keys Bindings, w, h int, e *model.Entry) Model {
	t.Helper()
	st := theme.Monochrome()
	d := New(keys, &st)
	d.SetSize(w, h)
	d, cmd := d.SetEntry(Input{Entry: e, Location: time.UTC})
	d, _ = d.Update(uitest.Call(t, cmd))
	return d
}

// TestPaneScrolls: the moves scroll the card; g and G go to its ends.
func TestPaneScrolls(t *testing.T) {
	long := strings.Repeat("word ", 400)
	d := show(t, newTestKeys(), 60, 8, serviceEntry(1, model.LevelInfo, "connector", long))
	steps := []struct {
		key  string
		want func(int) bool
	}{
		{"j", func(o int) bool { return o == 1 }},
		{"k", func(o int) bool { return o == 0 }},
		{"pgdown", func(o int) bool { return o == 7 }},
		{"G", func(o int) bool { return o > 7 }},
		{"g", func(o int) bool { return o == 0 }},
	}
	for _, s := range steps {
		d, _ = d.Update(uitest.Keys(s.key)[0])
		if !s.want(d.YOffset()) {
			t.Errorf("after %s the offset is %d", s.key, d.YOffset())
		}
	}
}

// TestPaneTitle: the title says what the pane shows and names the keys
// as they are bound at that moment.
func TestPaneTitle(t *testing.T) {
	keys := newTestKeys()
	st := theme.Monochrome()
	empty := New(keys, &st)
	empty.SetSize(60, 5)
	if v := ansi.Strip(empty.View()); !strings.Contains(v, "(no entry)") {
		t.Errorf("an empty pane: %q", v)
	}
	d := show(t, keys, 80, 10, serviceEntry(1, model.LevelInfo, "connector", "State: Online"))
	keys.km.Pair = theme.Bind("paired event", "P")
	first := strings.Split(ansi.Strip(d.View()), "\n")[0]
	if !strings.Contains(first, "tab focus table/detail · P paired event") {
		t.Errorf("the title does not follow the bindings: %q", first)
	}
}

// TestPaneKeepsScrollOnRefresh: a new zone rebuilds the card of the same
// entry where it was scrolled; a new entry starts at the top.
func TestPaneKeepsScrollOnRefresh(t *testing.T) {
	e := serviceEntry(1, model.LevelInfo, "connector", strings.Repeat("word ", 400))
	d := show(t, newTestKeys(), 60, 8, e)
	d, _ = d.Update(uitest.Keys("j")[0])
	d, cmd := d.SetLocation(time.FixedZone("CET", 3600))
	d, _ = d.Update(uitest.Call(t, cmd))
	if d.YOffset() != 1 || !strings.Contains(ansi.Strip(d.View()), "CET") {
		t.Errorf("offset %d after a zone change; want 1", d.YOffset())
	}
	d, cmd = d.SetEntry(Input{Entry: serviceEntry(2, model.LevelInfo, "connector", strings.Repeat("more ", 400)), Location: time.UTC})
	d, _ = d.Update(uitest.Call(t, cmd))
	if d.YOffset() != 0 {
		t.Errorf("offset %d on a new entry; want 0", d.YOffset())
	}
}

// TestCardIsInert: hostile values in every section reach the card as
// visible text.
func TestCardIsInert(t *testing.T) {
	hostile := "x\x1b[2Jy\x1b]52;c;ZXZpbA==\x07 \u202Eexe"
	e := serviceEntry(1, model.LevelError, hostile, hostile)
	e.Origin.Host = hostile
	// A field's key is log text too: a JSON object may name it anything.
	e.Fields = append(e.Fields, model.Str("a\x1b]0;pwned\x07b", "1"))
	st := theme.Monochrome()
	card := BuildCard(&st, 80, Input{Entry: e, Location: time.UTC, Sources: []string{hostile}})
	for _, bad := range []string{"\x1b[2J", "\x1b]52", "\x07", "\u202E"} {
		if strings.Contains(card, bad) {
			t.Errorf("%q reached the card: %q", bad, card)
		}
	}
	if !strings.Contains(ansi.Strip(card), "x␛[2Jy") {
		t.Errorf("the hostile value is not shown as visible text: %q", card)
	}
}

// A Linux audit record's card is headed by its record type (it has no
// log type) and lists its pairs, hostile values made visible.
func TestLinuxAuditCard(t *testing.T) {
	raw := "type=USER_LOGIN msg=audit(1796378400.123:456): msg='acct=\"al\x1b[2Jice\" res=failed'"
	e := &model.Entry{Kind: model.KindAudit, Level: model.LevelWarn, Raw: []byte(raw), Payload: []byte(raw), Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str(model.KeyAuditEvent, "1796378400.123:456"),
			model.Str("acct", "al\x1b[2Jice"), model.Str("res", "failed")}}
	st := theme.Monochrome()
	card := ansi.Strip(BuildCard(&st, 100, Input{Entry: e, Location: time.UTC}))
	for _, want := range []string{"AUDIT RECORD · USER_LOGIN", "1796378400.123:456", "al␛[2Jice", "failed"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q:\n%s", want, card)
		}
	}
	if strings.Contains(card, "\x1b[2J") {
		t.Errorf("an escape reached the card")
	}
}

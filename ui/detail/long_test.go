package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// longEntry is a text line of about n bytes with "needle" near its end.
func longEntry(n int) (*model.Entry, int) {
	msg := strings.Repeat("abcdefghi ", n/10) + "漢字 needle end"
	return &model.Entry{Seq: 1, Time: base, Kind: model.KindText, Raw: []byte(msg),
		Fields: model.Fields{model.Str(model.KeyMessage, msg)}, Origin: model.Origin{Offset: -1}}, strings.Index(msg, "needle")
}

// TestCardShowsAMatchPastTheCut: a search word near the end of a 200 KB
// line is shown, marked, in the message and in RAW, with a note that says
// which bytes are shown and where the match is; the card stays within its
// bounds, and a line with no match past the cut shows its start.
func TestCardShowsAMatchPastTheCut(t *testing.T) {
	st := theme.Monochrome()
	e, at := longEntry(200 << 10)
	q, err := query.Compile("needle", query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	card := BuildCard(&st, 100, Input{Entry: e, Location: time.UTC, Terms: q.Finders(), Queries: []*query.Query{q}})
	if n := strings.Count(card, st.Match.Render("needle")); n != 2 {
		t.Errorf("the match is marked %d times, want in the message and in RAW", n)
	}
	// Bytes are counted from 1, as a query error counts its columns: the
	// note names the match's first byte and the first and last bytes shown.
	from := at - matchContext
	note := "… bytes " + theme.Commas(int64(from+1)) + "–" + theme.Commas(int64(len(e.Raw))) + " of " +
		theme.Commas(int64(len(e.Raw))) + " are shown, around the first match at byte " + theme.Commas(int64(at+1))
	if n := strings.Count(card, note); n != 2 {
		t.Errorf("%d notes say %q, want 2:\n%s", n, note, card[len(card)-500:])
	}
	if strings.Contains(card, "the card stops at") {
		t.Error("the card was cut at its line limit")
	}
	narrow := BuildCard(&st, 50, Input{Entry: e, Location: time.UTC, Terms: q.Finders()})
	for _, l := range strings.Split(narrow, "\n") {
		if w := theme.CellWidth(ansi.Strip(l)); w > 50 {
			t.Errorf("a line of %d cells in a card of 50, the pane would cut it: %q", w, ansi.Strip(l))
		}
	}
	plain := BuildCard(&st, 100, Input{Entry: e, Location: time.UTC})
	if !strings.Contains(plain, "… the first 65,536 of "+theme.Commas(int64(len(e.Raw)))+" bytes are shown") {
		t.Errorf("without a search the card does not say it shows the line's start:\n%s", plain[len(plain)-300:])
	}
}

// TestCardOfAMegabyteLine: a 1 MiB line with its match at the end builds
// a card of bounded size, the match in it.
func TestCardOfAMegabyteLine(t *testing.T) {
	st := theme.Monochrome()
	e, _ := longEntry(1 << 20)
	q, err := query.Compile(`/need[l]e/`, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	card := BuildCard(&st, 80, Input{Entry: e, Location: time.UTC, Terms: q.Finders()})
	if len(card) > 4*maxShown || !strings.Contains(card, st.Match.Render("needle")) {
		t.Errorf("card of %d bytes, match shown %v", len(card), strings.Contains(card, st.Match.Render("needle")))
	}
}

package detail

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/inert"
	"connlog/model/query"
	"connlog/ui/theme"
)

// maxCardLines bounds the card, whatever the entry holds: a record of
// thousands of fields must not build a card of millions of lines.
const maxCardLines = 5000

// card accumulates the lines of the detail pane, wrapped to its width.
// Values are sanitised here, so a builder cannot forget to.
type card struct {
	st    *theme.Styles
	w     int
	loc   *time.Location
	lines []string
	cut   bool              // lines past maxCardLines were left out
	terms []query.Finder    // what the filter and the search match, to mark
	e     *model.Entry      // the entry shown
	marks []query.FieldMark // the values of e the filter's and the search's field terms matched
}

func newCard(st *theme.Styles, w int, loc *time.Location, terms []query.Finder) *card {
	return &card{st: st, w: max(w, 20), loc: loc, terms: terms}
}

// header starts the card: the kind's title, then the entry's time.
func (c *card) header(title string, e *model.Entry) {
	c.section(title)
	c.kv("time", e.Time.In(c.loc).Format("2006-01-02 15:04:05.000 MST"))
}

// section starts a titled group of lines.
func (c *card) section(title string) {
	if len(c.lines) > 0 {
		c.add("")
	}
	c.add(c.st.Title.Render(title))
}

// kv adds a key and an untrusted value; empty values are skipped so that
// a record missing a field reads naturally.
func (c *card) kv(k, v string) { c.kvMarked(k, theme.Plain(v), lipgloss.Style{}) }

// field is the value of e's first field named key, with its marks.
func (c *card) field(key string) theme.Marked { return theme.FieldOf(c.e, c.marks, key) }

// fieldAt is the value of e's field i, with its marks.
func (c *card) fieldAt(i int) theme.Marked { return theme.FieldAt(c.e, c.marks, i) }

// kvMarked adds a key and an untrusted value with the parts of it that
// matched a field term, drawn in style; an empty value is skipped.
func (c *card) kvMarked(k string, v theme.Marked, style lipgloss.Style) {
	if v.Text == "" {
		return
	}
	v, before, after := c.window(v)
	c.noteIf(before)
	c.kvStyledMarked(k, v.WithTerms(c.terms).Clean(), style)
	c.noteIf(after)
}

// kvStyled adds a key and an already sanitised value drawn in style.
func (c *card) kvStyled(k, v string, style lipgloss.Style) {
	c.kvStyledMarked(k, theme.Plain(v), style)
}

// kvStyledMarked adds a key and an already sanitised value, with its
// marks, drawn in style.
func (c *card) kvStyledMarked(k string, v theme.Marked, style lipgloss.Style) {
	if c.full() {
		c.cut = true
		return
	}
	pad := strings.Repeat(" ", theme.KeyColumn+2)
	wrapped := theme.WrapWhole(v.Text, inert.StandInsIn(v.Text), c.w-theme.KeyColumn-2)
	label := theme.Clean(k)
	own := theme.CellWidth(label) > theme.KeyColumn-1
	if own {
		// A key wider than the label column gets lines of its own, wrapped
		// but never cut: the user types it in a query.
		for _, piece := range strings.Split(ansi.Hardwrap(label, c.w-2, false), "\n") {
			c.add("  " + c.st.Key.Render(piece))
		}
	}
	for i, line := range theme.MarkLines(v, wrapped, c.terms, style, c.st.Match) {
		head := pad
		if i == 0 && !own {
			head = "  " + c.st.Key.Render(theme.Fit(label, theme.KeyColumn-1)) + " "
		}
		c.add(head + line)
	}
}

// block adds untrusted multi-line text (a stacktrace, a raw line) indented
// and wrapped, each line sanitised on its own so its line breaks stay.
func (c *card) block(text string) { c.markedBlock(theme.Plain(text)) }

// markedBlock is block for text with marks of its own.
func (c *card) markedBlock(text theme.Marked) {
	at := 0
	for _, raw := range strings.Split(text.Text, "\n") {
		piece := text.Slice(at, at+len(raw))
		at += len(raw) + 1
		if c.full() {
			c.cut = true
			return
		}
		shown := piece.WithTerms(c.terms).Clean()
		lines := theme.HardwrapClean(raw, c.w-4)
		for _, line := range theme.MarkLines(shown, lines, c.terms, c.st.Block, c.st.Match) {
			c.add("    " + line)
		}
	}
}

// note adds a dim line of explanation.
func (c *card) note(s string) {
	c.add("  " + c.st.Dim.Render(s))
}

// noteIf adds a note unless it is empty, wrapped to the card's width: it
// says where a match is, which a narrow pane must not cut off.
func (c *card) noteIf(s string) {
	if s == "" {
		return
	}
	for _, l := range theme.Wrap(s, c.w-2) {
		c.note(l)
	}
}

// add appends a line unless the card is full.
func (c *card) add(line string) {
	if c.full() {
		c.cut = true
		return
	}
	c.lines = append(c.lines, line)
}

func (c *card) full() bool { return len(c.lines) >= maxCardLines }

// text returns the card, saying where it was cut.
func (c *card) text() string {
	if c.cut {
		c.lines = append(c.lines, "  "+c.st.Dim.Render("… the card stops at "+strconv.Itoa(maxCardLines)+" lines"))
	}
	return strings.Join(c.lines, "\n")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

package detail

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/query"
	"connlog/ui/theme"
)

// Input is what the detail card is built from.
type Input struct {
	Entry    *model.Entry
	Pair     model.Pair // the other half of its connection, when HasPair
	HasPair  bool
	Location *time.Location // the zone times are shown in
	Sources  []string       // source names by SourceID
	PairKey  string         // the key that goes to the paired event, for the card's hint
	// Following is set while more entries may still come (some input is
	// still read); Now is when the card is asked for. Without them a
	// connection with no close has its close past the end of the log.
	Following bool
	Now       time.Time
	// Terms are the filter's and the search's words and expressions, marked
	// where they match the message and the raw line.
	Terms []query.Finder
	// Queries are the filter and the search: the values of the entry their
	// field terms matched (country:DE, rx>1MB) are marked where the card
	// shows them.
	Queries []*query.Query
}

// recentOpen is how long after its establishment a connection with no
// close is taken to be still open while the input is followed: an older
// one (yesterday's file, still followed) has its close, if any, past what
// was read, not ahead.
const recentOpen = 24 * time.Hour

// BuildCard renders the whole detail card of an entry at width w.
func BuildCard(st *theme.Styles, w int, in Input) string {
	c := newCard(st, w, in.Location, in.Terms)
	e := in.Entry
	c.e = e
	for _, q := range in.Queries {
		c.marks = append(c.marks, q.FieldMarks(e)...)
	}
	switch e.Kind {
	case model.KindAnalytics:
		c.analyticsCard(e)
		c.pairSection(in)
	case model.KindAudit:
		c.auditCard(e)
	case model.KindService:
		c.serviceCard(e)
	case model.KindSession:
		c.fieldsCard(e)
		c.pairSection(in)
	default:
		c.fieldsCard(e)
	}
	c.jsonSection(e)
	c.rawSection(e)
	c.originSection(in)
	return c.text()
}

// pairSection says where the other half of the connection is.
func (c *card) pairSection(in Input) {
	if !in.HasPair || in.Pair.ID == "" {
		return
	}
	p := in.Pair
	c.section("PAIRED EVENT")
	at := func() string { return p.PartnerTime.In(in.Location).Format("2006-01-02 15:04:05.000") }
	switch {
	case p.Ended && p.Partner != 0:
		c.kv("outcome", "failed: there is no close for this connection")
		c.kv("established", at()+" ("+p.PartnerEvent+")")
	case p.Ended:
		c.kv("outcome", "failed: there is no close for this connection")
	case p.Open && in.Following && in.Now.Sub(in.Entry.Time) < recentOpen:
		c.kv("closed", "not yet: the connection is still open")
	case p.Open:
		c.kv("closed", "no close seen (after the end of the log)")
	case p.Partner != 0 && isOpening(in.Entry):
		c.kv("closed", at()+" ("+p.PartnerEvent+")")
	case p.Partner != 0:
		c.kv("established", at()+" ("+p.PartnerEvent+")")
	default:
		c.kv("established", "not seen (before the start of the log, or evicted)")
	}
	if p.Partner != 0 && in.PairKey != "" {
		c.note("press " + in.PairKey + " to jump to it")
	}
}

func isOpening(e *model.Entry) bool {
	return e.Fields.Value(model.KeyEventType) == model.EventEstablished || e.Fields.Value(model.KeyPhase) == "START"
}

// jsonSection pretty-prints a JSON payload; an analytics event gets its
// nested location string expanded into an object. Depth and size are
// bounded, and the card says where the limits cut.
func (c *card) jsonSection(e *model.Entry) {
	p := e.Payload
	if len(p) == 0 {
		p = e.Raw
	}
	p = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(p), []byte("ANALYTICS")))
	if len(p) == 0 || p[0] != '{' || len(p) > maxShown {
		return
	}
	pretty, tooDeep, truncated, ok := prettyJSON(p)
	if !ok {
		return
	}
	c.section("JSON")
	c.block(pretty)
	if tooDeep {
		c.note("nested deeper than " + strconv.Itoa(maxCardDepth) + " levels: the deeper values are shown on one line")
	}
	if truncated {
		c.note("… the first " + strconv.Itoa(maxCardJSONBytes>>10) + " KiB of the JSON are shown; RAW below has the line")
	}
}

// rawSection shows the line as read, with invisible characters visible.
func (c *card) rawSection(e *model.Entry) {
	c.section("RAW (" + strconv.Itoa(len(e.Raw)) + " bytes)")
	if note := theme.BlankNote(e, string(e.Raw)); note != "" {
		c.add("    " + c.st.Dim.Render(note)) // a line of spaces would show as none
		return
	}
	raw, before, after := c.window(theme.Marked{Text: string(e.Raw), Spans: c.decodedMatches(e)})
	c.noteIf(before)
	c.markedBlock(raw)
	c.noteIf(after)
}

// decodedMatches are the bytes of e's line that wrote what the terms
// match in the line decoded, for a line that writes its text as JSON (a
// docker record, journalctl -o json): the search finds `"health" request`
// there as the table shows it, and RAW marks the `\"health\" request`
// that the line holds.
func (c *card) decodedMatches(e *model.Entry) [][2]int {
	if len(c.terms) == 0 || len(e.Others) > 0 || e.IsMark() || !envelope.WritesTextAsJSON(e.Origin.Envelope) {
		return nil
	}
	spans := envelope.DecodedSpans(e.Raw, func(decoded string, mark func(a, b int)) {
		for i := range c.terms {
			c.terms[i].All(decoded, mark)
		}
	})
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] }) // the window takes the first as the earliest
	return spans
}

// originSection says where the entry came from, its flags and any error.
func (c *card) originSection(in Input) {
	e, o := in.Entry, in.Entry.Origin
	c.section("ORIGIN")
	if int(e.Source) < len(in.Sources) {
		c.kv("source", in.Sources[e.Source])
	}
	c.kv("envelope", o.Envelope)
	if o.Offset >= 0 {
		c.kv("offset", itoa(o.Offset))
	}
	c.kvMarked("host", theme.AttrText(o.Host, query.AttrHost, c.marks), lipgloss.Style{})
	c.kvMarked("unit", theme.AttrText(o.Unit, query.AttrUnit, c.marks), lipgloss.Style{})
	c.kvMarked("ident", theme.AttrText(o.Ident, query.AttrIdent, c.marks), lipgloss.Style{})
	if o.PID > 0 {
		c.kv("pid", itoa(int64(o.PID)))
	}
	c.kv("stream", o.Stream.String())
	if j := o.Journal; j != nil {
		c.kv("invocation", j.InvocationID)
		c.kv("boot", j.BootID)
		c.kv("transport", j.Transport)
		if j.Priority >= 0 {
			c.kv("priority", itoa(int64(j.Priority)))
		}
		c.kv("cursor", j.Cursor)
	}
	c.kv("seq", itoa(e.Seq))
	if f := flagsText(e.Flags); f != "" {
		c.kvStyled("flags", f, c.st.Notice)
	}
	if e.Err != "" {
		c.kvStyled("parse error", theme.Clean(e.Err), c.st.ErrorText)
	}
}

func flagsText(f model.Flags) string {
	var out []string
	if f.Has(model.FlagTimeInferred) {
		// Inherited from the line before it, or, with none, when it was
		// read (or when reading began, for several files read together).
		out = append(out, "no time of its own: that of the line before it, or when it was read")
	}
	if f.Has(model.FlagParseError) {
		out = append(out, "parse error")
	}
	if f.Has(model.FlagTruncated) {
		out = append(out, "line truncated")
	}
	if f.Has(model.FlagPartial) {
		out = append(out, "partial line (no newline)")
	}
	if f.Has(model.FlagMessageUnreadable) {
		out = append(out, model.MessageUnreadable)
	}
	return strings.Join(out, "; ")
}

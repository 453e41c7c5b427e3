package status

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// Follow says whether the table tracks the newest entry.
type Follow uint8

// The follow states.
const (
	Following Follow = iota // new entries scroll in
	Paused                  // the cursor stays put; new entries are counted
)

// String returns the word the status line shows.
func (f Follow) String() string {
	if f == Paused {
		return "PAUSED"
	}
	return "FOLLOW"
}

// Info is everything the status line reports; the root fills it.
type Info struct {
	Sources []model.SourceStatus
	// Follow says whether the table tracks the newest entry; when Paused,
	// NewSince entries arrived since.
	Follow       Follow
	NewSince     int
	Shown, Total int  // rows of the view, entries of the store
	Building     bool // the view is being built for a new filter
	Errs, Warns  int
	Rate         float64 // lines per second
	Loss         model.Ledger
	Mem, MaxMem  int64
	Clock        time.Time
	UTC          bool
	// Muted templates, and how many of their lines the store holds: the
	// table hides them, and the status line must say so.
	Muted      int
	MutedLines int64
}

// Model is the top line: what is watched, follow state, counts, loss,
// ingest rate, memory and the clock. It always fits its width, dropping the
// least important parts first.
type Model struct {
	styles *theme.Styles
	width  int
	title  string
	info   Info
}

// New returns a status line with a title.
func New(styles *theme.Styles, title string) Model {
	return Model{styles: styles, title: title}
}

// SetTitle replaces the title.
func (s *Model) SetTitle(title string) { s.title = title }

// SetInfo sets what the line reports.
func (s *Model) SetInfo(in Info) { s.info = in }

// SetSize sets the width; the status line is one line high.
func (s *Model) SetSize(w, _ int) { s.width = w }

// Update has nothing to react to: the root sets the information.
func (s Model) Update(_ tea.Msg) (Model, tea.Cmd) { return s, nil }

// statusPart is one piece of the line; prio decides what goes first. A
// part with a short form is cut to it before it goes, and the short form
// goes at its own priority.
type statusPart struct {
	text  string
	style lipgloss.Style
	prio  int
	short string
	// shortPrio is the short form's priority.
	shortPrio int
}

const statusSep = " │ "

// headFirstPrio is the priority under which a part gives way to a head
// that would otherwise be cut.
const headFirstPrio = 50

// lossLastPrio is the priority of the loss counter's short form, above
// every other part's: it is the last to go.
const lossLastPrio = 110

// lowestPrio is the priority of the least important part.
func lowestPrio(ps []statusPart) int {
	low := ps[0].prio
	for _, p := range ps[1:] {
		low = min(low, p.prio)
	}
	return low
}

// View draws the line at exactly its width.
func (s Model) View() string {
	if s.width <= 0 {
		return ""
	}
	parts := s.parts()
	title, states := s.headParts(false)
	for fixedWidth(parts) > s.width-s.headMin(title, states) && len(parts) > 1 {
		parts = shrinkLowest(parts)
	}
	// The least useful parts (the memory meter, the clock's time) give way
	// too rather than the head be cut: "hostile.log: f…" says nothing.
	for theme.CellWidth(title+states) > s.width-fixedWidth(parts) && len(parts) > 1 && lowestPrio(parts) < headFirstPrio {
		parts = shrinkLowest(parts)
	}
	room := s.width - fixedWidth(parts)
	var b strings.Builder
	if room > 0 {
		b.WriteString(s.styles.Status.Render(s.fitHead(room)))
	}
	for _, p := range parts {
		b.WriteString(s.styles.Status.Render(statusSep))
		b.WriteString(p.style.Render(p.text))
	}
	return theme.PadStyled(b.String(), s.width)
}

// headText is the title and the sources with their states.
func (s Model) headText() string {
	title, states := s.headParts(false)
	return title + states
}

// headParts are the title (" title") and the sources with their states
// (" · name: state", or " name: state" without a title). The compact form
// leaves out the inputs that are merely followed, and says less of a held
// line (see heldText).
func (s Model) headParts(compact bool) (title, states string) {
	var b strings.Builder
	i := 0
	// The inputs not read come first, as the empty view names them.
	for _, src := range s.info.Loss.NotReadFirst(s.info.Sources) {
		if compact && unremarkable(src) {
			continue
		}
		switch {
		case len(s.info.Sources) == 1 && src.Name == s.title:
			// The title names the one file already: its state follows it,
			// which at 80 columns it would not after the name again.
		case i == 0 && s.title != "":
			b.WriteString(" · ")
			b.WriteString(theme.Clean(s.nameAfterTitle(src.Name)))
		case i > 0:
			b.WriteString(", ")
			fallthrough
		default:
			b.WriteString(theme.Clean(s.nameAfterTitle(src.Name)))
		}
		b.WriteString(stateText(src, compact))
		i++
	}
	return " " + theme.Clean(s.title), b.String()
}

// headMin is the room the head keeps from the other parts: a few cells;
// while an input is down or failed its state, which says why and when it
// retries (up to a little over half the line); while an input holds an
// unfinished line, the start of that line (up to two thirds of the line:
// its time alone takes 20 cells).
func (s Model) headMin(title, states string) int {
	n := min(12, theme.CellWidth(title+states))
	if troubleText(s.info.Sources) != "" {
		n = max(n, min(theme.CellWidth(states)+1, s.width*11/20))
	}
	if holding(s.info.Sources) {
		// The compact head, which fitHead falls back to, is enough.
		title, compact := s.headParts(true)
		n = max(n, min(theme.CellWidth(title+compact)+1, s.width*2/3))
	}
	return n
}

// fitHead fits the head into room. While an input is down or failed, or
// holds an unfinished line, the states are what matters: when they do not
// fit, their compact form is tried, then the title is cut before them, and
// left out when little of it would remain.
func (s Model) fitHead(room int) string {
	title, states := s.headParts(false)
	statesFirst := troubleText(s.info.Sources) != "" || holding(s.info.Sources)
	if theme.CellWidth(title+states) <= room || !statesFirst {
		return theme.Fit(title+states, room)
	}
	if title, states = s.headParts(true); theme.CellWidth(title+states) <= room {
		return theme.Fit(title+states, room)
	}
	if s.titleNamesInput() {
		return fitNamedHead(title, states, room)
	}
	const titleMin = 8 // fewer cells of a title say nothing
	titleRoom := room - theme.CellWidth(states)
	if titleRoom >= titleMin {
		return theme.Fit(title, titleRoom) + states
	}
	// Without the title, the states lose their separator: " · name: state",
	// or ": state" after the title that names the one input.
	states = strings.TrimPrefix(strings.TrimPrefix(states, " · "), ": ")
	return theme.Fit(" "+states, room)
}

// StateText is what follows an input's name wherever it is listed:
// ": ERROR why" when it failed, else ": state", and the unfinished line it
// holds; "" when it has none of these. It is made inert.
func StateText(src model.SourceStatus) string { return stateText(src, false) }

// stateText is StateText, in the compact form the head uses when the
// full one does not fit: a followed input that holds a line says only that,
// and less of it.
func stateText(src model.SourceStatus, compact bool) string {
	held := heldText(src.Held, compact)
	switch {
	case src.Err != "":
		return ": ERROR " + theme.Clean(src.Err)
	case held != "" && (src.State == "" || compact && src.State == "following"):
		return ": " + held
	case held != "":
		return ": " + theme.Clean(src.State) + " · " + held
	case src.State != "":
		return ": " + theme.Clean(src.State)
	}
	return ""
}

// allEnded reports whether there are sources and every one has ended.
func allEnded(srcs []model.SourceStatus) bool {
	for _, s := range srcs {
		if !s.Done {
			return false
		}
	}
	return len(srcs) > 0
}

// parts lists the fixed parts, left to right.
func (s Model) parts() []statusPart {
	st, in := s.styles, s.info
	follow := statusPart{text: in.Follow.String(), style: st.StatusFollow, prio: 100}
	switch {
	case in.Follow == Paused && (in.NewSince > 0 || !allEnded(in.Sources)):
		follow = statusPart{text: in.Follow.String() + " — " + theme.Commas(int64(in.NewSince)) + " new", style: st.StatusPaused, prio: 100}
	case allEnded(in.Sources):
		// Nothing more will arrive (--no-follow, a pipe at its end): the
		// table follows nothing, and a paused one waits for nothing; "0
		// new" would say some could come.
		follow.text = "END"
	}
	count := theme.Commas(int64(in.Shown)) + "/" + theme.Commas(int64(in.Total))
	if in.Building {
		count = "filtering… " + count
	}
	ps := []statusPart{follow, {text: count, style: st.Status, prio: 95}}
	if trouble := troubleText(in.Sources); trouble != "" {
		// The head says why, but is the first to be cut: a store that went
		// down must show at any width, before FOLLOW.
		ps = append(ps, statusPart{text: trouble, style: st.StatusLoss, prio: 101})
	}
	if loss := lossText(in.Loss); loss != "" {
		// Cut to the count of gaps, which is the last part to go: a view
		// that misses lines must say so at any width, after the head is
		// cut to its least and every other part has gone.
		ps = append(ps, statusPart{text: loss, style: st.StatusLoss, prio: 90,
			short: "LOSS " + theme.Plural(in.Loss.Events, "gap"), shortPrio: lossLastPrio})
	}
	if in.Muted > 0 {
		ps = append(ps, statusPart{text: theme.Commas(int64(in.Muted)) + " muted, " + theme.Plural(in.MutedLines, "line"),
			style: st.StatusPaused, prio: 92})
	}
	ps = append(ps,
		statusPart{text: "E " + theme.Commas(int64(in.Errs)), style: st.StatusErr, prio: 80},
		statusPart{text: "W " + theme.Commas(int64(in.Warns)), style: st.StatusWarn, prio: 79},
		statusPart{text: rateText(in.Rate), style: st.StatusDim, prio: 50},
		statusPart{text: memText(in.Mem, in.MaxMem), style: st.StatusDim, prio: 40},
		// The clock goes first, but not the zone it names: the table's
		// times are in it, and t switches it.
		statusPart{text: clockText(in.Clock, in.UTC) + " ", style: st.Status, prio: 30,
			short: zoneText(in.UTC) + " ", shortPrio: 60},
	)
	return ps
}

// troubleText says that inputs are down (a store retrying) or failed:
// "DOWN" or "FAILED" for the one input, "2 of 3 inputs down" of several;
// "" when every input is well.
func troubleText(srcs []model.SourceStatus) string {
	down, failed := 0, 0
	for _, src := range srcs {
		switch {
		case src.Err != "":
			failed++
		case strings.HasPrefix(src.State, model.StateDown):
			down++
		}
	}
	var words []string
	for _, t := range []struct {
		n    int
		word string
	}{{down, "down"}, {failed, "failed"}} {
		switch {
		case t.n == 0:
		case len(srcs) == 1:
			words = append(words, strings.ToUpper(t.word))
		default:
			words = append(words, strconv.Itoa(t.n)+" of "+strconv.Itoa(len(srcs))+" inputs "+t.word)
		}
	}
	return strings.Join(words, ", ")
}

func fixedWidth(ps []statusPart) int {
	n := 0
	for _, p := range ps {
		n += theme.CellWidth(statusSep) + theme.CellWidth(p.text)
	}
	return n
}

// shrinkLowest cuts the least important part to its short form, or drops
// it when it has none.
func shrinkLowest(ps []statusPart) []statusPart {
	low := 0
	for i := range ps {
		if ps[i].prio < ps[low].prio {
			low = i
		}
	}
	if p := &ps[low]; p.short != "" {
		p.text, p.prio, p.short = p.short, p.shortPrio, ""
		return ps
	}
	return append(ps[:low:low], ps[low+1:]...)
}

// lossText is what the loss counter shows: the lines the gaps lost, then
// the bytes (a cut line, a truncated file) as a size, for they are not
// lines; the number of gaps when none said how much. "" when nothing was
// lost.
func lossText(l model.Ledger) string {
	if l.Events == 0 {
		return ""
	}
	var parts []string
	if n := l.Lines(); n > 0 {
		parts = append(parts, theme.Plural(n, "line"))
	}
	if n := l.Bytes(); n > 0 {
		parts = append(parts, model.HumanBytes(float64(n)))
	}
	if len(parts) == 0 {
		return "LOSS " + theme.Plural(l.Events, "gap")
	}
	if l.Unknown > 0 { // as the export's warning counts them
		parts = append(parts, theme.Commas(l.Unknown)+" of unknown size")
	}
	return "LOSS " + strings.Join(parts, ", ")
}

func rateText(r float64) string {
	if r >= 1000 {
		return strconv.FormatFloat(r/1000, 'f', 1, 64) + "k/s"
	}
	return strconv.FormatFloat(r, 'f', 0, 64) + "/s"
}

func memText(used, budget int64) string {
	s := "mem " + model.HumanBytesIEC(float64(used))
	if budget > 0 {
		s += "/" + model.HumanBytesIEC(float64(budget))
	}
	return s
}

func clockText(t time.Time, utc bool) string {
	if utc {
		t = t.UTC()
	}
	return t.Format("15:04:05") + " " + zoneText(utc)
}

// zoneText names the zone times are shown in.
func zoneText(utc bool) string {
	if utc {
		return "UTC"
	}
	return "local"
}

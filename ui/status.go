package ui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// statusInfo is everything the status line reports; the root fills it.
type statusInfo struct {
	sources      []model.SourceStatus
	follow       FollowState
	newSince     int
	shown, total int
	building     bool
	errs, warns  int
	rate         float64 // lines per second
	loss         model.Ledger
	mem, maxMem  int64
	clock        time.Time
	utc          bool
	// muted templates, and how many lines they had when muted: the table
	// hides them, and the status line must say so.
	muted      int
	mutedLines int64
}

// StatusLine is the top line: what is watched, follow state, counts, loss,
// ingest rate, memory and the clock. It always fits its width, dropping the
// least important parts first.
type StatusLine struct {
	styles *theme.Styles
	width  int
	title  string
	info   statusInfo
}

// NewStatusLine returns a status line with a title.
func NewStatusLine(styles *theme.Styles, title string) StatusLine {
	return StatusLine{styles: styles, title: title}
}

// SetSize sets the width; the status line is one line high.
func (s *StatusLine) SetSize(w, _ int) { s.width = w }

// Update has nothing to react to: the root sets the information.
func (s StatusLine) Update(_ tea.Msg) (StatusLine, tea.Cmd) { return s, nil }

// statusPart is one piece of the line; prio decides what goes first.
type statusPart struct {
	text  string
	style lipgloss.Style
	prio  int
}

const statusSep = " │ "

// View draws the line at exactly its width.
func (s StatusLine) View() string {
	if s.width <= 0 {
		return ""
	}
	parts := s.parts()
	head := s.headText()
	for fixedWidth(parts) > s.width-min(12, theme.CellWidth(head)) && len(parts) > 1 {
		parts = dropLowest(parts)
	}
	room := s.width - fixedWidth(parts)
	var b strings.Builder
	if room > 0 {
		b.WriteString(s.styles.Status.Render(theme.Fit(head, room)))
	}
	for _, p := range parts {
		b.WriteString(s.styles.Status.Render(statusSep))
		b.WriteString(p.style.Render(p.text))
	}
	return theme.PadStyled(b.String(), s.width)
}

// headText is the title and the sources with their states.
func (s StatusLine) headText() string {
	var b strings.Builder
	b.WriteString(" ")
	b.WriteString(theme.Clean(s.title))
	for i, src := range s.info.sources {
		if i == 0 && s.title != "" {
			b.WriteString(" · ")
		} else if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(theme.Clean(src.Name))
		switch {
		case src.Err != "":
			b.WriteString(": ERROR " + theme.Clean(src.Err))
		case src.State != "":
			b.WriteString(": " + theme.Clean(src.State))
		}
	}
	return b.String()
}

// parts lists the fixed parts, left to right.
func (s StatusLine) parts() []statusPart {
	st, in := s.styles, s.info
	follow := statusPart{text: "FOLLOW", style: st.StatusFollow, prio: 100}
	if in.follow == Paused {
		follow = statusPart{text: "PAUSED — " + commas(int64(in.newSince)) + " new", style: st.StatusPaused, prio: 100}
	}
	count := commas(int64(in.shown)) + "/" + commas(int64(in.total))
	if in.building {
		count = "filtering… " + count
	}
	ps := []statusPart{follow, {text: count, style: st.Status, prio: 95}}
	if loss := lossText(in.loss); loss != "" {
		ps = append(ps, statusPart{text: loss, style: st.StatusLoss, prio: 90})
	}
	if in.muted > 0 {
		ps = append(ps, statusPart{text: commas(int64(in.muted)) + " muted, " + plural(in.mutedLines, "line"),
			style: st.StatusPaused, prio: 92})
	}
	ps = append(ps,
		statusPart{text: "E " + commas(int64(in.errs)), style: st.StatusErr, prio: 80},
		statusPart{text: "W " + commas(int64(in.warns)), style: st.StatusWarn, prio: 79},
		statusPart{text: rateText(in.rate), style: st.StatusDim, prio: 50},
		statusPart{text: memText(in.mem, in.maxMem), style: st.StatusDim, prio: 40},
		statusPart{text: clockText(in.clock, in.utc) + " ", style: st.Status, prio: 30},
	)
	return ps
}

func fixedWidth(ps []statusPart) int {
	n := 0
	for _, p := range ps {
		n += theme.CellWidth(statusSep) + theme.CellWidth(p.text)
	}
	return n
}

func dropLowest(ps []statusPart) []statusPart {
	low := 0
	for i := range ps {
		if ps[i].prio < ps[low].prio {
			low = i
		}
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
		parts = append(parts, commas(n)+" lines")
	}
	if n := l.Bytes(); n > 0 {
		parts = append(parts, model.HumanBytes(float64(n)))
	}
	if len(parts) == 0 {
		return "LOSS " + commas(l.Events) + " gaps"
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
		return t.UTC().Format("15:04:05") + " UTC"
	}
	return t.Format("15:04:05") + " local"
}

// commas formats n with thousands separators (see theme.Commas).
func commas(n int64) string { return theme.Commas(n) }

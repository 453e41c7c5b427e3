package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"connlog/ui/status"
	"connlog/ui/theme"
)

// Layout constants.
const (
	footerLines     = 2   // filter bar (or prompt) and its error or hint, at least
	minBodyLines    = 2   // what a long footer leaves of the body: the table's header and a row
	wideDetailWidth = 140 // from this width the detail pane sits on the right
	minTableLines   = 4
)

// layout gives every component its size from the terminal's.
func (m *Model) layout() {
	w, h := m.width, m.height
	m.hintLine = m.drawShortHelp()
	m.status.SetSize(w, 1)
	m.bar.SetSize(w, footerLines)
	m.gotoIn.SetSize(w, 1)
	m.cmpIn.SetSize(w, 1)
	c := m.chrome()
	m.laid = c
	m.pivot.SetSize(w, h-c.lines())
	body := max(h-c.lines()-m.pivot.Height(), 0)
	m.help.SetSize(w, body)
	m.dialog.SetSize(w, body)
	tri := max(body-m.triageNoteLines(), 0)
	m.topN.SetSize(w, tri)
	m.tmpl.SetSize(w, tri)
	m.sess.SetSize(w, tri)
	m.changed.SetSize(w, tri)
	m.table.SetFocused(m.focus == FocusTable && !m.tl.Focused())
	m.detail.SetFocused(m.focus == FocusDetail)
	body = m.layoutTimeline(w, body)
	switch {
	case !m.showDetail || (body < minTableLines && m.focus == FocusTable):
		m.table.SetSize(w, body)
		m.detail.SetSize(w, 0)
	case body < minTableLines:
		// Too short for both panes: the focused one takes the room.
		m.table.SetSize(w, 0)
		m.detail.SetSize(w, body)
	case w >= wideDetailWidth:
		tw := w * 55 / 100
		m.table.SetSize(tw, body)
		m.detail.SetSize(w-tw-1, body)
	default:
		dh := max(body*45/100, 3)
		if body-dh < minTableLines {
			dh = max(body-minTableLines, 2)
		}
		m.table.SetSize(w, body-dh)
		m.detail.SetSize(w, dh)
	}
}

// View declares the screen: the frame on the alternate screen, with the
// mouse reported only when asked for (Config.Mouse).
func (m Model) View() tea.View {
	v := tea.NewView(m.frame())
	v.AltScreen = true
	if m.cfg.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// frame draws the screen: status, tabs, body (table and detail, help or the
// export dialog), pivot menu, footer.
func (m Model) frame() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	c := m.chrome()
	var lines []string
	if c.status {
		lines = append(lines, m.statusView())
	}
	if c.tabs {
		lines = append(lines, m.tabsView())
	}
	lines = append(lines, m.timelineLines()...)
	lines = append(lines, splitLines(m.bodyView())...)
	if m.pivot.Open() {
		lines = append(lines, splitLines(m.pivot.View())...)
	}
	if c.footer > 0 {
		lines = append(lines, m.footerLines(c.footer)...)
	}
	entries := m.store.Len()
	m.timing.frame(m.live.len(), entries)
	if m.firstScreen != nil && entries > 0 {
		m.firstScreen()
	}
	return fitScreen(lines, m.width, m.height)
}

// chrome is which fixed lines fit the terminal now. A footer with a long
// error or notice grows over the body, down to minBodyLines: on a short
// terminal too, where the key hints gave way to the rows, a notice or an
// error is read whole.
func (m Model) chrome() chrome {
	c := chromeFor(m.height, m.mode == ModeFilter || m.mode == ModeGoto || m.mode == ModeCompare, m.stripLines)
	if c.footer == footerLines || c.footer > 0 && (m.notice != "" || m.bar.Err() != "" || m.bar.Note() != "") {
		room := m.height - c.lines() + c.footer - minBodyLines
		c.footer = min(max(m.footerHeight(), c.footer), max(room, c.footer))
	}
	return c
}

func (m Model) bodyView() string {
	if !triageMode(m.mode) {
		return m.modeBody()
	}
	if note := m.triageNote(m.width); note != "" {
		// Under the view's title, which it completes.
		title, rest, _ := strings.Cut(m.modeBody(), "\n")
		return strings.Join([]string{title, note, rest}, "\n")
	}
	return m.modeBody()
}

// modeBody is the body the mode shows, without the eviction note over a
// triage view.
func (m Model) modeBody() string {
	switch m.mode {
	case ModeHelp:
		return m.help.WithInputs(m.inputLines()).View()
	case ModeExport:
		return m.dialog.View()
	case ModeTopN:
		return m.topN.View()
	case ModeTemplates:
		return m.tmpl.View()
	case ModeSessions:
		return m.sess.View()
	case ModeChanged, ModeCompare:
		return m.changed.View()
	}
	t := m.table.WithData(m.tableData())
	if !m.showDetail {
		return t.View()
	}
	if m.width >= wideDetailWidth {
		sep := strings.TrimSuffix(strings.Repeat(m.styles.Dim.Render("│")+"\n", t.Height()), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, t.View(), sep, m.detail.View())
	}
	return strings.Join(append(splitLines(t.View()), splitLines(m.detail.View())...), "\n")
}

// statusView fills the status line from the live state.
func (m Model) statusView() string {
	s := m.status
	sn := m.store.Snapshot()
	// Every count is of what sn holds: the view may not be trimmed yet.
	errs, warns := m.live.levels.heldFrom(sn.First())
	s.SetInfo(status.Info{
		Sources: m.sources, Follow: m.follow, NewSince: m.newSince, Shown: m.live.heldLen(sn), Total: sn.Len(),
		Building: m.live.building, Errs: errs, Warns: warns,
		Rate: m.rate.rate, Loss: m.stats.Loss, Mem: m.stats.MemBytes, MaxMem: m.maxMemory(),
		Clock: m.now.In(m.loc()), UTC: m.utc, Muted: len(m.mutes.list), MutedLines: m.mutedLines(),
	})
	return s.View()
}

func (m Model) maxMemory() int64 {
	if m.cfg.MaxMemory > 0 {
		return m.cfg.MaxMemory
	}
	return m.stats.MaxMemory
}

// tabsView draws the view switcher and, at the right, the selection state;
// the tabs' short names are used when the full ones do not fit.
func (m Model) tabsView() string {
	right := m.selectionText()
	tabs := m.tabLabels(false)
	if theme.CellWidth(tabs)+theme.CellWidth(right) > m.width {
		tabs = m.tabLabels(true)
	}
	line := theme.PadStyled(tabs, max(m.width-theme.CellWidth(right), 0))
	return theme.PadStyled(line+m.styles.Notice.Render(right), m.width)
}

// tabLabels draws the tabs, the active one in brackets (so that it shows
// without colour too).
func (m Model) tabLabels(short bool) string {
	var b strings.Builder
	for t := TabAll; t < tabCount; t++ {
		name := t.String()
		if short {
			name = t.Short()
		}
		if t == m.filter.tab {
			b.WriteString(m.styles.TabActive.Render("[" + string(rune('1'+t)) + " " + name + "]"))
		} else {
			b.WriteString(m.styles.Tab.Render(" " + string(rune('1'+t)) + " " + name + " "))
		}
	}
	return b.String()
}

// selectionText says what is selected: marks and the visual range.
func (m Model) selectionText() string {
	var parts []string
	if n := len(m.marks); n > 0 {
		parts = append(parts, commas(int64(n))+" marked")
	}
	if from, to := m.sel.bounds(); from != 0 {
		n := m.live.indexOf(to+1) - m.live.indexOf(from)
		parts = append(parts, m.sel.state.String()+" "+theme.Plural(int64(n), "row"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " · ") + " "
}

// shortHelp is the key hint line under the table. It depends only on the
// width, so it is drawn when the layout changes (see layout), not in every
// frame: drawing it was a tenth of a frame's time.
func (m Model) shortHelp() string { return m.hintLine }

// drawShortHelp draws the key hint line at the current width.
func (m Model) drawShortHelp() string { return m.drawHelp(m.keys.ShortHelp()) }

// drawHelp draws a hint line of bindings at the current width.
func (m Model) drawHelp(bs []key.Binding) string { return m.styles.HintLine(bs, m.width) }

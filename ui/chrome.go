package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// chrome is which of the fixed lines around the body fit the terminal. On
// a short terminal the rows are what the user came for: the tabs give way
// first, then the key hints, so that the table keeps wantedBodyLines (its
// header and five rows); then the status line, and last the filter line
// (or the prompt being typed in), so that even one row shows what the
// keyboard acts on.
type chrome struct {
	status, tabs bool
	footer       int // 0, 1 (the filter line or the prompt) or 2 (and the hints)
}

// wantedBodyLines is how many lines the table keeps before the key hints and
// the tabs take a line of their own: a header and five rows.
const wantedBodyLines = 6

// chromeFor picks the lines for a terminal h rows high; prompt says a bar
// or prompt has the keyboard; strip is how many lines of a body the
// timeline strip takes over the table (none when it is hidden), counted
// so that the table, not the strip, keeps wantedBodyLines.
func chromeFor(h int, prompt bool, strip func(body int) int) chrome {
	tableKeeps := func(body int) bool { return body-strip(body) >= wantedBodyLines }
	switch {
	case h >= 3:
		c := chrome{status: true, footer: 1}
		if tableKeeps(h - c.lines() - 1) {
			c.footer = footerLines
		}
		c.tabs = tableKeeps(h - c.lines() - 1)
		return c
	case h == 2 || prompt:
		return chrome{footer: 1}
	}
	return chrome{}
}

// lines is how many rows the chrome takes.
func (c chrome) lines() int {
	n := c.footer
	if c.status {
		n++
	}
	if c.tabs {
		n++
	}
	return n
}

// fitScreen makes the frame exactly w×h: lines wider than the terminal are
// cut, lines beyond its height dropped, missing ones added blank. It is the
// last guard of View: whatever a component draws, the terminal never
// scrolls or wraps.
func fitScreen(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		if theme.CellWidth(lines[i]) > w {
			lines[i] = ansi.Truncate(lines[i], w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// splitLines splits a drawn part into its lines; an empty part has none.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

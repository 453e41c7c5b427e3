package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// words is s without its spaces, for finding a message on a screen
// whatever lines it was wrapped over.
func words(s string) string { return strings.Join(strings.Fields(s), "") }

// screenLines is the screen's lines, checked to fill the terminal and no
// more.
func screenLines(t *testing.T, m Model) []string {
	t.Helper()
	lines := strings.Split(screen(m), "\n")
	if len(lines) != m.height {
		t.Fatalf("the screen has %d lines; want %d", len(lines), m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Fatalf("line %d is %d cells wide, wider than the terminal (%d): %q", i, w, m.width, l)
		}
	}
	return lines
}

// TestFilterErrorReadWhole types queries that do not compile, hostile ones
// among them, into the bar at 80 and 60 columns: the whole error is on the
// screen (wrapped, not cut), made inert, under the table and the bar.
func TestFilterErrorReadWhole(t *testing.T) {
	queries := []string{
		"rx>>1MB country:",
		"level>=nonsense user:(",
		"level>=warn (user:alice* or rx>10XB",
		"\u202eusr\x1b[2J:alice or (resource:db",
	}
	for _, w := range []int{80, 60, 40} {
		for _, q := range queries {
			m := goldenModel(t, w, 24)
			m = drive(t, m, append(keys("/"), tea.PasteMsg{Content: q})...)
			// The bar drops controls as they come in: its error is of the
			// text it holds, columns counted in it.
			_, err := compileQuery(m.bar.Value(), m.timeOptions())
			if err == nil {
				t.Fatalf("%q compiles", q)
			}
			_, msg := queryErrorAt(err)
			want := words(theme.Clean(msg))
			lines := screenLines(t, m)
			if !strings.Contains(lines[0], "│ FOLLOW") {
				t.Errorf("%d cols, %q: the status line is gone: %q", w, q, lines[0])
			}
			bar := -1
			for i, l := range lines {
				if strings.HasPrefix(l, "/ ") {
					bar = i
				}
			}
			if bar < 0 {
				t.Fatalf("%d cols, %q: no bar on the screen:\n%s", w, q, screen(m))
			}
			footer := words(strings.Join(lines[bar+1:], " "))
			if !strings.Contains(footer, want) {
				t.Errorf("%d cols, %q: the footer\n%s\ndoes not hold the whole error %q", w, q, strings.Join(lines[bar:], "\n"), want)
			}
			if !strings.Contains(footer, "^") {
				t.Errorf("%d cols, %q: no caret under the query", w, q)
			}
			if v := m.View().Content; strings.Contains(ansi.Strip(v), "\x1b") || strings.ContainsRune(v, '\u202e') {
				t.Errorf("%d cols, %q: the query reaches the terminal unescaped", w, q)
			}
		}
	}
}

// TestLongNoticeReadWhole checks that a notice longer than the terminal is
// wide (a copy error naming a path, a tool's output) is shown whole and
// inert, and that the footer goes back to two lines once it is answered.
func TestLongNoticeReadWhole(t *testing.T) {
	notice := "cannot copy: read /var/log/twingate/connector-2026-11-20.log.1: input/output error — the file was truncated or removed since it was read; \x1b]52;c;ZXZpbA==\x07 press r to reload"
	for _, w := range []int{80, 60} {
		m := goldenModel(t, w, 24)
		m = drive(t, m, noticeMsg(notice))
		lines := screenLines(t, m)
		if !strings.Contains(words(strings.Join(lines, " ")), words(theme.Clean(notice))) {
			t.Errorf("%d cols: the screen\n%s\ndoes not hold the whole notice", w, screen(m))
		}
		if v := m.View().Content; strings.Contains(ansi.Strip(v), "\x1b") || strings.Contains(v, "\x07") {
			t.Errorf("%d cols: the notice reaches the terminal unescaped", w)
		}
		rows := m.table.Height()
		m = drive(t, m, keys("1")...)
		if m.notice != "" || m.table.Height() <= rows {
			t.Errorf("%d cols: after a key, notice %q and %d table lines (%d with the notice)", w, m.notice, m.table.Height(), rows)
		}
	}
}

// TestFooterGivesWayOnShortTerminals checks that an error too long for
// the room left leaves the table's header and a row, and ends in "…". At 8
// lines the tabs have given way to the rows: the header is under the
// status line.
func TestFooterGivesWayOnShortTerminals(t *testing.T) {
	m := goldenModel(t, 30, 8)
	m = drive(t, m, append(keys("/"), tea.PasteMsg{Content: "rx>>1MB country:"})...)
	lines := screenLines(t, m)
	if !strings.Contains(lines[1], "TIME") || !strings.HasPrefix(lines[2], "> ") {
		t.Errorf("the table's header and its row are gone:\n%s", screen(m))
	}
	if last := strings.TrimRight(lines[len(lines)-1], " "); !strings.HasSuffix(last, "…") {
		t.Errorf("the cut error does not end in …:\n%s", screen(m))
	}
}

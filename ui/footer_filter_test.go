package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// connectionLog is a connection and the service lines of its resource.
func connectionLog() []model.Entry {
	const id = "e755ba99988db558-24"
	return []model.Entry{
		service(9958, model.LevelDebug, "libsdwan", "tcp_proxy::on_connect", "conn="+id+" to 10.0.0.5:443"),
		analytics(10000, model.EventEstablished, id, "alice@example.com", "", 0, 0, 0),
		service(12000, model.LevelDebug, "libsdwan", "listen", "relay 10.0.0.5:443 is not available"),
		analytics(20000, model.EventClosed, id, "alice@example.com", "", 1, 2, 10000),
	}
}

// The filter c makes is longer than the terminal: the footer wraps it, so
// that its last term (the resource's IP:port) is read; narrower still, its
// middle is left out, its start and its end kept; the table keeps its rows
// and the hints their line.
func TestLongFilterReadInTheFooter(t *testing.T) {
	st, _ := newFixtureStore(t, connectionLog())
	for _, w := range []int{80, 120, 40} {
		m := drive(t, newTestModel(t, st, w, 24), keys("g", "j", "c")...)
		if !strings.HasSuffix(m.filter.text, `/\b10\.0\.0\.5:443\b/`) {
			t.Fatalf("the connection's filter is %q", m.filter.text)
		}
		lines := screenLines(t, m)
		at := -1
		for i, l := range lines {
			if strings.HasPrefix(l, "filter: ") {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("%d cols: no filter line:\n%s", w, screen(m))
		}
		footer := strings.Join(lines[at:len(lines)-1], "")
		if !strings.Contains(words(footer), `10\.0\.0\.5:443`) {
			t.Errorf("%d cols: the filter's last term is not in the footer:\n%s", w, strings.Join(lines[at:], "\n"))
		}
		if len(lines)-1-at > filterLinesMax || !strings.Contains(lines[len(lines)-1], "help") {
			t.Errorf("%d cols: the filter takes %d lines, or the hints are gone:\n%s", w, len(lines)-1-at, strings.Join(lines[at:], "\n"))
		}
		if whole := words(footer) == words("filter: "+m.filter.text); !whole && !strings.Contains(footer, "…") {
			t.Errorf("%d cols: the filter is cut with nothing to say so:\n%s", w, footer)
		}
		if w >= 80 && !strings.Contains(words(footer), words(m.filter.text)) {
			t.Errorf("%d cols: the whole filter is not in the footer:\n%s", w, footer)
		}
	}
}

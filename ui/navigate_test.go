package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// cursorEntry returns the entry under the cursor.
func cursorEntry(t *testing.T, m Model) *model.Entry {
	t.Helper()
	e := m.table.Entry(m.store.Snapshot(), m.table.CursorSeq())
	if e == nil {
		t.Fatal("no entry under the cursor")
	}
	return e
}

func TestJumps(t *testing.T) {
	cases := []struct {
		name      string
		keys      []string
		wantSeq   int64
		wantPause bool
	}{
		{"e from the top finds the error", []string{"g", "e"}, 5, true},
		{"w twice finds the second warning", []string{"g", "w", "w"}, 9, true},
		{"W from the end finds the last warning", []string{"G", "W"}, 9, true},
		{"E with no error before stays", []string{"g", "E"}, 1, true},
		{"go to a time", []string{":", "08:00:03", "enter"}, 7, true},
		{"go to minutes ago", []string{":", "-59m", "enter"}, 14, true},
		{"G resumes follow at the newest", []string{"g", "G"}, 15, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, goldenModel(t, 100, 30), keys(c.keys...)...)
			if got := m.table.CursorSeq(); got != c.wantSeq {
				t.Errorf("cursor on %d; want %d (notice %q)", got, c.wantSeq, m.notice)
			}
			if (m.follow == Paused) != c.wantPause {
				t.Errorf("follow = %v", m.follow)
			}
		})
	}
}

// TestSearchKeepsRows checks the search mode: rows stay, n/N jump.
func TestSearchKeepsRows(t *testing.T) {
	m := drive(t, goldenModel(t, 100, 30), keys("g", "/", "ctrl+s", "relay", "enter")...)
	if m.live.len() != 15 {
		t.Fatalf("search filtered the view to %d rows", m.live.len())
	}
	if !strings.Contains(cursorEntry(t, m).Message(), "relay") {
		t.Errorf("enter did not jump to the first match: %q", cursorEntry(t, m).Message())
	}
	first := m.table.CursorSeq()
	m = drive(t, m, keys("n")...)
	if m.table.CursorSeq() <= first || !strings.Contains(string(cursorEntry(t, m).Raw), "relay") {
		t.Errorf("n went to %d (%q)", m.table.CursorSeq(), cursorEntry(t, m).Raw)
	}
	m = drive(t, m, keys("N")...)
	if m.table.CursorSeq() != first {
		t.Errorf("N went to %d; want back to %d", m.table.CursorSeq(), first)
	}
}

// TestConnectionFilter checks c: the pair and the service lines that
// mention the connection's resource within its span.
func TestConnectionFilter(t *testing.T) {
	m := goldenModel(t, 120, 40)
	m = drive(t, moveToKind(t, m, model.KindAnalytics, 0), keys("c")...)
	if !strings.Contains(m.filter.text, "conn=e755ba99988db558-24") {
		t.Fatalf("filter = %q", m.filter.text)
	}
	var got []int64
	for i := 0; i < m.live.len(); i++ {
		got = append(got, m.live.seqAt(i))
	}
	// the established (4) and closed (15) events, and the relay line about
	// 10.0.0.5:443 (5) inside the connection's span.
	if want := []int64{4, 5, 15}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("connection view = %v; want %v (filter %q)", got, want, m.filter.text)
	}
}

// TestExcludePivot checks "-": the chosen term is negated.
func TestExcludePivot(t *testing.T) {
	m := goldenModel(t, 120, 40)
	m = drive(t, moveToKind(t, m, model.KindService, 0), keys("-")...)
	var kindItem int
	for i, it := range m.pivot.Items() {
		if strings.HasPrefix(it.Label, "kind") {
			kindItem = i
		}
	}
	m = drive(t, m, keys(string(rune('1'+kindItem)))...)
	if m.filter.text != "-kind=service" {
		t.Fatalf("filter = %q", m.filter.text)
	}
	if m.live.len() != 11 {
		t.Errorf("%d rows without service lines; want 11", m.live.len())
	}
}

// TestEscRestoresFilter checks that esc in the bar brings the previous
// filter back after typing changed the view.
func TestEscRestoresFilter(t *testing.T) {
	m := drive(t, goldenModel(t, 100, 30), keys("/", "mallory", "enter")...)
	m = drive(t, m, keys("/", "ctrl+u", "relay")...)
	if m.live.len() == 1 {
		t.Fatal("typing did not apply the new filter")
	}
	m = drive(t, m, keys("esc")...)
	if m.filter.text != "mallory" || m.live.len() != 1 {
		t.Errorf("after esc: filter %q with %d rows; want mallory with 1", m.filter.text, m.live.len())
	}
}

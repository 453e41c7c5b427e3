package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"connlog/model"
)

// mutedStore is a store under a small memory budget with a re-parser, and
// how to append batches of keepalives (a template to mute) and other lines
// to it.
type mutedStore struct {
	st   *model.Store
	rp   *reparser
	next int
}

func newMutedStore() *mutedStore {
	rp := &reparser{full: map[string]model.Entry{}}
	return &mutedStore{st: model.NewStore(model.StoreOptions{MaxMemory: 8 << 20, Reparse: rp.reparse}), rp: rp}
}

// add appends a batch of 1,000 lines, keepalives of them, the rest of
// another template.
func (s *mutedStore) add(keepalives int) {
	es := make([]model.Entry, 1000)
	for i := range es {
		n := s.next + i
		if i < keepalives {
			es[i] = service(n, model.LevelDebug, "libsdwan", "relay_client::keepalive", fmt.Sprintf("keepalive seq=%d rtt=%dms", n, 10+n%90))
		} else {
			es[i] = service(n, model.LevelInfo, "connector", "", fmt.Sprintf("line %07d", n))
		}
	}
	s.next += len(es)
	s.rp.add(es)
	s.st.Append(es)
}

// keepalivesHeld counts the keepalives the store holds, from their raw
// lines.
func (s *mutedStore) keepalivesHeld(t *testing.T) int64 {
	t.Helper()
	f := model.Filter{Load: model.LoadRaw, Match: func(e *model.Entry) bool { return bytes.Contains(e.Raw, []byte("keepalive seq=")) }}
	v, err := model.BuildView(context.Background(), s.st.Snapshot(), f)
	if err != nil {
		t.Fatal(err)
	}
	return int64(v.Len())
}

// muteKeepalives opens the templates view and mutes the keepalives, its
// most frequent template.
func muteKeepalives(t *testing.T, m Model) Model {
	t.Helper()
	m = drive(t, m, keys("P")...)
	if rows := m.tmpl.Rows(); len(rows) == 0 || !strings.Contains(rows[0].Template.Template, "keepalive") {
		t.Fatalf("the keepalives are not the first template: %+v", rows)
	}
	m = drive(t, m, keys("m")...)
	if len(m.mutes.list) != 1 || !m.tmpl.Rows()[0].Muted {
		t.Fatalf("the keepalives are not muted: %+v", m.tmpl.Rows())
	}
	return m
}

// shownMuteCounts reads the muted lines' count from the status line and
// from the muted row of the templates view, as shown.
func shownMuteCounts(t *testing.T, m Model) (status, row string) {
	t.Helper()
	s := screen(m)
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "1 muted, "); i >= 0 {
			status = strings.Fields(l[i+len("1 muted, "):])[0]
		}
		if strings.Contains(l, "keepalive") {
			if i, j := strings.Index(l, "("), strings.Index(l, ")"); i >= 0 && j > i {
				row = l[i+1 : j]
			}
		}
	}
	if status == "" || row == "" {
		t.Fatalf("no muted count in the status line (%q) or the muted row (%q):\n%s", status, row, s)
	}
	return status, row
}

// TestMutedCountsDropWhatIsEvicted: the store evicts its oldest lines to
// stay within its budget; the status line and the muted row count the
// muted lines it still holds, not every one that ever arrived.
func TestMutedCountsDropWhatIsEvicted(t *testing.T) {
	s := newMutedStore()
	s.add(600)
	m := muteKeepalives(t, newTestModel(t, s.st, 120, 40))
	for b := 0; b < 400 && s.st.Stats().Evicted < 20_000; b++ {
		s.add(600)
		m = drive(t, m, frameMsg{})
	}
	if s.st.Stats().Evicted < 20_000 {
		t.Fatalf("the store evicted %d lines: the test needs more", s.st.Stats().Evicted)
	}
	held := s.keepalivesHeld(t)
	if held >= int64(s.next)*6/10 {
		t.Fatalf("the store holds %d keepalives of %d: none evicted, the test does not test", held, s.next*6/10)
	}
	status, row := shownMuteCounts(t, m)
	if want := commas(held); status != want || row != want {
		t.Errorf("the status line counts %s muted lines, the muted row %s; want %s, the keepalives the store holds (of %s that arrived)",
			status, row, want, commas(int64(s.next)*6/10))
	}
}

// TestMutedCountsAgreeWhileLinesArrive: lines of a muted template arrive
// and the view is extended over them; the status line and the muted row
// show the same count at every step (the status line read the filter's
// count as it ran, ahead of the row, until the next tick of the clock).
func TestMutedCountsAgreeWhileLinesArrive(t *testing.T) {
	s := newMutedStore()
	s.add(600)
	m := muteKeepalives(t, newTestModel(t, s.st, 120, 40))
	if status, row := shownMuteCounts(t, m); status != "600" || row != "600" {
		t.Fatalf("after muting the status line counts %s, the row %s; want 600", status, row)
	}
	s.add(300)
	nm, extend := m.Update(frameMsg{})
	if extend == nil {
		t.Fatal("no extension started")
	}
	msg := extend() // the filter counts the new keepalives as it runs
	if _, ok := msg.(viewExtendedMsg); !ok {
		t.Fatalf("the frame's command returned %T; want the view extended", msg)
	}
	if status, row := shownMuteCounts(t, nm.(Model)); status != row {
		t.Errorf("while the view is extended the status line counts %s muted lines, the muted row %s", status, row)
	}
	m = drive(t, nm.(Model), msg)
	if status, row := shownMuteCounts(t, m); status != "900" || row != "900" {
		t.Errorf("once extended the status line counts %s, the row %s; want 900", status, row)
	}
}

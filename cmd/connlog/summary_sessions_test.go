package main

import (
	"slices"
	"testing"
	"time"

	"connlog/model/triage"
)

// TestLatestFailuresShowTheirEnd: the latest failures are sorted by their
// end, which the table shows beside the start (a connection that started
// first may end last).
func TestLatestFailuresShowTheirEnd(t *testing.T) {
	at := time.Date(2026, 2, 10, 11, 52, 29, 0, time.UTC)
	s := sessionsSection(triage.Sessions{Failed: 2, Rows: []triage.Session{
		{ID: "a", Start: at, End: at.Add(31 * time.Second), Status: triage.StatusFailed},
		{ID: "b", Start: at.Add(15 * time.Second), End: at.Add(20 * time.Second), Status: triage.StatusFailed},
	}}, time.UTC)
	if !slices.Equal(s.header[:2], []string{"START", "END"}) {
		t.Fatalf("header %q; want START then END", s.header)
	}
	if s.rows[0][1] != "11:53:00" || s.rows[1][1] != "11:52:49" {
		t.Errorf("ends %q and %q; want 11:53:00 and 11:52:49", s.rows[0][1], s.rows[1][1])
	}
}

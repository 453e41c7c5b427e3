package main

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"
)

// TestInterruptedSummaryCountsMarksApart: a summary of a pipe that stays
// open, stopped by a signal, says what it read as export and summary count
// it elsewhere: its entries, and its gap and restart marks apart.
func TestInterruptedSummaryCountsMarksApart(t *testing.T) {
	cfg, sf, err := parseSummaryArgs([]string{"-"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	in, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runSummary(ctx, cfg, sf, in, &bytes.Buffer{}, io.Discard) }()
	// Two entries around a run of NUL bytes (a gap), and a third line so
	// that the second is not held back waiting for a continuation.
	lines := "2026-02-10T08:00:00Z [INFO] [connector] one\n\x00\x00\x00\x00\n" +
		"2026-02-10T08:00:01Z [INFO] [connector] two\n2026-02-10T08:00:02Z [INFO] [connector] three\n"
	if _, err := w.Write([]byte(lines)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // the lines read reach the summary
	cancel()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the summary did not end when stopped")
	}
	want := "interrupted: the summary covers only the 3 entries and 1 gap or restart mark read before"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

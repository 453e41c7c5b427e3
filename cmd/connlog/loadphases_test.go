package main

import (
	"testing"
	"time"
)

// phasesForTest returns load phases whose starts and ends are sent on the
// channels.
func phasesForTest(quiet time.Duration, least int) (*loadPhases, chan struct{}, chan struct{}) {
	started, over := make(chan struct{}, 4), make(chan struct{}, 4)
	l := newLoadPhases(quiet, least, func() { started <- struct{}{} }, func() { over <- struct{}{} })
	return l, started, over
}

// armed reports whether the phases wait for the load's end.
func (l *loadPhases) armed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.timer != nil
}

// waitFor fails the test unless ch gets a value within 5 s.
func waitFor(t *testing.T, ch chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal(what)
	}
}

// TestLoadEndsWhenItGoesQuiet: once enough entries were stored the load
// starts, once; once none was stored for a while it ends, once, and the
// count starts afresh.
func TestLoadEndsWhenItGoesQuiet(t *testing.T) {
	l, started, over := phasesForTest(20*time.Millisecond, 1000)
	defer l.close()
	l.stored(600)
	if l.armed() || len(started) > 0 {
		t.Fatal("a load after 600 entries, fewer than 1000")
	}
	l.stored(600)
	if !l.armed() || len(started) != 1 {
		t.Fatalf("after 1200 entries: armed %v, %d starts, want armed and 1", l.armed(), len(started))
	}
	l.stored(600)
	if len(started) != 1 {
		t.Fatalf("%d starts after more entries of the same load, want 1", len(started))
	}
	waitFor(t, over, "the load did not end after it went quiet")
	if l.armed() {
		t.Fatal("still armed after the load ended")
	}
	l.stored(999)
	if l.armed() {
		t.Fatal("armed again by 999 entries: the count did not start afresh")
	}
}

// TestLoadDoesNotEndWhileLinesArrive: each batch puts the end off, so a
// followed file that keeps bringing lines never ends it.
func TestLoadDoesNotEndWhileLinesArrive(t *testing.T) {
	// A quiet of a second against a batch every 25 ms: only a stall of
	// the test of a whole second would end the load early.
	l, _, over := phasesForTest(time.Second, 10)
	defer l.close()
	for range 100 { // 2.5 s of lines, more than twice the quiet
		l.stored(10)
		select {
		case <-over:
			t.Fatal("the load ended while lines kept arriving every 25 ms")
		case <-time.After(25 * time.Millisecond):
		}
	}
	waitFor(t, over, "the load did not end once the lines stopped")
}

// TestClosedPhasesEndNothing: once the interface ends, over does not run.
func TestClosedPhasesEndNothing(t *testing.T) {
	l, _, over := phasesForTest(10*time.Millisecond, 1)
	l.stored(5)
	l.close()
	l.stored(5)
	select {
	case <-over:
		t.Fatal("over ran after close")
	case <-time.After(100 * time.Millisecond):
	}
}

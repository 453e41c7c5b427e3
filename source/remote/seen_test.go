package remote

import (
	"testing"
	"time"
)

func row(stream string, at time.Time, msg string) Row {
	return Row{Time: at, Message: []byte(msg), Stream: stream}
}

func TestSeenAdmitsEachEntryOncePerWindowAndKeepsRepeats(t *testing.T) {
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	s := newSeen(time.Minute)
	a, b := row("s1", t0, "a"), row("s2", t0, "a") // same time and text, other host
	twin := row("s1", t0, "a")                     // a genuine repeat in the same stream
	s.startPass()
	for i, r := range []Row{a, b, twin} {
		if !s.admit(&r) {
			t.Fatalf("first pass: row %d refused", i)
		}
	}
	s.startPass() // a re-read of the same window
	for i, r := range []Row{a, b, twin} {
		if s.admit(&r) {
			t.Errorf("second pass: row %d admitted twice", i)
		}
	}
	c := row("s1", t0.Add(time.Second), "c")
	if !s.admit(&c) {
		t.Error("a new row in a re-read was refused")
	}
}

func TestSeenForgetsOnlyBehindTheWindow(t *testing.T) {
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	s := newSeen(10 * time.Second)
	s.startPass()
	for i := 0; i < 5000; i++ {
		r := row("s", t0.Add(time.Duration(i)*10*time.Millisecond), "x")
		s.admit(&r)
	}
	s.prune(t0.Add(time.Hour))
	if len(s.emitted) > 1001+1 {
		t.Errorf("kept %d keys, want those within 10 s of the newest (~1001)", len(s.emitted))
	}
	s.startPass()
	recent := row("s", t0.Add(4999*10*time.Millisecond), "x")
	if s.admit(&recent) {
		t.Error("a recent row was forgotten")
	}
}

// While held from a time (a stalled read's window, read again once the
// store settles), seen forgets nothing from then on, however far the
// newest entry has moved: the window's second read is not handed on twice.
func TestSeenHeldForgetsNothingSinceTheHold(t *testing.T) {
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	s := newSeen(10 * time.Second)
	s.holdFrom(t0.Add(5 * time.Second))
	s.startPass()
	for i := 0; i < 5000; i++ {
		r := row("s", t0.Add(time.Duration(i)*10*time.Millisecond), "x")
		s.admit(&r)
	}
	s.prune(t0.Add(time.Hour))
	s.startPass()
	held := row("s", t0.Add(5*time.Second), "x")
	if s.admit(&held) {
		t.Error("a row of the held window was forgotten")
	}
	before := row("s", t0.Add(4*time.Second), "x")
	if !s.admit(&before) {
		t.Error("a row before the hold was kept: the hold keeps too much")
	}
}

func TestReorderReleasesInTimeOrderAfterTheHold(t *testing.T) {
	t0 := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	now := t0
	o := newReorder(time.Second, 3)
	var got []string
	emit := func(r Row) { got = append(got, string(r.Message)) }
	o.add(row("a", t0.Add(2), "a2"), now)
	o.add(row("b", t0.Add(1), "b1"), now)
	o.release(now.Add(500*time.Millisecond), false, emit)
	if len(got) != 0 {
		t.Fatalf("released %v before the hold", got)
	}
	o.add(row("a", t0.Add(3), "a3"), now)
	o.add(row("b", t0.Add(3), "b3"), now) // over the bound: the oldest goes at once
	o.release(now, false, emit)
	if len(got) != 1 || got[0] != "b1" {
		t.Fatalf("over the bound released %v, want [b1]", got)
	}
	o.release(now.Add(time.Second), false, emit)
	want := []string{"b1", "a2", "a3", "b3"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v (stable for equal times)", got, want)
		}
	}
}

// A host whose clock runs ahead moves the watermark past now: the entries of
// the other hosts within the retained window behind now are still known, so
// that a re-read of the last seconds does not bring them twice.
func TestSeenKeepsTheRecentPastWhenAClockRunsAhead(t *testing.T) {
	now := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	s := newSeen(30 * time.Second)
	s.startPass()
	recent := row("slow", now.Add(-5*time.Second), "x")
	ahead := row("fast", now.Add(time.Minute), "y")
	s.admit(&recent)
	s.admit(&ahead)
	s.prune(now)
	s.startPass()
	if s.admit(&recent) {
		t.Error("an entry 5 s old was forgotten because another host's clock runs a minute ahead")
	}
	if got := s.streamCounts(now.Add(-10*time.Second), now)[streamHash("slow")]; got != 1 {
		t.Errorf("counted %d entries of the stream in the last 10 s, want 1", got)
	}
}

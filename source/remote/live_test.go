package remote

import (
	"context"
	"fmt"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/remote/vltest"
)

// follower runs a following source in the background.
type follower struct {
	t         *testing.T
	src       *Source
	out       chan []model.Record
	following chan struct{}
	counts    map[string]int
	gaps      bool     // gap records are expected: keep their notes
	notes     []string // the notes of gap records
	cancel    context.CancelFunc
	done      chan error
}

func startFollower(t *testing.T, b Backend, sel Selection) *follower {
	t.Helper()
	f := runFollower(t, b, Options{Selection: sel, Follow: true})
	f.waitFollowing()
	return f
}

// runFollower starts a source in the background, without waiting for it
// to follow.
func runFollower(t *testing.T, b Backend, opts Options) *follower {
	t.Helper()
	f := &follower{t: t, out: make(chan []model.Record), following: make(chan struct{}, 8),
		counts: map[string]int{}, done: make(chan error, 1)}
	f.src = New(b, 0, opts)
	f.src.onFollow = func() { f.following <- struct{}{} }
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	go func() { f.done <- f.src.Run(ctx, f.out) }()
	t.Cleanup(func() { cancel(); <-f.done })
	return f
}

// exactlyOnce checks that each message of want arrived once.
func (f *follower) exactlyOnce(want []string) {
	f.t.Helper()
	for _, m := range want {
		if f.counts[m] != 1 {
			f.t.Errorf("%q arrived %d times, want exactly once", m, f.counts[m])
		}
	}
}

func (f *follower) waitFollowing() {
	f.t.Helper()
	deadline := time.After(testDeadline)
	for {
		select {
		case <-f.following:
			return
		case b := <-f.out:
			f.add(b)
		case <-deadline:
			f.t.Fatalf("the source did not follow within %v (state %q)", testDeadline, f.src.State())
		}
	}
}

func (f *follower) add(b []model.Record) {
	for _, r := range b {
		switch {
		case r.Mark == model.MarkLine:
			f.counts[string(r.Raw)]++
		case r.Mark == model.MarkGap && f.gaps:
			f.notes = append(f.notes, r.Note)
		default:
			f.t.Errorf("unexpected %v record: %s", r.Mark, r.Note)
		}
	}
}

// collect receives until every message of want has arrived, then for quiet
// longer, so that a copy arriving twice is seen.
func (f *follower) collect(want []string, quiet time.Duration) {
	f.t.Helper()
	deadline := time.After(testDeadline)
	for !f.hasAll(want) {
		select {
		case b := <-f.out:
			f.add(b)
		case <-f.following:
		case <-deadline:
			f.t.Fatalf("entries shipped while following did not all arrive within %v (state %q); got %v", testDeadline, f.src.State(), f.counts)
		}
	}
	settle := time.After(quiet)
	for {
		select {
		case b := <-f.out:
			f.add(b)
		case <-f.following:
		case <-settle:
			return
		}
	}
}

func (f *follower) hasAll(want []string) bool {
	for _, m := range want {
		if f.counts[m] == 0 {
			return false
		}
	}
	return true
}

// shipNow ships n entries per host stamped now, and returns their messages.
func shipNow(t *testing.T, srv *vltest.Server, dir, tag string, hosts []string, n int) []string {
	t.Helper()
	return shipAt(t, srv, dir, tag, hosts, n, time.Now())
}

// shipAt ships n entries per host stamped from at on, and returns their messages.
func shipAt(t *testing.T, srv *vltest.Server, dir, tag string, hosts []string, n int, at time.Time) []string {
	t.Helper()
	var msgs []string
	for h, host := range hosts {
		var es []vltest.Entry
		now := at
		for i := 0; i < n; i++ {
			m := fmt.Sprintf("[INFO] [connector] %s %s line %d", tag, host, i)
			es = append(es, vltest.Entry{Time: now.Add(time.Duration(i) * time.Millisecond), Host: host,
				Unit: "twingate-connector.service", Identifier: "twingate-connector", PID: 100 + h, Message: m})
			msgs = append(msgs, m)
		}
		vltest.Ship(t, srv, vltest.MakeJournal(t, dir, tag+"-"+host, es))
	}
	return msgs
}

func TestLiveTailAcrossARestart(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-fra-2"}
	sel := Selection{Units: []string{"twingate-connector.service"}}
	f := startFollower(t, testBackend(t, srv), sel)

	var want []string
	t0 := time.Now()
	want = append(want, shipAt(t, srv, dir, "before", hosts, 3, t0)...)
	f.collect(want, 0)
	t.Logf("first batch after %v", time.Since(t0))

	// Shipped late, just before the server goes away: stamped before the
	// window the store's tail reads, so only the re-read after the
	// reconnect can deliver them.
	late := shipAt(t, srv, dir, "at-restart", hosts, 3, t0.Add(-6*time.Second))
	want = append(want, late...)
	srv.WaitRows(t, `"at-restart"`, len(late))
	t0 = time.Now()
	srv.Restart()
	t.Logf("restart took %v", time.Since(t0))
	f.waitFollowing()
	t.Logf("following again after %v", time.Since(t0))
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)

	for _, m := range want {
		if f.counts[m] != 1 {
			t.Errorf("%q arrived %d times, want exactly once", m, f.counts[m])
		}
	}
	if len(f.counts) != len(want) {
		t.Errorf("received %d distinct entries, shipped %d: %v", len(f.counts), len(want), f.counts)
	}
}

// A re-read after a reconnect reaches back a little before the newest
// entry, but never before --since.
func TestReReadKeepsToSince(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	since := time.Now()
	f := startFollower(t, testBackend(t, srv), Selection{Units: []string{"twingate-connector.service"}, Since: since})
	early := shipAt(t, srv, dir, "before-since", []string{"gw-1"}, 2, since.Add(-5*time.Second))
	srv.WaitRows(t, `"before-since"`, len(early))
	srv.Restart()
	f.waitFollowing()
	want := shipNow(t, srv, dir, "after", []string{"gw-1"}, 2)
	f.collect(want, time.Second)
	for _, m := range early {
		if f.counts[m] != 0 {
			t.Errorf("%q is older than --since but arrived", m)
		}
	}
}

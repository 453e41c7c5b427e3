package remote

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/remote/vltest"
)

// pausingStore is the real store, paused (SIGSTOP) as the next query after
// pauseNext is set starts; drop ends the live tail running, as a dropped
// connection does.
type pausingStore struct {
	*VictoriaLogs
	srv       *vltest.Server
	pauseNext atomic.Bool
	paused    chan struct{}
	drop      chan struct{}
}

func newPausingStore(t *testing.T, srv *vltest.Server) *pausingStore {
	return &pausingStore{VictoriaLogs: testBackend(t, srv), srv: srv, paused: make(chan struct{}, 1), drop: make(chan struct{})}
}

func (b *pausingStore) Query(ctx context.Context, sel Selection, emit func(Row) error) error {
	if b.pauseNext.CompareAndSwap(true, false) {
		b.srv.Pause()
		b.paused <- struct{}{}
	}
	return b.VictoriaLogs.Query(ctx, sel, emit)
}

func (b *pausingStore) Tail(ctx context.Context, sel Selection, startOffset time.Duration, emit func([]Row) error) error {
	tctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-b.drop:
			cancel()
		case <-tctx.Done():
		}
	}()
	err := b.VictoriaLogs.Tail(tctx, sel, startOffset, emit)
	if ctx.Err() == nil {
		return errors.New("the connection dropped")
	}
	return err
}

// stallRead keeps the store paused for stallFor from the moment a query
// paused it, checking that the source says within seconds that the store
// does not answer.
func (f *follower) stallRead(b *pausingStore) {
	f.t.Helper()
	<-b.paused
	paused := time.Now()
	if !f.waitState(model.StateDown, stallAfter+3*time.Second) || !strings.Contains(f.src.State(), "no answer for") {
		f.t.Errorf("state %v after a read paused: %q, want it to say the store is not answering", time.Since(paused).Round(time.Second), f.src.State())
	}
	time.Sleep(stallFor - time.Since(paused))
	b.srv.Resume()
}

// A store that stops answering during the first read shows as down within
// seconds, not at the end of the request's timeout, and the read goes on
// when it answers again.
func TestAStoreStalledInTheFirstReadIsDown(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	want := shipNow(t, srv, dir, "before", hosts, 3)
	srv.WaitRows(t, `"before"`, len(want))
	b := newPausingStore(t, srv)
	b.pauseNext.Store(true)
	f := runFollower(t, b, Options{Selection: Selection{Units: []string{"twingate-connector.service"}}, Lines: -1, Follow: true})
	f.stallRead(b)
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
}

// The same in the re-read after a dropped connection.
func TestAStoreStalledInAReReadIsDown(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	b := newPausingStore(t, srv)
	f := startFollower(t, b, Selection{Units: []string{"twingate-connector.service"}})
	want := shipNow(t, srv, dir, "before", hosts, 3)
	f.collect(want, 0)
	want = append(want, shipNow(t, srv, dir, "at-drop", hosts, 3)...)
	b.pauseNext.Store(true)
	b.drop <- struct{}{}
	f.stallRead(b)
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
}

// lateStore is the pausing store whose rows holding a word are late: the
// store took them just before it stopped, and made them searchable only
// after it answered again, so the read it stalled did not have them (nor
// does its tail ever send them). Later reads have them.
type lateStore struct {
	*pausingStore
	word string
}

func (b *lateStore) Query(ctx context.Context, sel Selection, emit func(Row) error) error {
	stalls := b.pauseNext.Load()
	return b.pausingStore.Query(ctx, sel, func(r Row) error {
		if stalls && strings.Contains(string(r.Message), b.word) {
			return nil
		}
		return emit(r)
	})
}

func (b *lateStore) Tail(ctx context.Context, sel Selection, startOffset time.Duration, emit func([]Row) error) error {
	return b.pausingStore.Tail(ctx, sel, startOffset, withholding(b.word, emit))
}

// Entries the store took just before it stopped, which the re-read it
// stalled did not have, are read once it has settled: they were lost for
// good (the audits look only at the last seconds behind the new tail).
func TestEntriesTakenJustBeforeAStallArrive(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	b := &lateStore{newPausingStore(t, srv), "late"}
	f := startFollower(t, b, Selection{Units: []string{"twingate-connector.service"}})
	want := shipNow(t, srv, dir, "before", hosts, 3)
	f.collect(want, 0)
	want = append(want, shipNow(t, srv, dir, "late", hosts, 3)...)
	srv.WaitRows(t, `"late"`, 6)
	b.pauseNext.Store(true)
	b.drop <- struct{}{}
	f.stallRead(b.pausingStore)
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
}

// droppingFirstRead is the real store whose first read breaks off after a
// few rows, as a connection the store resets does.
type droppingFirstRead struct {
	*VictoriaLogs
	after   int
	dropped atomic.Bool
}

func (b *droppingFirstRead) Query(ctx context.Context, sel Selection, emit func(Row) error) error {
	if b.dropped.Swap(true) {
		return b.VictoriaLogs.Query(ctx, sel, emit)
	}
	n := 0
	return b.VictoriaLogs.Query(ctx, sel, func(r Row) error {
		if n == b.after {
			return errors.New("read tcp 127.0.0.1:50000->127.0.0.1:9428: read: connection reset by peer")
		}
		n++
		return emit(r)
	})
}

// A first read the store breaks off midway is taken up again from where
// it stood, each entry once, and the follow goes on: it ended the source
// with "cannot reach … connection reset by peer" (a CI failure under load,
// after a stall).
func TestAFirstReadTheStoreDropsIsTakenUp(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	want := shipNow(t, srv, dir, "before", hosts, 5)
	srv.WaitRows(t, `"before"`, len(want))
	b := &droppingFirstRead{VictoriaLogs: testBackend(t, srv), after: 4}
	f := runFollower(t, b, Options{Selection: Selection{Units: []string{"twingate-connector.service"}}, Lines: -1, Follow: true})
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
}

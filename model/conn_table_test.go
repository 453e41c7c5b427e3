package model

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// TestConnIndexAgainstAMap adds, forgets and evicts connections at random,
// with hashes that collide all the time as well as the real one, and
// compares every answer with a plain map's.
func TestConnIndexAgainstAMap(t *testing.T) {
	for _, h := range []struct {
		name string
		hash func(string) uint64
	}{
		{"one hash for all", func(string) uint64 { return 7 }},
		{"a few hashes", func(id string) uint64 { return uint64(len(id)%5) * 1021 }},
		{"seeded", nil},
	} {
		t.Run(h.name, func(t *testing.T) { checkConnIndexAgainstAMap(t, h.hash) })
	}
}

type refConn struct{ opened, closed int64 }

func checkConnIndexAgainstAMap(t *testing.T, hash func(string) uint64) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := make([]string, 600)
	for i := range ids {
		ids[i] = fmt.Sprintf("%x-%d", rng.Uint64(), i)
		switch i % 100 {
		case 1:
			ids[i] += strings.Repeat("l", idShortMax) // a block of its own
		case 2:
			ids[i] += strings.Repeat("h", maxConnIDLen) // too long to index
		}
	}
	c := newConnIndex()
	c.hash = hash
	ref := map[string]refConn{}
	var seq int64
	for step := range 6000 {
		id := ids[rng.IntN(len(ids))]
		switch r := rng.IntN(10); {
		case r < 7:
			seq++
			event := EventEstablished
			if r >= 4 {
				event = EventClosed
			}
			c.add(&Entry{Seq: seq, Kind: KindAnalytics, Fields: Fields{Str(KeyConnID, id), Str(KeyEventType, event)}})
			if len(id) <= maxConnIDLen {
				rc := ref[id]
				if event == EventEstablished && rc.opened == 0 {
					rc.opened = seq
				} else if event == EventClosed && rc.closed == 0 {
					rc.closed = seq
				}
				ref[id] = rc
			}
		case r < 9:
			c.forget(id)
			delete(ref, id)
		default:
			cut := seq - int64(rng.IntN(200))
			c.forgetBefore(cut)
			gone := func(x int64) bool { return x == 0 || x < cut }
			for id, rc := range ref {
				if gone(rc.opened) && gone(rc.closed) {
					delete(ref, id)
				}
			}
		}
		if step%97 == 0 || step > 5900 {
			compareConnIndex(t, &c, ids, ref)
		}
	}
}

func compareConnIndex(t *testing.T, c *connIndex, ids []string, ref map[string]refConn) {
	t.Helper()
	for _, id := range ids {
		st, _, _, ok := c.lookup(id)
		rc, want := ref[id]
		if ok != want || st.opened != rc.opened || st.closed != rc.closed {
			t.Fatalf("%.20q: index has %v opened %d closed %d; want %v %d %d", id, ok, st.opened, st.closed, want, rc.opened, rc.closed)
		}
	}
	if int(c.count) != len(ref) || c.table.used != len(ref) {
		t.Fatalf("index counts %d (table %d), want %d", c.count, c.table.used, len(ref))
	}
}

// A block of ids is freed once every id in it has been forgotten, as a
// follow that forgets ended connections needs.
func TestConnIDBlocksAreFreed(t *testing.T) {
	c := newConnIndex()
	n := 3 * idBlockBytes / 20
	for i := range n {
		c.add(&Entry{Seq: int64(i + 1), Kind: KindAnalytics, Fields: Fields{Str(KeyConnID, fmt.Sprintf("conn-%014d", i)), Str(KeyEventType, EventEstablished)}})
	}
	if len(c.ids.blocks) < 3 {
		t.Fatalf("%d ids of 19 bytes fill %d blocks", n, len(c.ids.blocks))
	}
	c.forgetBefore(int64(n + 1))
	for k, b := range c.ids.blocks {
		if b.buf != nil && k != c.ids.cur {
			t.Errorf("block %d (of %d) is kept with %d ids", k, len(c.ids.blocks), b.live)
		}
	}
	c.add(&Entry{Seq: int64(n + 2), Kind: KindAnalytics, Fields: Fields{Str(KeyConnID, "again"), Str(KeyEventType, EventEstablished)}})
	if st, _, _, ok := c.lookup("again"); !ok || st.opened != int64(n+2) {
		t.Errorf("a connection after the blocks were freed: %v %+v", ok, st)
	}
}

// The table grows while the collector runs: the old slots must stay
// mapped until every record has been placed again.
func TestConnTableGrowsUnderCollection(t *testing.T) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	}()
	c := newConnIndex()
	n := 1 << 18
	for i := range n {
		c.add(&Entry{Seq: int64(i + 1), Kind: KindAnalytics, Fields: Fields{Str(KeyConnID, fmt.Sprint("g", i)), Str(KeyEventType, EventEstablished)}})
	}
	close(stop)
	<-done
	if st, _, _, ok := c.lookup(fmt.Sprint("g", n-1)); !ok || st.opened != int64(n) {
		t.Errorf("the last connection: %v %+v", ok, st)
	}
}

package source

import (
	"runtime"
	"testing"
	"weak"

	"connlog/model"
)

// The queue gives entries back in the order they were pushed, across
// pushes that reuse the room its released entries left.
func TestEntryQueueKeepsOrder(t *testing.T) {
	var q entryQueue
	next, want := 0, 0
	push := func(n int) {
		es := make([]model.Entry, n)
		for i := range es {
			es[i].Seq = int64(next)
			next++
		}
		q.push(es)
	}
	pop := func(n int) {
		for range n {
			if q.len() == 0 {
				t.Fatalf("empty after %d entries of %d", want, next)
			}
			if got := q.front().Seq; got != int64(want) {
				t.Fatalf("front is entry %d, want %d", got, want)
			}
			if got := q.pop().Seq; got != int64(want) {
				t.Fatalf("popped entry %d, want %d", got, want)
			}
			want++
		}
	}
	push(5)
	pop(3)
	for range 50 {
		push(7)
		pop(6)
	}
	// The released entries' room is used again: the array holds about what
	// waits, not everything ever pushed.
	if waiting := q.len(); cap(q.buf) > 2*waiting+16 {
		t.Errorf("the queue's array has room for %d entries, %d waiting", cap(q.buf), waiting)
	}
	pop(q.len())
	if want != next || q.len() != 0 {
		t.Fatalf("%d of %d entries came out, %d left", want, next, q.len())
	}
}

// An entry released from a queue that still holds others is not kept:
// the queue of a busy input may never empty.
func TestEntryQueueKeepsNoReleasedEntry(t *testing.T) {
	var q entryQueue
	buf := new([64 << 10]byte)
	w := weak.Make(buf)
	q.push([]model.Entry{{Raw: buf[:10]}, {Raw: []byte("still queued")}})
	e := q.pop()
	if len(e.Raw) != 10 {
		t.Fatalf("popped %q", e.Raw)
	}
	buf, e = nil, model.Entry{}
	runtime.GC()
	if w.Value() != nil {
		t.Fatal("the released entry's bytes are still reachable from the queue")
	}
	if q.len() != 1 || string(q.front().Raw) != "still queued" {
		t.Fatalf("%d left", q.len())
	}
}

// Nor is an entry that moved to the front of the array when the queue made
// room, once it is released: its old slot is cleared too.
func TestEntryQueueKeepsNoMovedEntry(t *testing.T) {
	q := entryQueue{buf: make([]model.Entry, 0, 4)}
	buf := new([64 << 10]byte)
	w := weak.Make(buf)
	q.push([]model.Entry{{}, {}, {}, {Raw: buf[:10]}})
	for range 3 {
		q.pop()
	}
	q.push([]model.Entry{{Raw: []byte("pushed after")}}) // no room left at the end: the entry moves
	if e := q.pop(); len(e.Raw) != 10 {
		t.Fatalf("popped %q", e.Raw)
	}
	buf = nil
	runtime.GC()
	if w.Value() != nil {
		t.Fatal("the released entry's bytes are still reachable from the queue")
	}
	if q.len() != 1 || string(q.front().Raw) != "pushed after" {
		t.Fatalf("%d left", q.len())
	}
}

package source

import "connlog/model"

// entryQueue is one input's entries waiting in the merger, oldest first.
// A released entry is cleared at once and an emptied queue lets go of its
// array: a slice moved past its head would keep the whole array, and with
// it every released entry's bytes and fields (a read chunk, a decoder's
// field block), alive for as long as the input lives; with many inputs
// that was most of the heap.
type entryQueue struct {
	buf  []model.Entry
	head int // buf[:head] were released and are zero
}

// len returns how many entries wait.
func (q *entryQueue) len() int { return len(q.buf) - q.head }

// front returns the oldest waiting entry; the queue must not be empty.
func (q *entryQueue) front() *model.Entry { return &q.buf[q.head] }

// push appends es, copied. The released part is dropped first when the
// array would otherwise grow with it.
func (q *entryQueue) push(es []model.Entry) {
	if q.head > 0 && len(q.buf)+len(es) > cap(q.buf) {
		n := copy(q.buf, q.buf[q.head:])
		clear(q.buf[n:])
		q.buf, q.head = q.buf[:n], 0
	}
	q.buf = append(q.buf, es...)
}

// pop removes the oldest waiting entry and returns it; the queue must not
// be empty.
func (q *entryQueue) pop() model.Entry {
	e := q.buf[q.head]
	q.buf[q.head] = model.Entry{}
	q.head++
	if q.head == len(q.buf) {
		q.buf, q.head = nil, 0
	}
	return e
}

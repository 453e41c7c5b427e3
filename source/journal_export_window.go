package source

import (
	"hash/maphash"
	"sync"
	"time"
)

// RecordWindow keeps the fields of the records most recently read from a
// journal export on standard input, whose bytes cannot be read again, so
// that a journal export of its entries writes them as the input had them
// (see ExportRecords): a headless export writes each entry soon after it
// is read, well inside the window. It holds at most exportWindowBytes: an
// older record's entry gets the fields connlog keeps. It is safe for
// concurrent use.
type RecordWindow struct {
	mu    sync.Mutex
	seed  maphash.Seed
	queue []windowRecord     // oldest first
	first int64              // the number of queue[0]
	at    map[uint64][]int64 // the numbers of the records kept, by cursor hash
	bytes int
}

// windowRecord is a record kept: its fields, with the hash of its cursor.
type windowRecord struct {
	hash   uint64
	fields recordFields
}

// exportWindowBytes bounds what a RecordWindow holds.
const exportWindowBytes = 32 << 20

// newRecordWindow returns an empty window.
func newRecordWindow() *RecordWindow {
	return &RecordWindow{seed: maphash.MakeSeed(), at: map[uint64][]int64{}}
}

// put keeps a copy of the fields of the record of cursor, and forgets the
// oldest records past the bound.
func (w *RecordWindow) put(cursor string, rf *recordFields) {
	size := windowSize(rf)
	if size > exportWindowBytes {
		return
	}
	kept := recordFields{buf: append([]byte(nil), rf.buf...), ends: append([]int(nil), rf.ends...)}
	h := maphash.String(w.seed, cursor)
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.bytes+size > exportWindowBytes {
		w.forgetOldest()
	}
	w.at[h] = append(w.at[h], w.first+int64(len(w.queue)))
	w.queue = append(w.queue, windowRecord{hash: h, fields: kept})
	w.bytes += size
}

// windowSize is what keeping rf costs, roughly.
func windowSize(rf *recordFields) int {
	return len(rf.buf) + 8*len(rf.ends) + 64
}

// forgetOldest forgets the oldest record kept.
func (w *RecordWindow) forgetOldest() {
	old := &w.queue[0]
	if seqs := w.at[old.hash][1:]; len(seqs) > 0 {
		w.at[old.hash] = seqs
	} else {
		delete(w.at, old.hash)
	}
	w.bytes -= windowSize(&old.fields)
	*old = windowRecord{}
	w.queue, w.first = w.queue[1:], w.first+1
}

// JournalEntry calls fn with each field ("NAME=value", valid during the
// call only) of the record kept whose cursor is cursor and whose time is
// realtime, in the order the input had them; found is false when no such
// record is kept. The MESSAGE's value is not kept: the line read is it.
func (w *RecordWindow) JournalEntry(cursor string, realtime time.Time, fn func(field []byte)) (found bool, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, seq := range w.at[maphash.String(w.seed, cursor)] {
		if rf := &w.queue[seq-w.first].fields; rf.are(cursor, realtime) {
			rf.each(fn)
			return true, nil
		}
	}
	return false, nil
}

package source

import (
	"context"
	"time"

	"connlog/model"
)

// batcher gathers records and sends them as one batch when maxRecords
// (batchMaxRecords) are waiting or the oldest has waited maxWait
// (batchMaxWait), whichever comes first.
// The second condition is checked by the caller's loop through deadline.
type batcher struct {
	out      chan<- []model.Record
	batch    []model.Record
	oldest   time.Time // Received of the first record in batch
	lastSize int       // size of the previous batch, to size the next one
	maxWait  time.Duration
	// maxRecords is smaller for each of many files read at once
	// (FileOptions.BatchRecords).
	maxRecords int
	// spent, when set, gives back batches the receiver is done with, to be
	// filled again: a receiver that only reads its records (JournalExport)
	// spares the collector a batch of records every thousand lines.
	spent <-chan []model.Record
}

func newBatcher(out chan<- []model.Record) *batcher {
	return &batcher{out: out, maxWait: batchMaxWait, maxRecords: batchMaxRecords}
}

// add appends r and sends the batch if it is full. It blocks while the
// receiver is busy (back-pressure) and fails only if ctx ends meanwhile.
func (b *batcher) add(ctx context.Context, r model.Record) error {
	if b.batch == nil {
		b.batch = b.newBatch()
		b.oldest = r.Received
	}
	b.batch = append(b.batch, r)
	if len(b.batch) >= b.maxRecords {
		return b.flush(ctx)
	}
	return nil
}

// newBatch returns an empty batch: one given back, or else a new one. A
// bulk read fills whole batches: it gets one at once rather than growing it
// ten times; a trickle gets a small one.
func (b *batcher) newBatch() []model.Record {
	select {
	case batch := <-b.spent:
		return batch[:0]
	default:
	}
	return make([]model.Record, 0, max(16, b.lastSize))
}

// flush sends what is waiting, if anything.
func (b *batcher) flush(ctx context.Context) error {
	if len(b.batch) == 0 {
		return nil
	}
	if err := b.send(ctx, b.batch); err != nil {
		return err
	}
	b.lastSize = len(b.batch)
	b.batch = nil
	return nil
}

// send sends one batch, blocking while the receiver is busy.
func (b *batcher) send(ctx context.Context, batch []model.Record) error {
	select {
	case b.out <- batch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// deadline is when the waiting batch must be sent; ok is false when nothing
// waits.
func (b *batcher) deadline() (t time.Time, ok bool) {
	if len(b.batch) == 0 {
		return time.Time{}, false
	}
	return b.oldest.Add(b.maxWait), true
}

// emitter returns the framer's sink for this batcher under ctx.
func (b *batcher) emitter(ctx context.Context) emitFunc {
	return func(r model.Record) error { return b.add(ctx, r) }
}

// BatchRecordsShare is FileOptions.BatchRecords for each of n files read at
// once: batchMaxRecords for up to 4 of them, then a share of batchShared,
// never less than batchLeast. Every file keeps about a dozen batches on
// their way, and the merge takes none of a file's lines before every file
// has sent some: 50 files of 2 MB peaked at 595 MB with batches of 1,024
// records, 205 MB with 128.
func BatchRecordsShare(n int) int {
	return shareOf(batchShared, n, batchLeast, batchMaxRecords)
}

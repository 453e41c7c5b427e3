package source

import (
	"time"

	"connlog/model"
)

// Tuning for the journald source.
const (
	journalBatchRecords = 1024                   // records per batch before it is sent
	journalBatchAge     = 50 * time.Millisecond  // age of the oldest record in an unsent batch
	journalWaitTimeout  = 250 * time.Millisecond // longest sd_journal_wait: bounds how long a cancel takes
)

// journalBatch gathers records for one send. The journald fields of the
// records live in chunks of up to journalBatchRecords entries, so they cost
// one allocation per chunk rather than one per record. A chunk may serve
// several batches: each element is handed out once and never touched again,
// so the receiver owns what its records point to.
type journalBatch struct {
	records []model.Record
	fields  []model.JournalFields // the current chunk
	first   time.Time             // when the oldest unsent record was added
}

// journalBatchStart is the first capacity of a batch or chunk: small, so
// that a quiet followed unit does not allocate a full batch per record.
const journalBatchStart = 16

// slot returns zeroed journald fields for the next record.
func (b *journalBatch) slot() *model.JournalFields {
	if len(b.fields) == cap(b.fields) {
		n := min(max(2*cap(b.fields), journalBatchStart), journalBatchRecords)
		b.fields = make([]model.JournalFields, 0, n)
	}
	b.fields = b.fields[:len(b.fields)+1]
	return &b.fields[len(b.fields)-1]
}

// add appends a record; now is the time it was read.
func (b *journalBatch) add(r model.Record, now time.Time) {
	if len(b.records) == 0 {
		b.first = now
		if b.records == nil {
			b.records = make([]model.Record, 0, journalBatchStart)
		}
	}
	b.records = append(b.records, r)
}

// due reports whether the batch should be sent now: it is full, or its
// oldest record has waited long enough.
func (b *journalBatch) due(now time.Time) bool {
	n := len(b.records)
	return n >= journalBatchRecords || (n > 0 && now.Sub(b.first) >= journalBatchAge)
}

// take hands the records over and starts a fresh batch.
func (b *journalBatch) take() []model.Record {
	out := b.records
	b.records = nil
	return out
}

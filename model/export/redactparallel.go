package export

import (
	"runtime"
	"sync"
)

// A redacting export spends its time redacting, which one record's
// redaction does apart from every other's once its turn came (see
// recordGroup.turn): records are redacted in batches on several
// goroutines, and written in order by the writer's. A few batches are in
// flight at most, which bounds the memory they hold and how far the writer
// runs ahead of what is written.
const (
	batchRecords = 64        // records in a batch at most
	batchBytes   = 256 << 10 // and bytes of their lines, past which a batch is sent
	batchEntries = 1024      // and entries (a record may have up to maxGroupEntries)
	batchesAhead = 2         // batches in flight per goroutine redacting
)

// redactWorkers is how many goroutines redact for an export whose options
// ask n: GOMAXPROCS for 0.
func redactWorkers(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// newRecordTaker returns the taker of g's records: serial for one worker.
func newRecordTaker(g *recordGroup, workers int) recordTaker {
	if workers <= 1 {
		return &serialRedaction{g: g}
	}
	return &parallelRedaction{g: g, workers: workers, maxPending: workers * batchesAhead}
}

// redactBatch is records taken in order, redacted together by a worker.
type redactBatch struct {
	records []*heldRecord
	n       int           // records[:n] are taken
	bytes   int           // the length of their lines
	entries int           // how many entries they have
	done    chan struct{} // receives once the records are redacted
}

// parallelRedaction redacts the records taken on workers goroutines,
// started with the first batch, and emits them in order on the writer's.
type parallelRedaction struct {
	g          *recordGroup
	workers    int
	maxPending int
	jobs       chan *redactBatch // nil until the workers start
	running    sync.WaitGroup
	filling    *redactBatch   // taking records, not yet sent
	pending    []*redactBatch // sent, not yet emitted, in order
	free       []*redactBatch
}

func (p *parallelRedaction) concurrent() bool { return true }

// slot returns the next record of the batch being filled.
func (p *parallelRedaction) slot() *heldRecord {
	if p.filling == nil {
		p.filling = p.newBatch()
	}
	b := p.filling
	if b.n == len(b.records) {
		b.records = append(b.records, &heldRecord{})
	}
	return b.records[b.n]
}

func (p *parallelRedaction) newBatch() *redactBatch {
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return &redactBatch{done: make(chan struct{}, 1)}
}

// take adds h, the record slot returned, to the batch; a full batch is
// sent, and the batches redacted by then are emitted.
func (p *parallelRedaction) take(h *heldRecord) error {
	b := p.filling
	b.n++
	b.bytes += len(h.raw)
	b.entries += len(h.entries)
	if b.n < batchRecords && b.bytes < batchBytes && b.entries < batchEntries {
		return nil
	}
	if err := p.send(); err != nil {
		return err
	}
	return p.emitRedacted()
}

// send hands the batch being filled to the workers, once fewer than
// maxPending batches are in flight.
func (p *parallelRedaction) send() error {
	for len(p.pending) >= p.maxPending {
		if err := p.emitFirst(); err != nil {
			return err
		}
	}
	if p.jobs == nil {
		p.start()
	}
	b := p.filling
	p.filling = nil
	p.pending = append(p.pending, b)
	p.jobs <- b // never blocks: the channel holds maxPending
	return nil
}

func (p *parallelRedaction) start() {
	p.jobs = make(chan *redactBatch, p.maxPending)
	keepOrigs := p.g.terms != nil
	for range p.workers {
		p.running.Add(1)
		go func() {
			defer p.running.Done()
			for b := range p.jobs {
				for _, h := range b.records[:b.n] {
					h.redact(keepOrigs)
				}
				b.done <- struct{}{}
			}
		}()
	}
}

// emitRedacted emits the first batches in flight that are redacted
// already, without waiting for the others.
func (p *parallelRedaction) emitRedacted() error {
	for len(p.pending) > 0 {
		select {
		case <-p.pending[0].done:
		default:
			return nil
		}
		if err := p.emitBatch(); err != nil {
			return err
		}
	}
	return nil
}

// emitFirst waits for the first batch in flight and emits it.
func (p *parallelRedaction) emitFirst() error {
	<-p.pending[0].done
	return p.emitBatch()
}

// emitBatch emits the records of the first batch in flight, which is
// redacted, and keeps the batch for reuse.
func (p *parallelRedaction) emitBatch() error {
	b := p.pending[0]
	p.pending = p.pending[1:]
	for _, h := range b.records[:b.n] {
		if err := p.g.emitRecord(h); err != nil {
			return err
		}
	}
	b.n, b.bytes, b.entries = 0, 0, 0
	p.free = append(p.free, b)
	return nil
}

// drain sends the batch being filled and emits every batch in flight.
func (p *parallelRedaction) drain() error {
	if p.filling != nil && p.filling.n > 0 {
		if err := p.send(); err != nil {
			return err
		}
	}
	for len(p.pending) > 0 {
		if err := p.emitFirst(); err != nil {
			return err
		}
	}
	return nil
}

// stop ends the workers once they are done with the batches sent, which
// are dropped. The writer is done with the records.
func (p *parallelRedaction) stop() {
	if p.jobs != nil {
		close(p.jobs)
		p.running.Wait()
		p.jobs = nil
	}
	p.pending, p.filling = nil, nil
}

package source

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// decodeJob is one record batch on its way through the decode stage: a
// worker prepares it (or leaves batch nil while the source's envelope is not
// settled) and closes done; the assembler takes the jobs in record order.
type decodeJob struct {
	recs  []model.Record
	batch *decode.Batch
	done  chan struct{}
}

// decodeStage turns one input's record batches into entry batches, in order.
// With more than one CPU the per-line work (envelopes, payload parsing) is
// spread over decodeWorkers goroutines, batch by batch, and one goroutine
// puts the batches together in order (see decode.Preparer). When the
// records end it flushes what the decoder holds and sends the final batch
// with the source's error. What a quiet input's decoder holds is shown
// after heldShowAfter.
func decodeStage(i int, in Feed, room *inputRoom, records <-chan []model.Record, errc <-chan error, out chan<- decoded, spent chan<- []model.Record) {
	workers := decodeWorkers()
	var template atomic.Pointer[decode.Preparer] // set once the envelope is settled
	order := make(chan *decodeJob, queuedJobs(workers))
	work := make(chan *decodeJob, queuedJobs(workers))
	fields := &decode.FieldPool{}
	for range workers {
		go prepareJobs(work, &template, fields)
	}
	go dispatchJobs(records, order, work, &template)
	assembleJobs(i, in, room, order, errc, out, &template, fields, spent)
}

// decodeWorkers is how many goroutines prepare one input's batches: one
// a CPU up to maxDecodeWorkers, but none when there is only one (then the
// assembler does all).
func decodeWorkers() int {
	if n := runtime.GOMAXPROCS(0); n > 1 {
		return min(n, maxDecodeWorkers)
	}
	return 0
}

// How far an input's decoding runs ahead, whatever the machine's CPUs.
// Each worker keeps its own pools, and each job waiting holds a batch of
// records, their read buffers and, once prepared, their entries (about
// 0.7 MB in all): with a worker and two jobs a CPU, the TUI's load of the
// 1 GiB corpus peaked at 146 MiB with 8 CPUs against 127 MiB with 2 (W10
// asks for half of lnav's 259). The stages around the workers (reading,
// assembling, the store's writer) are serial and take more than a third
// of the work, so workers past four leave the load no faster; capped at
// four workers and four jobs waiting, the peak with 8 CPUs was 130 MiB.
const (
	maxDecodeWorkers = 4
	maxQueuedJobs    = 4
)

// queuedJobs is how many jobs may wait for the workers, and how many
// prepared ones for the assembler: two a worker, up to maxQueuedJobs.
func queuedJobs(workers int) int { return min(2*workers, maxQueuedJobs) }

// dispatchJobs hands each record batch to the workers, once they can
// prepare it, and to the assembler, in order. It closes both channels when
// the records end.
func dispatchJobs(records <-chan []model.Record, order, work chan<- *decodeJob, template *atomic.Pointer[decode.Preparer]) {
	defer close(work)
	defer close(order)
	for recs := range records {
		j := &decodeJob{recs: recs, done: make(chan struct{})}
		if len(recs) > 0 && cap(work) > 0 && template.Load() != nil {
			work <- j
		} else {
			close(j.done)
		}
		order <- j
	}
}

// prepareJobs is one worker: it prepares batches with its own Preparer,
// carving the fields of Reused records from blocks of fields.
func prepareJobs(work <-chan *decodeJob, template *atomic.Pointer[decode.Preparer], fields *decode.FieldPool) {
	var p *decode.Preparer
	quiet := time.NewTimer(idleAfter)
	defer quiet.Stop()
	for {
		j, ok := nextJob(work, p, quiet)
		if !ok {
			return
		}
		if p == nil {
			p = template.Load().Clone()
			p.ReuseFields(fields)
		}
		b := batchPool.Get().(*decode.Batch)
		p.Prepare(b, j.recs, entrySlice(len(j.recs)))
		j.batch = b
		close(j.done)
	}
}

// nextJob waits for the next job. A worker whose input has been quiet for
// idleAfter lets go of the last lines' bytes (see
// decode.Preparer.Idle) before it waits on: it may wait for as long as the
// input stays quiet. Not sooner: a worker waits for a moment between most
// batches of a load, and making the blocks and memo again after each
// wait doubled the bytes a load allocates.
func nextJob(work <-chan *decodeJob, p *decode.Preparer, quiet *time.Timer) (*decodeJob, bool) {
	select {
	case j, ok := <-work:
		return j, ok
	default:
	}
	if p != nil {
		quiet.Reset(idleAfter)
		select {
		case j, ok := <-work:
			return j, ok
		case <-quiet.C:
			p.Idle()
		}
	}
	j, ok := <-work
	return j, ok
}

// assembleJobs owns the input's Decoders: it assembles the jobs in order,
// decodes those no worker prepared, and sends the entries on. Backfill
// blocks (a file's head, read newest block first) go through a decoder of
// their own, emptied after each block, so that a partial line or JSON
// document held at a block's edge never joins lines of the live tail.
func assembleJobs(i int, in Feed, room *inputRoom, order <-chan *decodeJob, errc <-chan error, out chan<- decoded, template *atomic.Pointer[decode.Preparer], fields *decode.FieldPool, spent chan<- []model.Record) {
	a := newAssembler(i, in, room, out)
	a.spent = spent
	defer a.show.Stop()
	idleAfter := in.waits.idleAfter()
	idle := time.NewTimer(idleAfter)
	defer idle.Stop()
	for {
		select {
		case j, ok := <-order:
			if !ok {
				es := a.chain.ending(a.dec, a.dec.Flush(a.lead.release()))
				out <- decoded{input: i, entries: es, done: true, err: <-errc}
				return
			}
			if a.job(j, template, fields) {
				idle.Reset(idleAfter)
			}
		case <-a.show.C:
			a.showHeld()
		case <-idle.C:
			// Nor keep the last lines' bytes (see decode.Decoder.Idle).
			a.dec.Idle()
			a.back.Idle()
		}
	}
}

// assembler is the state assembleJobs keeps for one input between jobs.
type assembler struct {
	input     int
	room      *inputRoom
	out       chan<- decoded
	dec, back *decode.Decoder // the forward read's decoder, and the backfill blocks'
	lead      leadHold        // the forward read's lines before its first timed one
	chain     chainTeller
	showAfter time.Duration
	show      *time.Timer // runs only while something is held
	// caught is the source's mark that it has read what it held (an empty
	// batch), waiting while the decoder holds a line back: the merge must
	// not take the input for caught up before its last entry is out.
	caught bool
	// spent takes the record batches back to the source, nil: none (see
	// recycledBatches).
	spent chan<- []model.Record
}

func newAssembler(i int, in Feed, room *inputRoom, out chan<- decoded) *assembler {
	opts := decodeOptions(in)
	a := &assembler{input: i, room: room, out: out, dec: decode.New(in.ID, opts), back: decode.New(in.ID, opts),
		chain: chainTeller{link: in.Chain}, showAfter: in.waits.showAfter()}
	a.dec.DateUntimedAt(in.readAt)
	a.lead = leadHold{dec: a.dec}
	a.show = time.NewTimer(a.showAfter)
	a.show.Stop()
	return a
}

// job assembles one job and sends its entries on; the first decoder to
// settle on an envelope becomes the workers' template. It reports whether
// the job held records: an empty one is the source's caught-up mark.
func (a *assembler) job(j *decodeJob, template *atomic.Pointer[decode.Preparer], fields *decode.FieldPool) bool {
	<-j.done
	if len(j.recs) == 0 {
		a.caught = true
		a.passCaught()
		return false
	}
	front := j.recs[0].Backfill
	es, release := decodeJobEntries(a.dec, a.back, &a.lead, j, fields)
	if template.Load() == nil {
		if p := a.dec.Preparer(); p != nil {
			template.Store(p)
		}
	}
	if len(es) > 0 || release != nil {
		if !front {
			a.chain.sending(es, a.dec.LeadOpen())
			a.room.wait() // a backfill block skips the merger's queue
		}
		a.out <- decoded{input: a.input, entries: es, front: front, release: release}
	}
	a.passCaught()
	if !front { // a backfill block's records are its pooled memory's (see backfiller.frame)
		a.giveBack(j.recs)
	}
	if a.dec.Holding() || a.lead.held() {
		a.show.Reset(a.showAfter)
	} else {
		a.show.Stop()
	}
	return true
}

// giveBack hands a job's records, done with once its entries are made,
// to the source to fill again, cleared so that they pin none of the bytes
// they pointed at (here, not on the source's reading goroutine).
func (a *assembler) giveBack(recs []model.Record) {
	if a.spent == nil || cap(recs) == 0 {
		return
	}
	clear(recs)
	select {
	case a.spent <- recs[:0]:
	default:
	}
}

// showHeld sends what a quiet input holds back: it must not keep its last
// lines hidden: a line held to see whether the next continues it (a
// multi-line entry, a JSON document), a split line's pieces (flagged
// partial), the leads waiting for a time. A continuation written with its
// first line is read with it, so it still joins it.
func (a *assembler) showHeld() {
	if a.lead.held() && a.chain.keepsLeads() {
		return // a rotated copy's leads wait for its end
	}
	if es := a.dec.Flush(a.lead.release()); len(es) > 0 {
		a.chain.sending(es, a.dec.LeadOpen())
		a.room.wait()
		a.out <- decoded{input: a.input, entries: es}
	}
	a.passCaught()
}

// passCaught passes the source's caught-up mark on once the decoder holds
// nothing back; the leads held are as settled as they will be till more is
// written.
func (a *assembler) passCaught() {
	if !a.caught || a.dec.Holding() {
		return
	}
	a.chain.caughtUp()
	if a.lead.held() {
		a.room.wait()
		a.out <- decoded{input: a.input, entries: a.lead.release()}
	}
	a.out <- decoded{input: a.input, caught: true}
	a.caught = false
	a.dec.DateUntimedAt(time.Time{}) // what comes now was written now
}

// decodeOptions are the input's decoding options, its entries named after
// it (Options.Input) unless the feed names them otherwise.
func decodeOptions(in Feed) decode.Options {
	opts := in.Decode
	if opts.Input == "" {
		opts.Input = in.Source.Name()
	}
	return opts
}

// decodeJobEntries decodes job j and returns its entries to send now. A
// backfill block goes through back, emptied after it, and comes with the
// release of its memory; the forward read goes through dec, its leads held
// back (see leadHold).
func decodeJobEntries(dec, back *decode.Decoder, lead *leadHold, j *decodeJob, fields *decode.FieldPool) (es []model.Entry, release func()) {
	if j.recs[0].Backfill {
		// back holds nothing once flushed, so the block's memory is free
		// once these entries are stored (the records' Release). The batches
		// come newest first: a line without a time must not inherit one
		// from the batch after it.
		back.ForgetTimes()
		es, release = back.Flush(assemble(back, j)), releaseAfterSink(j, fields)
		back.SettleLead(es)
	} else {
		es = lead.take(assemble(dec, j))
	}
	if j.batch != nil {
		batchPool.Put(j.batch)
	}
	return es, release
}

// assemble decodes one job: from its prepared batch (whose own entry slice
// is usually handed over whole), or record by record when it was not
// prepared.
func assemble(dec *decode.Decoder, j *decodeJob) []model.Entry {
	if j.batch != nil {
		return dec.Assemble(j.batch, nil)
	}
	es := entrySlice(len(j.recs))
	for r := range j.recs {
		es = dec.Decode(&j.recs[r], es)
	}
	return es
}

// releaseAfterSink returns what gives back the memory a backfill job's
// entries lie in once they are stored: its block's (the records' Release)
// and the pooled blocks its fields were carved from. It is nil when
// neither was pooled.
func releaseAfterSink(j *decodeJob, fields *decode.FieldPool) func() {
	block := j.recs[0].Release
	var blocks decode.FieldBlocks
	if j.batch != nil {
		blocks = j.batch.TakeFieldBlocks()
	}
	if len(blocks) == 0 {
		return block
	}
	return func() {
		if onFieldsRelease != nil {
			onFieldsRelease(blocks)
		}
		fields.Put(blocks)
		if block != nil {
			block()
		}
	}
}

// onFieldsRelease, set by tests, is given the field blocks of a batch as
// they go back to the pool: overwriting them catches anything that still
// reads them.
var onFieldsRelease func(decode.FieldBlocks)

// batchPool holds prepared batches that have been assembled, for the
// batches prepared next: each keeps the slices Prepare fills.
var batchPool = sync.Pool{New: func() any { return new(decode.Batch) }}

// entryPool holds emptied entry slices (as *[]model.Entry) that the merger
// has finished with, for the next batches.
var entryPool sync.Pool

// entrySlice returns an empty slice for about n entries: one the merger has
// finished with when there is one, a new one otherwise.
func entrySlice(n int) []model.Entry {
	if p, ok := entryPool.Get().(*[]model.Entry); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]model.Entry, 0, n)
}

package source

import (
	"context"
	"io/fs"
	"os"
	"sync"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// Tuning of the ingest loop.
const (
	ingestBatch    = 1024                   // entries handed to the sink at once
	mergeIdleAfter = 150 * time.Millisecond // a source quiet this long no longer holds back the merge
	// mergeLiveSlack is how much older than the moment it is read a line
	// written from now on may say it is (a poll's wait, a runtime's
	// buffering): a followed source that has caught up holds back no line
	// older than this, since it can only deliver later ones. Waiting out
	// mergeIdleAfter for each of 50 files of earlier days read together
	// took 10 s, where one file of the same lines took 0.7 s.
	mergeLiveSlack = 2 * time.Second
	mergeTick      = 50 * time.Millisecond  // how often held entries are re-examined
	statusEvery    = 250 * time.Millisecond // how often source states are re-read
	// heldShowAfter is how long a quiet input's decoder holds a line back
	// to see whether the next continues it: longer than a batch waits
	// (batchMaxWait), so that lines written together are read together,
	// and short enough that a pipeline sees an idle input's last line at
	// once.
	heldShowAfter = 150 * time.Millisecond
	idleAfter     = 2 * time.Second // a quiet input's decoders let go of their last lines' bytes after this
)

// Feed couples a source with the way its lines are decoded.
type Feed struct {
	ID     model.SourceID
	Source Source
	Decode decode.Options
	// Finite says the source ends (a file read without following): the
	// merge waits for its entries however long it is quiet. A followed
	// source that has gone quiet for mergeIdleAfter no longer holds the
	// others back; a finite one slow to send its first lines (a big
	// compressed file, a busy machine) must not let a later input's lines
	// out first.
	Finite bool
	// CatchesUp says the source marks when it has read what it held at the
	// start (a followed file with FileOptions.MarkCaughtUp): until then the
	// merge waits for it however long it is quiet, as for a finite one, so
	// that a followed file slow to send its first lines (read from a cold
	// disk, on a busy machine) does not let another's later lines out first.
	CatchesUp bool
	// Chain is the input's place among a live file and its rotated copies
	// read together (see RotationLinks), through which the lines an input
	// ends with that have no time take the next file's; nil for others.
	Chain *ChainLink
	// readAt is when Ingest began to read several inputs: the time of their
	// lines without one, until the input has read what it held at the start
	// (see decode.Decoder.DateUntimedAt). Zero for a single input, and for
	// standard input and named pipes (neither Finite nor CatchesUp).
	readAt time.Time
	// waits, when set (by tests), replace the decode stage's waits.
	waits stageWaits
}

// stageWaits are how long a decode stage waits on a quiet input before it
// acts; zero keeps the default.
type stageWaits struct {
	show time.Duration // heldShowAfter
	idle time.Duration // idleAfter
}

// showAfter is heldShowAfter unless w replaces it.
func (w stageWaits) showAfter() time.Duration { return orDefault(w.show, heldShowAfter) }

// idleAfter is idleAfter unless w replaces it.
func (w stageWaits) idleAfter() time.Duration { return orDefault(w.idle, idleAfter) }

// Stater is implemented by sources that can describe their state for the
// status line ("following", "waiting for FILE", "EOF").
type Stater interface{ State() string }

// LateTeller is implemented by sources that may hand on an entry after a
// newer one (a log store that took it late): Late tells of them, for a
// streaming export to say, as it cannot put them back in time order.
type LateTeller interface{ Late() model.LateRows }

// Recogniser is implemented by sources that read files by name: Recognises
// says NotNew when the file f, whose stat is fi, is one the source read,
// under whatever name, or a copy of one, even one it no longer holds, and
// holds nothing the source did not read (see File.Recognises); NotYet
// when it may be a copy on its way; else NewLog. f is nil when it could
// not be opened. A pattern's new match that is NotNew is a followed log's
// rotation, whose lines came by following it, not another input. Judged
// again once it changes, it may be one.
type Recogniser interface {
	Recognises(f *os.File, fi fs.FileInfo) Verdict
}

// Shortfall is implemented by sources that can say, once they have ended
// without an error, what of their input they could not read (a file in a
// compression connlog does not read): the list of inputs says that rather
// than "done". "" when everything was read.
type Shortfall interface{ Shortfall() string }

// Sink receives entries in timeline order. With front set, the entries
// belong before everything the sink has received so far (a backfill block
// of a file opened tail first). The slice is reused after the call returns,
// and so may be the bytes its entries' Raw, Payload and field values lie in
// (FileOptions.ReuseBlocks): a sink copies what it keeps.
type Sink func(es []model.Entry, front bool)

// decoded is one batch of entries from one input.
type decoded struct {
	input   int
	entries []model.Entry
	front   bool   // a backfill batch: it goes before everything sent so far
	caught  bool   // the source has read what it held at the start (Feed.CatchesUp)
	release func() // the block's Release (see model.Record), once the entries are sunk
	done    bool
	err     error
	joined  *joining // not a batch: inputs that join the merge from now on
}

// Ingest reads every input until ctx is cancelled or all inputs end, decodes
// each on its own goroutine, merges them into one timeline by entry time
// (stable for equal times: the lines of several inputs without a time of
// their own are all dated when reading began, so they keep the inputs'
// order) and hands the result to sink. status is called
// with every source's state whenever it may have changed; it may be nil.
// Ingest returns when every input has ended.
func Ingest(ctx context.Context, inputs []Feed, sink Sink, status func([]model.SourceStatus)) {
	IngestJoining(ctx, inputs, nil, sink, status)
}

// IngestJoining is Ingest, with inputs that join while it runs, as join
// finds them (nil: none do). It returns when every input has ended and
// ctx is done (join looks for inputs until then).
func IngestJoining(ctx context.Context, inputs []Feed, join *Joining, sink Sink, status func([]model.SourceStatus)) {
	ch := make(chan decoded, 2*len(inputs)+1)
	rooms := make([]*inputRoom, len(inputs))
	bound := queueBound(len(inputs))
	start := time.Now()
	var wg sync.WaitGroup
	for i, in := range inputs {
		rooms[i] = newInputRoom(bound)
		if len(inputs) > 1 {
			in.readAt = untimedAt(in, start)
		}
		startInput(ctx, &wg, i, in, rooms[i], ch)
	}
	if join != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			joinInputs(ctx, join, len(inputs), &wg, ch)
		}()
	}
	go func() { wg.Wait(); close(ch) }()
	m := newMerger(inputs, rooms, sink, status)
	if join != nil {
		m.joined = join.Joined
	}
	m.loop(ch)
}

// untimedAt is the time given to in's lines without one of their own while
// it reads what it held at the start (Feed.readAt): at. Lines without a time
// keep the inputs' order, which the merge gives entries of equal times.
// Standard input and named pipes never say they have read what they held:
// a line they bring may have been written hours after the start, and is
// dated when read.
func untimedAt(in Feed, at time.Time) time.Time {
	if in.Finite || in.CatchesUp {
		return at
	}
	return time.Time{}
}

// startInput runs input i on goroutines of its own, counted in wg.
func startInput(ctx context.Context, wg *sync.WaitGroup, i int, in Feed, room *inputRoom, out chan<- decoded) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		runInput(ctx, i, in, room, out)
	}()
}

// runInput runs one source and hands its record batches to the decode
// stage, which waits for room in the merger's queue (see inputRoom).
func runInput(ctx context.Context, i int, in Feed, room *inputRoom, out chan<- decoded) {
	records := make(chan []model.Record, 2)
	errc := make(chan error, 1)
	spent := recycledBatches(in.Source)
	go func() {
		errc <- in.Source.Run(ctx, records)
		close(records)
	}()
	decodeStage(i, in, room, records, errc, out, spent)
}

// batchRecycler is a source that fills the record batches given back to
// it again (File).
type batchRecycler interface {
	recycleBatches(spent <-chan []model.Record) bool
}

// recycledBatches returns the channel the decode stage gives src's record
// batches back on once it is done with them, or nil when src makes new
// ones: a file read in bulk would otherwise allocate and clear a batch of
// 1,024 records on its reading goroutine, which a level question's export
// waits on, for every 1,024 lines.
func recycledBatches(src Source) chan []model.Record {
	r, ok := src.(batchRecycler)
	if !ok {
		return nil
	}
	spent := make(chan []model.Record, recycledBatchesMax)
	if !r.recycleBatches(spent) {
		return nil
	}
	return spent
}

// recycledBatchesMax is how many given-back batches wait for their source.
const recycledBatchesMax = 4

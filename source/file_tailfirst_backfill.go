package source

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"connlog/model"
)

// backfiller reads the head of a file opened tail first, backwards in
// blocks that start and end at line starts. Each block's lines are framed
// in forward order and sent as one batch of Backfill records, so the
// receiver can put the whole block before everything it holds.
type backfiller struct {
	src     *File
	file    *os.File    // its own descriptor on the generation below
	gen     *generation // the file as it was when reading began
	head    []byte      // the file's first bytes then, to notice a rewrite
	size    int64       // the file's size then, for the progress
	floor   int64       // where reading back stops: 0, or the first of the last lines asked for (FileOptions.LastLines)
	maxLine int
	pool    *blockPool // the memory of stored blocks (FileOptions.ReuseBlocks); nil: fresh memory each block
}

// run sends the blocks of [floor, end), newest first, then clears the
// progress. It stops early, with a gap record, when the file was truncated
// in place or a read fails; only a cancelled ctx is returned as an error.
func (bf *backfiller) run(ctx context.Context, out chan<- []model.Record, end int64) error {
	defer bf.src.backfill.paid()
	for hi := end; hi > bf.floor; {
		if full := bf.src.opts.BackfillFull; full != nil && full() {
			return bf.stopFull(ctx, out, hi)
		}
		bf.progress(hi)
		lo, batch, err := bf.blockBefore(hi)
		switch {
		case !bf.unchanged(hi):
			return bf.stop(ctx, out, model.Record{Mark: model.MarkGap, Note: NoteTruncated})
		case err != nil:
			return bf.stop(ctx, out, model.Record{Mark: model.MarkGap, Note: NoteHeadUnread, Count: hi})
		}
		if len(batch) > 0 {
			bf.src.backfill.owe() // paid by the block's Release, once stored (see frame)
		}
		if err := bf.sendBlock(ctx, out, batch); err != nil {
			return err
		}
		hi = lo
	}
	return nil
}

// blockBefore reads the whole lines of about one block before hi (a line
// start) and returns where they start and their records. It reads the
// block and the byte before it, and the lines begin after the first
// newline there (the partial line before it is read again with the next
// block), so no search back for a line start is needed; only a line
// longer than a block sends it looking further back. The block begins
// where a part may (see partStart): when none may in it, a block twice as
// long is read, up to partBlockMax.
func (bf *backfiller) blockBefore(hi int64) (int64, []model.Record, error) {
	for size := bf.src.tailSizes.block(); ; size *= 2 {
		from := max(hi-size-1, bf.floor)
		buf, mem, err := bf.read(from, hi)
		switch {
		case err != nil:
			return 0, nil, err
		case from == bf.floor: // a line start: the file's, or the first of the last lines
			return from, bf.frame(buf, from, mem), nil
		}
		// buf ends with the newline before hi, unless the file changed under
		// the read: a line starts after an earlier newline.
		i := bytes.IndexByte(buf, '\n')
		if i < 0 || i == len(buf)-1 {
			bf.pool.put(mem) // nothing was framed over it
			return bf.lineBefore(hi, from)
		}
		if start, ok := bf.partStart(buf, i+1); ok || size >= partBlockMax {
			return from + int64(start), bf.frame(buf[start:], from+int64(start), mem), nil
		}
		bf.pool.put(mem)
	}
}

// partBlockMax bounds how far back a block looks for a line where a part
// may begin: past the longest entry the decoder joins (4 MiB), it would cut
// the entry anyway.
const partBlockMax = 8 << 20

// lineBefore reads the lines from the line start at or before from up to
// hi: a line longer than the block read from from.
func (bf *backfiller) lineBefore(hi, from int64) (int64, []model.Record, error) {
	lo, err := lineStartAtOrBefore(bf.file, from)
	var buf []byte
	var mem *blockMem
	if err == nil {
		buf, mem, err = bf.read(lo, hi)
	}
	if err != nil {
		return 0, nil, err
	}
	return lo, bf.frame(buf, lo, mem), nil
}

// partStart returns where in buf the block begins: at a line start after
// buf[:first] (the line cut by the read) where a part may begin (see
// partStartIn), so that the lines before it go with the next block, read
// later; at first when no line in buf begins an entry, or the file's lines
// are not told apart (no FileOptions.PartStart). chosen is false when a
// longer block might begin better.
func (bf *backfiller) partStart(buf []byte, first int) (start int, chosen bool) {
	if bf.src.opts.PartStart == nil {
		return first, true
	}
	start, chosen = partStartIn(buf, first, bf.src.opts.PartStart)
	if start < 0 {
		return first, false
	}
	return start, chosen
}

// read returns the bytes of [lo, hi), in a stored block's memory when the
// pool has one that holds them (mem, else nil).
func (bf *backfiller) read(lo, hi int64) ([]byte, *blockMem, error) {
	mem := bf.pool.get(int(hi - lo))
	var buf []byte
	if mem != nil {
		buf = mem.buf
	} else {
		buf = make([]byte, hi-lo)
	}
	if n, err := bf.file.ReadAt(buf, lo); n < len(buf) {
		bf.pool.put(mem)
		return nil, nil, fmt.Errorf("read %s at %d: %w", bf.src.path, lo, withoutPath(err, bf.src.path))
	}
	return buf, mem, nil
}

// frame frames the lines of buf, read at lo, as Backfill records whose Raw
// slices share buf, as a forward read's records share their read chunk.
// With mem (buf's pooled memory) the records go into its record slice,
// are marked Reused, and the first of them carries the Release that gives
// both back.
func (bf *backfiller) frame(buf []byte, lo int64, mem *blockMem) []model.Record {
	if len(buf) == 0 {
		bf.pool.put(mem)
		return nil
	}
	n := bytes.Count(buf, []byte{'\n'}) + 1
	var batch []model.Record
	if mem != nil && cap(mem.recs) >= n {
		batch = mem.recs[:0]
	} else {
		batch = make([]model.Record, 0, n)
	}
	fr := bf.src.newFramer(bf.maxLine, func(r model.Record) error {
		r.Backfill, r.Reused = true, mem != nil
		batch = append(batch, r)
		return nil
	})
	fr.unterminated = bf.src.gens.markUnterminated
	now := time.Now()
	_ = fr.feed(buf, bf.gen.base+lo, now) // the emitter above never fails
	_ = fr.flush(now, "")
	if mem != nil {
		mem.recs = batch
	}
	if len(batch) == 0 {
		bf.pool.put(mem)
		return batch
	}
	batch[0].Release = func() {
		bf.pool.put(mem)
		bf.src.backfill.paid()
	}
	return batch
}

// unchanged reports whether the file still holds what the backfill read:
// not marked truncated by the follower, not shorter than the block's end,
// and starting with the same bytes. A truncate-and-refill that restores
// all three within one block's read is not noticed.
func (bf *backfiller) unchanged(hi int64) bool {
	if bf.src.gens.isGone(bf.gen) {
		return false
	}
	if fi, err := bf.file.Stat(); err != nil || fi.Size() < hi {
		return false
	}
	return holds(bf.file, bf.head, 0)
}

// stop sends a last backfill record saying what was not read.
func (bf *backfiller) stop(ctx context.Context, out chan<- []model.Record, gap model.Record) error {
	gap.Source, gap.Offset, gap.Received, gap.Backfill = bf.src.id, -1, time.Now(), true
	return bf.sendBlock(ctx, out, []model.Record{gap})
}

// stopFull stops the backfill once its sink is full (FileOptions.
// BackfillFull): the lines of [floor, hi) could not be held, and are
// counted, not read into entries, in a gap record of the budget's reason.
func (bf *backfiller) stopFull(ctx context.Context, out chan<- []model.Record, hi int64) error {
	n, err := countLines(bf.file, bf.floor, hi)
	if err != nil {
		return bf.stop(ctx, out, model.Record{Mark: model.MarkGap, Note: NoteHeadUnread, Count: hi - bf.floor})
	}
	return bf.stop(ctx, out, model.Record{Mark: model.MarkGap, Note: model.GapEvictionReason, Count: n})
}

// countLines counts the newlines of f's bytes [lo, hi): the lines there,
// when hi is a line start.
func countLines(f *os.File, lo, hi int64) (int64, error) {
	buf := make([]byte, min(hi-lo, backfillBlockBytes))
	var n int64
	for at := lo; at < hi; {
		part := buf[:min(int64(len(buf)), hi-at)]
		if k, err := f.ReadAt(part, at); k < len(part) {
			return 0, shortRead(err)
		}
		n += int64(bytes.Count(part, []byte{'\n'}))
		at += int64(len(part))
	}
	return n, nil
}

// progress says how much of the file has been indexed: everything from the
// block being read to the end.
func (bf *backfiller) progress(hi int64) {
	span := bf.size - bf.floor
	pct := 100 * (bf.size - hi) / max(span, 1)
	bf.src.backfill.set(fmt.Sprintf("%s %d%% (%s)", model.StateIndexing, pct, model.HumanBytes(float64(span))))
}

// begin shows the progress from the tail's start on, before the tail is
// sent: from then until the head is stored, the file is being indexed.
func (bf *backfiller) begin(tailStart int64) {
	bf.src.backfill.begin("")
	bf.progress(tailStart)
}

// sendBlock sends one block's records in batches of at most
// batchMaxRecords. Each batch is put before everything sent earlier, so the
// block's last batch goes first; each is decoded apart, so each begins where
// a part may (see batchStart). It gives up when ctx ends.
func (bf *backfiller) sendBlock(ctx context.Context, out chan<- []model.Record, block []model.Record) error {
	for end := len(block); end > 0; {
		lo := bf.batchStart(block, max(end-batchMaxRecords, 0), end)
		if !sendBatch(ctx, out, block[lo:end:end]) { // capped: the receiver may append to its batch
			return ctx.Err()
		}
		end = lo
	}
	return nil
}

// batchStart returns where the batch of block[:end] that may begin at lo
// begins: at a record from lo on where a part may (see partChooser), or
// before it, at a line with a time of its own when one is near (see
// timedBefore). When none from lo on begins an entry (a JSON document of
// more lines than a batch holds), the batch is the whole rest of the
// block, which begins where a part may. Without FileOptions.PartStart it
// is lo.
func (bf *backfiller) batchStart(block []model.Record, lo, end int) int {
	ask := bf.src.opts.PartStart
	if ask == nil || lo == 0 {
		return lo
	}
	at := partFrom(block, lo, end, ask)
	if at < 0 {
		return 0 // the block begins where a part may
	}
	return timedBefore(block, at, ask)
}

// timedBefore returns where a part that may begin at the record at (one that
// begins an entry) begins best: there when its line has a time of its own,
// else at the nearest such record within timedLookahead before it, so that
// the lines without one take their time from a line of their own part, as
// in a forward read (a long JSON document after a timed line), else there.
func timedBefore(block []model.Record, at int, ask func(prev, line []byte) (entry, timed bool)) int {
	if at == 0 {
		return 0
	}
	if _, timed := ask(block[at-1].Raw, block[at].Raw); timed {
		return at
	}
	for k := at - 1; k >= 0 && k >= at-timedLookahead; k-- {
		if entry, timed := ask(prevRaw(block, k), block[k].Raw); entry && timed {
			return k
		}
	}
	return at
}

// prevRaw is the line before block[k], none for the block's first: a part
// begins there, whatever the line before it.
func prevRaw(block []model.Record, k int) []byte {
	if k == 0 {
		return nil
	}
	return block[k-1].Raw
}

// partFrom returns the record of block[from:end] where a part may begin
// (see partChooser), -1 when none begins an entry.
func partFrom(block []model.Record, from, end int, ask func(prev, line []byte) (entry, timed bool)) int {
	c := newPartChooser(ask)
	for k := from; k < end && !c.offer(k, block[k-1].Raw, block[k].Raw); k++ {
	}
	return c.first
}

// isGone reports whether g's bytes can no longer be read where they were:
// its file was truncated in place, whether or not a copy was found.
func (gs *generations) isGone(g *generation) bool {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	return g.gone != "" || g.cut
}

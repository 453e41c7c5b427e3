package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"connlog/model"
)

// NoteRawLost marks a gap counting lines that were read and shown but
// whose bytes can no longer be re-read: the file was truncated in place
// and no copy of it was found, or too much was already kept aside. Their
// rows remain; searching or exporting their raw bytes fails for them.
const NoteRawLost = model.GapUnreadableReason

// truncated handles a file cut in place (copytruncate). logrotate copied it
// to a sibling first, so that copy is looked for (by content: it starts with
// the bytes this file started with, and holds what was read where it was
// read): the lines written between the last read and the truncation are
// read from it, and the lines already read are re-read from it later. The
// bytes read past the copy's end are kept aside from the recent bytes. Only
// when no copy is found does a gap say an unknown amount may be missing,
// and the lines whose bytes could not be kept are counted as lost. Reading
// then starts again at byte 0 as a new generation of the same open file.
func (t *tailer) truncated(ctx context.Context) error {
	old, live := t.cur, t.cur.file
	readTo := t.pos
	cp := t.findCopy()
	if cp != nil {
		t.src.gens.truncated(old, []extent{cp.extent()}, "")
		if err := t.readCopy(ctx, cp); err != nil {
			return err
		}
	}
	now := time.Now()
	if err := t.framer.flush(now, NotePartialLine); err != nil {
		return err
	}
	var moved []extent
	var lost int64
	reason := "the records are not re-read"
	if !t.src.opts.StreamOnly {
		moved, lost, reason = t.keepRecent(cp, readTo)
	} else if cp != nil && cp.file != t.src.gens.spill.file() {
		cp.file.Close() // read: nothing will re-read it
	}
	t.src.gens.truncated(old, moved, reason)
	if err := t.truncationGaps(ctx, now, cp == nil, lost); err != nil {
		return err
	}
	t.nextBase = old.base + t.pos
	t.startGeneration(live, t.curInfo)
	return nil
}

// truncationGaps reports what a truncation lost: without a copy, an
// unknown amount written just before it; and the lines read before it
// whose bytes could not be kept (lost < 0: an unknown number of them).
func (t *tailer) truncationGaps(ctx context.Context, now time.Time, noCopy bool, lost int64) error {
	if noCopy {
		gap := model.Record{Source: t.src.id, Offset: -1, Received: now, Mark: model.MarkGap, Note: NoteTruncated}
		if err := t.batch.add(ctx, gap); err != nil {
			return err
		}
	}
	if lost < 0 {
		gap := model.Record{Source: t.src.id, Offset: -1, Received: now, Mark: model.MarkGap, Note: NoteRawLost}
		return t.batch.add(ctx, gap)
	}
	t.lost += lost
	return t.reportLost(ctx)
}

// readCopy reads from the copy what was written after the last read.
func (t *tailer) readCopy(ctx context.Context, cp *copyFound) error {
	for t.pos < cp.size && ctx.Err() == nil {
		chunk := make([]byte, min(cp.size-t.pos, readChunkBytes))
		n, err := cp.file.ReadAt(chunk, cp.at+t.pos)
		if n > 0 {
			if err := t.consume(ctx, chunk[:n]); err != nil {
				return err
			}
		}
		if n == 0 || (err != nil && !errors.Is(err, io.EOF)) {
			break // the copy is shorter than it said: what was read is kept
		}
	}
	return ctx.Err()
}

// keepRecent puts aside, in the spill file, the bytes that were read but
// are in no copy: past the copy's end, or all of them when there is no
// copy, as far as the recent bytes reach. It returns where the generation's
// bytes now are, how many lines could not be kept and why.
func (t *tailer) keepRecent(cp *copyFound, readTo int64) (moved []extent, lost int64, reason string) {
	var from int64
	if cp != nil {
		moved = append(moved, cp.extent())
		from = cp.size
	}
	if from >= readTo {
		return moved, 0, ""
	}
	start := max(from, t.recent.from)
	b, ok := t.recent.slice(start, readTo)
	var err error
	if ok && len(b) > 0 {
		var at int64
		if at, err = t.src.gens.spill.write(b); err == nil {
			moved = append(moved, extent{file: t.src.gens.spill.file(), from: start, to: readTo, at: at})
		}
	}
	if !ok || err != nil || start > from {
		lost = -1 // lines between the copy's end and the kept bytes: not counted
		if cp == nil {
			lost = t.linesBefore(start, b, err == nil && ok)
		}
		reason = "it was truncated in place (copytruncate) and no copy holding it was found"
		if err != nil {
			reason = "it was truncated in place and could not be kept aside: " + err.Error()
		}
	}
	return moved, lost, reason
}

// linesBefore counts the lines of the current generation that start before
// position start, which could not be kept: all the lines read, less those
// whose newline is in the kept bytes.
func (t *tailer) linesBefore(start int64, kept []byte, keptOK bool) int64 {
	t.src.gens.mu.Lock()
	n := t.cur.lines
	t.src.gens.mu.Unlock()
	if keptOK {
		n -= int64(bytes.Count(kept, []byte{'\n'}))
		if start > 0 && start < t.pos {
			n++ // the line that straddles start cannot be read whole
		}
	}
	return max(n, 0)
}

// reportLost sends a gap for lines whose bytes could not be kept.
func (t *tailer) reportLost(ctx context.Context) error {
	if t.lost == 0 {
		return nil
	}
	gap := model.Record{Source: t.src.id, Offset: -1, Received: time.Now(), Mark: model.MarkGap, Note: NoteRawLost, Count: t.lost}
	t.lost = 0
	return t.batch.add(ctx, gap)
}

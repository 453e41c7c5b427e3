package source

import (
	"bytes"
	"time"

	"connlog/model"
)

// emitFunc takes one record; it fails only when the run was cancelled.
type emitFunc func(model.Record) error

// neverQuiet is the quietAfter of an input whose reads never wait for a
// writer (a compressed regular file): what it holds waits for the rest to
// be read or the input to end.
const neverQuiet = 100 * 365 * 24 * time.Hour

// lineFramer cuts a byte stream into line records on '\n'. The chunks it is
// fed become the records' Raw storage (one allocation per read, none per
// line); only a line that spans two chunks is copied. It holds back an
// unterminated last line until its newline arrives or flush is called (the
// input ended, was rotated or truncated), however long its writer pauses
// in it: a record is never taken back, so a line sent before its newline
// would stay two entries, and a followed export would write both. It
// cuts lines longer than maxLine (connlog's own ndjson records longer, see
// limitFor), counting what it dropped in a gap record.
type lineFramer struct {
	id      model.SourceID
	maxLine int
	emit    emitFunc
	// quietAfter is how long an input must be quiet before a run of NULs
	// it ends with is counted (quietDue), and before a followed file that
	// holds an unterminated line says it caught up; it is also how long a
	// line is held before the input's status shows it (see heldLine).
	// neverQuiet for an input that is never quiet.
	quietAfter time.Duration
	// unterminated is told the offset of every record whose bytes on disk are
	// not followed by '\n' (cut or flushed early), so that re-reads can be
	// verified; nil for streams.
	unterminated func(offset int64)

	pending    []byte // framer-owned copy of the held unterminated line
	pendingOff int64
	dropping   bool  // inside a line already cut: discard up to its newline
	dropped    int64 // bytes discarded from the current cut line
	nuls       int64 // NUL bytes of a run where a line starts (file_nulrun.go)
	// keepNULs frames NULs as any other byte: the journal export format's
	// binary values (a length's zero bytes may open a line) are read
	// through a framer.
	keepNULs bool
	// held, when set, is told what the framer holds of an unfinished line
	// after every feed and flush, for the input's status.
	held      *heldLine
	heldSince time.Time // when the held line's first bytes were read
}

func newLineFramer(id model.SourceID, maxLine int, emit emitFunc) *lineFramer {
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	return &lineFramer{id: id, maxLine: maxLine, emit: emit, quietAfter: partialLineTimeout}
}

// feed frames chunk, whose first byte is at logical offset off (-1 when the
// input cannot be re-read). The chunk must not be reused by the caller.
func (f *lineFramer) feed(chunk []byte, off int64, now time.Time) error {
	defer f.tellHeld()
	return f.frame(chunk, off, now)
}

// frame is feed, but for telling what is held.
func (f *lineFramer) frame(chunk []byte, off int64, now time.Time) error {
	for len(chunk) > 0 {
		if !f.keepNULs && len(f.pending) == 0 && !f.dropping && (chunk[0] == 0 || f.nuls > 0) {
			n := f.skipNULs(chunk)
			if chunk, off = chunk[n:], advance(off, n); len(chunk) == 0 {
				return nil // the run may go on in the next chunk
			}
			if err := f.endNULs(now); err != nil {
				return err
			}
		}
		nl := bytes.IndexByte(chunk, '\n')
		switch {
		case f.dropping && nl < 0:
			f.dropped += int64(len(chunk))
			return nil
		case f.dropping:
			f.dropped += int64(nl)
			if err := f.endDrop(now); err != nil {
				return err
			}
		case nl < 0:
			return f.hold(chunk, off, now)
		default:
			if err := f.line(chunk[:nl], off, now); err != nil {
				return err
			}
		}
		chunk, off = chunk[nl+1:], advance(off, nl+1)
	}
	return nil
}

// line emits one complete line, joined to the held start if there is one.
func (f *lineFramer) line(b []byte, off int64, now time.Time) error {
	held := len(f.pending)
	if held > 0 {
		off = f.pendingOff
	}
	if limit := f.limitFor(b); held+len(b) > limit {
		// Cut: keep limit bytes, count the rest; the newline is here, so
		// the gap follows at once.
		cut := f.joinPrefix(b, limit)
		f.dropped = int64(held + len(b) - limit)
		f.pending = nil
		f.markUnterminated(off)
		if err := f.send(cut, off, now, model.NoteCutLine); err != nil {
			return err
		}
		return f.endDrop(now)
	}
	if held > 0 {
		b = append(f.pending, b...)
		f.pending = nil
	}
	return f.send(b, off, now, "")
}

// hold keeps an unterminated tail for the next chunk, or cuts it when it
// already exceeds the maximum line length.
func (f *lineFramer) hold(b []byte, off int64, now time.Time) error {
	if len(f.pending) == 0 {
		f.pendingOff, f.heldSince = off, now
	}
	limit := f.limitFor(b)
	if len(f.pending)+len(b) <= limit {
		// A copy, so that a short tail does not pin the whole read buffer.
		f.pending = append(f.pending, b...)
		return nil
	}
	cut := f.joinPrefix(b, limit)
	f.dropped = int64(len(f.pending) + len(b) - limit)
	f.dropping = true
	f.pending = nil
	f.markUnterminated(f.pendingOff)
	return f.send(cut, f.pendingOff, now, model.NoteCutLine)
}

// joinPrefix returns the first n bytes of pending followed by b.
func (f *lineFramer) joinPrefix(b []byte, n int) []byte {
	if len(f.pending) == 0 {
		return b[:n]
	}
	out := make([]byte, 0, n)
	out = append(out, f.pending...)
	return append(out, b[:n-len(out)]...)
}

// flush sends the held unterminated line now, marked with note, and ends a
// cut line's discard so that whatever comes next is a record of its own. It
// is called at the end of an input, on a truncation and before a switch to
// another file: never while the rest of the line may still come.
func (f *lineFramer) flush(now time.Time, note string) error {
	defer f.tellHeld()
	if f.dropping {
		return f.endDrop(now)
	}
	if len(f.pending) == 0 {
		return f.endNULs(now)
	}
	b, off := f.pending, f.pendingOff
	f.pending = nil
	f.markUnterminated(off)
	return f.send(b, off, now, note)
}

// tellHeld tells held what is held of an unfinished line now.
func (f *lineFramer) tellHeld() {
	switch {
	case f.held == nil:
	case len(f.pending) > 0:
		f.held.set(f.pending, f.heldSince, f.quietAfter)
	default:
		f.held.clear()
	}
}

// holding reports whether an unterminated line, or a NUL run, is held back.
func (f *lineFramer) holding() bool { return len(f.pending) > 0 || f.dropping || f.nuls > 0 }

// quietDue reports whether the framer holds what a quiet input lets go
// (onQuiet): a NUL run, a gap that no later byte can make a line of. A
// held line is not: only its newline, or the end of its input, ends it.
func (f *lineFramer) quietDue() bool { return f.nuls > 0 }

// onQuiet sends what quietDue says a quiet input lets go.
func (f *lineFramer) onQuiet(now time.Time) error { return f.endNULs(now) }

func (f *lineFramer) endDrop(now time.Time) error {
	n := f.dropped
	f.dropping, f.dropped = false, 0
	return f.emit(model.Record{Source: f.id, Offset: -1, Received: now, Mark: model.MarkGap, Note: NoteLineTooLong, Count: n})
}

func (f *lineFramer) send(b []byte, off int64, now time.Time, note string) error {
	return f.emit(model.Record{Raw: b, Source: f.id, Offset: off, Received: now, Note: note, OneLine: true})
}

func (f *lineFramer) markUnterminated(off int64) {
	if off >= 0 && f.unterminated != nil {
		f.unterminated(off)
	}
}

// advance moves a logical offset forward, leaving "not re-readable" as is.
func advance(off int64, n int) int64 {
	if off < 0 {
		return off
	}
	return off + int64(n)
}

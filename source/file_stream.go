package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"
)

// streamChunk is one read from a stream: an owned copy of the bytes read,
// or the error that ended the stream.
type streamChunk struct {
	data []byte
	err  error
}

// pumpStream reads r on its own goroutine so that the framing loop can keep
// its batch and partial-line deadlines while a read blocks. The goroutine
// stops at the first error or when done is closed; a Read that never returns
// (a terminal, a silent pipe) keeps it parked until the process exits, which
// is the only way to abandon a blocking read of standard input. release,
// if not nil, runs on that goroutine when it stops: a decoder must not be
// closed while a Read is still using it.
func pumpStream(r io.Reader, done <-chan struct{}, release func()) <-chan streamChunk {
	ch := make(chan streamChunk, 4)
	go func() {
		defer close(ch)
		if release != nil {
			defer release()
		}
		buf := make([]byte, streamReadBytes)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				// Exactly sized, so a short read does not pin a whole buffer.
				select {
				case ch <- streamChunk{data: bytes.Clone(buf[:n])}:
				case <-done:
					return
				}
			}
			if err != nil {
				select {
				case ch <- streamChunk{err: err}:
				case <-done:
				}
				return
			}
		}
	}()
	return ch
}

// readStream frames every line r yields, with Offset -1, until r ends or
// ctx is cancelled. A line whose writer pauses in it waits for its newline
// (see lineFramer); a NUL run is counted after fr.quietAfter of quiet (no
// more read while the lines before were handed on, nor since). At the end
// the held line is sent and the batch flushed. It returns nil at EOF, ctx.Err() when cancelled,
// and otherwise the read error that ended the stream. release is passed to
// pumpStream. finish, when not nil, is the context fr sends under (see
// FileOptions.Finish): when ctx ends, what was read is sent under it
// before readStream returns (see stopStream).
func readStream(ctx, finish context.Context, r io.Reader, fr *lineFramer, b *batcher, release func()) error {
	done := make(chan struct{})
	defer close(done)
	chunks := pumpStream(r, done, release)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	var lastData time.Time
	for {
		wake, waiting := nextWake(b, fr, lastData)
		var tick <-chan time.Time
		if waiting {
			timer.Reset(time.Until(wake))
			tick = timer.C
		}
		var c streamChunk
		select {
		case <-ctx.Done():
			return stopStream(ctx, finish, chunks, fr, b)
		case now := <-tick:
			select {
			case c = <-chunks:
				// Read while the lines before were handed on (the merge
				// may hold a later input back for long): the stream is
				// not quiet, and the held line's rest may be in it.
			default:
				if err := onDeadlines(ctx, now, b, fr, lastData); err != nil {
					return err
				}
				continue
			}
		case c = <-chunks:
		}
		if c.err != nil {
			return finishStream(ctx, c.err, fr, b)
		}
		if err := fr.feed(c.data, -1, time.Now()); err != nil {
			return err
		}
		// Quiet from now on: handing the lines on may have waited.
		lastData = time.Now()
	}
}

// finishStream sends what is held when a stream ends and reports why it
// ended (nil for a clean EOF). A line the stream ended without a newline
// is its last, complete one (NoteLastLine).
func finishStream(ctx context.Context, readErr error, fr *lineFramer, b *batcher) error {
	note := ""
	if errors.Is(readErr, io.EOF) {
		note = NoteLastLine
	}
	if err := fr.flush(time.Now(), note); err != nil {
		return err
	}
	if err := b.flush(ctx); err != nil {
		return err
	}
	if errors.Is(readErr, io.EOF) {
		return nil
	}
	return readErr
}

// stopStream sends, once ctx has ended, what was read of the stream: the
// chunks read and not yet framed, a last line without its newline
// (flagged NotePartialLine: its writer may be writing it still) and the
// batch. A followed export stopped by a signal thus writes every line
// that reached it. What a blocked read would bring is not waited for.
// Nothing is sent without finish, nor once it has ended too.
func stopStream(ctx, finish context.Context, chunks <-chan streamChunk, fr *lineFramer, b *batcher) error {
	if finish == nil || finish.Err() != nil {
		return ctx.Err()
	}
	for {
		var c streamChunk
		select {
		case c = <-chunks:
		default:
		}
		if c.err != nil {
			// The stream ended as the stop came: it ends as it would have,
			// its sends failing only with finish (the stop's error says it).
			finishStream(finish, c.err, fr, b)
			return ctx.Err()
		}
		if c.data == nil {
			break
		}
		if err := fr.feed(c.data, -1, time.Now()); err != nil {
			return err
		}
	}
	if err := fr.flush(time.Now(), NotePartialLine); err != nil {
		return err
	}
	if err := b.flush(finish); err != nil {
		return err
	}
	return ctx.Err()
}

// nextWake is the earliest of the batch deadline and the end of the
// quiet time, when the framer holds what a quiet input lets go; waiting is
// false when neither applies.
func nextWake(b *batcher, fr *lineFramer, lastData time.Time) (wake time.Time, waiting bool) {
	wake, waiting = b.deadline()
	if fr.quietDue() {
		partial := lastData.Add(fr.quietAfter)
		if !waiting || partial.Before(wake) {
			wake, waiting = partial, true
		}
	}
	return wake, waiting
}

// onDeadlines sends the batch, and what a quiet input lets go once the
// quiet time has passed.
func onDeadlines(ctx context.Context, now time.Time, b *batcher, fr *lineFramer, lastData time.Time) error {
	if fr.quietDue() && !now.Before(lastData.Add(fr.quietAfter)) {
		if err := fr.onQuiet(now); err != nil {
			return err
		}
	}
	if d, ok := b.deadline(); ok && !now.Before(d) {
		return b.flush(ctx)
	}
	return nil
}

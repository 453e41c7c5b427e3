package source

import (
	"context"
	"fmt"
	"os"
	"time"

	"connlog/model"
)

// GapNotReadAtStop begins the note of a gap sent when following stopped
// (FileOptions.Finish) and a file's bytes on disk could not all be read;
// the rest says which file, from where and why, and Count is the bytes not
// read.
const GapNotReadAtStop = model.GapNotReadAtStop

// sendContext is the context the framer's records are sent under: with
// FileOptions.Finish, the lines read after ctx ended must still go out.
func (f *File) sendContext(ctx context.Context) context.Context {
	return sendUnder(ctx, f.finishContext())
}

// sendUnder is the context a source sends under: finish when it has one
// (what is read after ctx ends must still go out), else ctx.
func sendUnder(ctx, finish context.Context) context.Context {
	if finish != nil {
		return finish
	}
	return ctx
}

// finishContext is FileOptions.Finish when it applies (with Follow), else
// nil.
func (f *File) finishContext() context.Context {
	if f.opts.Follow {
		return f.opts.Finish
	}
	return nil
}

// finish reads, once following has stopped, what is on disk: the file
// being read to its end, then each file that took its place at the path,
// in the order they were seen, as the follow would have once their grace
// was over. A file that cannot be read to its end is counted in a gap and
// the next one is still read. ctx is FileOptions.Finish: its end ends
// finish at once.
func (t *tailer) finish(ctx context.Context) error {
	if err := t.lookAtPath(ctx); err != nil {
		return err
	}
	if err := t.readLateGrowth(ctx); err != nil {
		return err
	}
	for t.cur != nil {
		if err := t.finishCurrent(ctx); err != nil {
			return err
		}
		if len(t.next) == 0 {
			break
		}
		t.nextBase = t.cur.base + t.pos
		t.cur, t.curInfo = nil, nil
		// A file that cannot be looked at fails the read that follows too,
		// which counts it.
		if err := t.startNext(ctx); err != nil && ctx.Err() != nil {
			return err
		}
	}
	if err := t.reportLost(ctx); err != nil {
		return err
	}
	return t.batch.flush(ctx)
}

// lookAtPath opens the file at the path when none is read yet, or queues
// it when it is another than the one read: it appeared since the last
// poll, and its lines are on disk too.
func (t *tailer) lookAtPath(ctx context.Context) error {
	if t.cur == nil {
		return t.open(ctx)
	}
	if fi, err := os.Stat(t.src.path); err == nil && !os.SameFile(fi, t.curInfo) {
		t.noteNext(ctx, fi, time.Now())
	}
	return nil
}

// finishCurrent reads the current file to the end it has now, or counts
// what it could not read in a gap. A last line without a newline is
// partial, as a quiet file's is when following: its writer may be writing
// it still.
func (t *tailer) finishCurrent(ctx context.Context) error {
	err := t.readToEndNoting(ctx, NotePartialLine)
	if err == nil || ctx.Err() != nil {
		return err
	}
	return t.notReadGap(ctx, err)
}

// notReadGap sends what was read of the current file (a line it ends
// without its newline included) and a gap for the bytes it still holds
// past the read position, which failed with cause.
func (t *tailer) notReadGap(ctx context.Context, cause error) error {
	if err := t.framer.flush(time.Now(), NotePartialLine); err != nil {
		return err
	}
	var unread int64
	if t.cur != nil {
		if fi, err := t.cur.file.Stat(); err == nil {
			unread = max(fi.Size()-t.pos, 0)
		}
	}
	// The first byte not read, counting from 1 as every byte shown is counted.
	note := fmt.Sprintf("%s: the file read at %s from byte %d (%v)", GapNotReadAtStop, t.src.path, t.pos+1, cause)
	gap := model.Record{Source: t.src.id, Offset: -1, Received: time.Now(), Mark: model.MarkGap, Note: note, Count: unread}
	return t.batch.add(ctx, gap)
}

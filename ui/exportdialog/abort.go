package exportdialog

import (
	"errors"
	"time"

	"connlog/model/export"
)

// abortWait bounds how long Abort waits for a cancelled write to remove
// its temp file: the writer checks for cancellation every few entries, so
// this is only reached on a stuck disk.
const abortWait = 5 * time.Second

// writeRun is a write in progress: done is closed once the export has
// returned, its temp file gone, and msg is then what it returned.
type writeRun struct {
	done chan struct{}
	msg  doneMsg
}

func newWriteRun() *writeRun { return &writeRun{done: make(chan struct{})} }

// end records the write's outcome and tells Abort it has returned.
func (r *writeRun) end(msg doneMsg) {
	r.msg = msg
	close(r.done)
}

// Aborted is what became of the export Abort stopped, for the message
// connlog leaves once the terminal is restored.
type Aborted struct {
	// Path is the file the export was going to.
	Path string
	// Written says the export had ended, written, before the cancellation
	// reached it: the file is at Path (maybe saved under another name
	// beside it: see export.ErrSavedElsewhere).
	Written bool
	// Entries is how many entries of the input it wrote, when Written:
	// not its gap and restart marks, nor what the format left out.
	Entries int64
	// Waiting says it had not begun: it waited for the indexing to end.
	Waiting bool
}

// Abort cancels a running write and waits until it has removed its temp
// file, so that a program quitting in the middle of an export leaves no
// partial file behind. It reports what became of the export: ok is false
// when none was running or waiting to start.
func (d Model) Abort() (a Aborted, ok bool) {
	switch {
	case d.state == Waiting:
		return Aborted{Path: d.pathValue(), Waiting: true}, true
	case d.state != Writing || d.cancel == nil:
		return Aborted{}, false
	}
	d.cancel()
	select {
	case <-d.run.done:
	case <-time.After(abortWait):
		return Aborted{Path: d.pathValue()}, true
	}
	msg := d.run.msg
	a.Path = msg.path
	if msg.err == nil || errors.Is(msg.err, export.ErrSavedElsewhere) {
		a.Path, a.Written, a.Entries = msg.stats.Path, true, msg.stats.Entries-msg.stats.Skipped-msg.stats.Marks
	}
	return a, true
}

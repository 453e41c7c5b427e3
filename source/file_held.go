package source

import (
	"sync"
	"time"

	"connlog/model"
)

// heldHeadBytes is how much of a held line its status keeps: more than a
// status line shows, little enough to copy at every read.
const heldHeadBytes = 256

// LineHolder is implemented by sources that may hold back an unfinished
// line until its newline comes (see lineFramer): HeldLine says which, once
// it has been held for longer than the quiet time, so that the interface
// can show that bytes wait. It is safe to call at any time.
type LineHolder interface {
	HeldLine() model.HeldLine
}

// heldLine is what a framer holds of an unfinished line, written by the
// goroutine that reads the input and read by the status at any time.
type heldLine struct {
	mu    sync.Mutex
	bytes int64
	head  []byte    // the first heldHeadBytes, in a buffer kept for reuse
	due   time.Time // when the hold has lasted the quiet time
}

// set says the framer holds pending, held since since, to be said once
// quietAfter has passed.
func (h *heldLine) set(pending []byte, since time.Time, quietAfter time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.bytes = int64(len(pending))
	h.head = append(h.head[:0], pending[:min(len(pending), heldHeadBytes)]...)
	h.due = since.Add(quietAfter)
}

// clear says nothing is held.
func (h *heldLine) clear() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.bytes = 0
}

// report is the held line at now, or nothing while it has been held for
// less than the quiet time.
func (h *heldLine) report(now time.Time) model.HeldLine {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.bytes == 0 || now.Before(h.due) {
		return model.HeldLine{}
	}
	return model.HeldLine{Bytes: h.bytes, Head: string(h.head)}
}

// HeldLine is the unfinished line the file's follow holds (see LineHolder).
func (f *File) HeldLine() model.HeldLine { return f.held.report(time.Now()) }

// HeldLine is the unfinished line standard input holds (see LineHolder).
func (s *Stdin) HeldLine() model.HeldLine { return s.held.report(time.Now()) }

// HeldLine is that of the lines read, once Run has chosen.
func (s *sniffedStdin) HeldLine() model.HeldLine {
	if lines := s.chosen.Load(); lines != nil {
		return lines.HeldLine()
	}
	return model.HeldLine{}
}

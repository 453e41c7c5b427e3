package ui

import (
	"io"
	"log"
	"os"
	"time"
)

// timing writes the figures a benchmark reads from the debug log: how long
// the first screen with entries took, and how long each filter took to
// build its view. It logs only when the log goes to a file (the program
// sets it to the --debug-log file); the terminal belongs to the interface.
// It is shared by pointer between copies of the model, so that View, which
// works on a copy, can note that the first frame was logged.
type timing struct {
	start      time.Time
	firstFrame bool // already logged
}

func newTiming(start time.Time) *timing {
	if start.IsZero() {
		start = time.Now()
	}
	return &timing{start: start}
}

// enabled reports whether the standard logger was pointed away from stderr.
func (t *timing) enabled() bool { return log.Writer() != io.Writer(os.Stderr) }

// frame logs the first frame that shows entries.
func (t *timing) frame(shown, entries int) {
	if t == nil || t.firstFrame || shown == 0 || !t.enabled() {
		return
	}
	t.firstFrame = true
	log.Printf("connlog-timing first-frame entries=%d took=%dms", entries, time.Since(t.start).Milliseconds())
}

// viewBuilt logs a view build adopted by the model, timed from when its
// filter was applied.
func (t *timing) viewBuilt(query string, matched, of int, since time.Time) {
	if t == nil || !t.enabled() {
		return
	}
	log.Printf("connlog-timing view-built query=%q matched=%d of=%d took=%dms", query, matched, of, time.Since(since).Milliseconds())
}

// triageCounted logs a triage report adopted by the view of mode: how many
// entries it counted, and how long its count took from the key (or the
// refresh) that started it.
func (t *timing) triageCounted(mode Mode, entries int64, took time.Duration) {
	if t == nil || !t.enabled() {
		return
	}
	log.Printf("connlog-timing triage-counted view=%s entries=%d took=%dms", mode, entries, took.Milliseconds())
}

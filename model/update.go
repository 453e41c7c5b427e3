package model

import "time"

// Update tells the UI that the store has grown or a source changed state.
// The ingest loop sends at most one per batch and coalesces them when the UI
// is busy, so the UI never sees one message per line.
type Update struct {
	Appended int            // entries appended since the previous update
	Sources  []SourceStatus // every source's state, in source order; nil when unchanged
	// Stats are the store's counters after the entries appended, taken by
	// the writer (so that the UI need not wait for its lock); nil when no
	// entry was appended.
	Stats *Stats
}

// StateDown opens the State of a source whose store cannot be reached and
// that retries ("down, retrying in 8s: connection refused"): the status
// line says so at any width.
const StateDown = "down"

// StateWaiting opens the State of a followed source that cannot read now
// and keeps trying: its file is missing, was removed, is not a regular file
// or cannot be opened ("waiting for /var/log/x.log (it was removed or
// renamed)"). Headless, a follow says so on standard error, as tail -F does.
const StateWaiting = "waiting for"

// StateIndexing opens the State of a file read tail first while its head
// is read and stored ("indexing 43% (1.1GB)"): rows go on arriving before
// those shown, so the interface does not take the oldest row it holds for
// the input's first, and an export of every matching row waits for its
// end.
const StateIndexing = "indexing"

// StateLive is the State of a followed log store once its first read is
// over and its live tail is open: whatever it has sent of the past is all
// there is.
const StateLive = "live"

// SourceStatus is what the status line says about one source.
type SourceStatus struct {
	Name  string // the unit, the path, "stdin", "demo"
	State string // "following", "waiting for /var/log/x.log", "EOF", "1.2 GB indexed 43%"
	Err   string // why the source stopped, with what to do; "" while healthy
	Done  bool   // the source will send nothing more
	// Held is the unfinished last line the source has held back for longer
	// than its quiet time, waiting for its newline; zero when none is.
	Held HeldLine
	// Late tells of the entries a log store handed on after newer ones had
	// been (see LateRows); zero for every other input.
	Late LateRows
}

// LateRows are the entries an input handed on after a newer one had gone
// out: a log store that took them late (a connector's backlog, a buffer
// flushed on its own timer) sends them once it has them. They come after
// the newer ones in what was already sent; a streaming export says so.
type LateRows struct {
	Count int64     // how many so far
	Time  time.Time // the time of the latest of them
	Host  string    // its host: log content, made inert before it is shown
}

// HeldLine is an unfinished line an input holds back: a line is never sent
// before its newline (it would stay two entries), but the user must be
// able to see that bytes are waiting, and which: a crashed writer's last
// words, a prompt.
type HeldLine struct {
	Bytes int64  // how long it is so far; 0 when nothing is held
	Head  string // its first bytes, as read: log content, to be made inert before it is shown
}

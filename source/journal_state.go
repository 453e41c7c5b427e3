package source

import (
	"fmt"
	"sync/atomic"
)

// journalPhase is where a journald source is in its life.
type journalPhase int32

// The phases, in order.
const (
	journalOpening   journalPhase = iota // not yet reading
	journalLoading                       // reading the backfill
	journalFollowing                     // at the end, waiting for new entries
	journalDone                          // the input ended (not following)
	journalFailed                        // Run returned an error
)

// String names the phase as the status line shows it.
func (p journalPhase) String() string {
	switch p {
	case journalOpening:
		return "opening"
	case journalLoading:
		return "loading"
	case journalFollowing:
		return "following"
	case journalDone:
		return "done"
	case journalFailed:
		return "failed"
	}
	return "unknown"
}

// journalStatus is the part of a journald source the UI reads from another
// goroutine while Run works: the phase and how many entries were loaded.
type journalStatus struct {
	phase  atomic.Int32
	loaded atomic.Int64
}

func (s *journalStatus) set(p journalPhase) { s.phase.Store(int32(p)) }

// text renders the status line for a source called name:
// "journal: twingate-connector: 1234 entries loaded" while loading or when
// done, "journal: twingate-connector (following)" once at the end.
func (s *journalStatus) text(name string) string {
	p := journalPhase(s.phase.Load())
	switch p {
	case journalLoading, journalDone:
		return fmt.Sprintf("journal: %s: %d entries loaded", name, s.loaded.Load())
	default:
		return fmt.Sprintf("journal: %s (%s)", name, p)
	}
}

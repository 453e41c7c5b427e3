// Package job follows a computation that a view shows while the root runs
// it in a command: its generation (a newer job makes the result of an
// older one stale), how far it has read, its cancel, and whether a result
// that arrives is still wanted. The triage views and the what-changed view
// share it.
package job

import (
	"context"
	"sync/atomic"
)

// Job is one computation as the root started it: its generation, how many
// entries it will read (Total, which may become known only once it runs)
// and has read (Done), for the progress line, and its cancel.
type Job struct {
	Gen         int
	Total, Done *atomic.Int64
	Cancel      context.CancelFunc
}

// Progress returns how many entries the job has read and will read; known
// is false until it knows how many it will.
func (j Job) Progress() (done, total int64, known bool) {
	if j.Done == nil || j.Total == nil {
		return 0, 0, false
	}
	return j.Done.Load(), j.Total.Load(), true
}

// State is the computation a view shows: the job, whether it still runs,
// and why it failed. Its zero value shows nothing running.
type State struct {
	job     Job
	running bool
	err     string
}

// Start follows a new job, cancelling the one in flight.
func (s State) Start(j Job) State {
	s.Stop()
	return State{job: j, running: true}
}

// Stop cancels the job in flight, if any.
func (s State) Stop() {
	if s.running && s.job.Cancel != nil {
		s.job.Cancel()
	}
}

// Running reports whether the job is still in flight.
func (s State) Running() bool { return s.running }

// Err is why the job failed, "" when it did not.
func (s State) Err() string { return s.err }

// Job returns the job followed, for its progress.
func (s State) Job() Job { return s.job }

// Finish takes the result of job gen: it reports false for a stale one (a
// newer job was started since, or none runs) and for a failed one, whose
// error it keeps.
func (s *State) Finish(gen int, err error) bool {
	if gen != s.job.Gen || !s.running {
		return false
	}
	s.Stop()
	s.running = false
	if err != nil {
		s.err = err.Error()
		return false
	}
	return true
}

package source

import (
	"sync/atomic"

	"connlog/model"
)

// stateText is a source's one-line status, written by its Run goroutine and
// read by the UI at any time.
type stateText struct{ p atomic.Pointer[string] }

// set replaces the status; an unchanged status is not stored again, since
// the follow loop re-states it on every poll.
func (s *stateText) set(v string) {
	if cur := s.p.Load(); cur == nil || *cur != v {
		s.p.Store(&v)
	}
}

func (s *stateText) get() string {
	if p := s.p.Load(); p != nil {
		return *p
	}
	return "not started"
}

// waitingState is the state of a followed file that cannot be read now and
// is tried again at every poll: model.StateWaiting, the path, and why when
// the file is there but cannot be read.
func waitingState(path, why string) string {
	if why == "" {
		return model.StateWaiting + " " + path
	}
	return model.StateWaiting + " " + path + " (" + why + ")"
}

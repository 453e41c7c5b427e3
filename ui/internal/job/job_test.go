package job

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestStaleAndFailedResults(t *testing.T) {
	cancelled := 0
	j := func(gen int) Job { return Job{Gen: gen, Cancel: func() { cancelled++ }} }
	s := State{}.Start(j(1)).Start(j(2))
	if cancelled != 1 || !s.Running() {
		t.Fatalf("a new job: %d cancels, running %v; want the old one cancelled", cancelled, s.Running())
	}
	if s.Finish(1, nil) || !s.Running() {
		t.Error("the result of an older job was taken")
	}
	if !s.Finish(2, nil) || s.Running() || cancelled != 2 {
		t.Errorf("the current result: running %v, %d cancels; want it taken and its context released", s.Running(), cancelled)
	}
	if s.Finish(2, nil) {
		t.Error("a result taken twice")
	}
	s = s.Start(j(3))
	if s.Finish(3, errors.New("boom")) || s.Err() != "boom" || s.Running() {
		t.Errorf("a failed job: err %q, running %v", s.Err(), s.Running())
	}
	if s = s.Start(j(4)); s.Err() != "" {
		t.Error("a new job keeps the old error")
	}
}

func TestProgress(t *testing.T) {
	if _, _, known := (Job{}).Progress(); known {
		t.Error("a job without counters knows its progress")
	}
	j := Job{Total: new(atomic.Int64), Done: new(atomic.Int64)}
	j.Total.Store(40)
	j.Done.Store(10)
	if done, total, known := j.Progress(); done != 10 || total != 40 || !known {
		t.Errorf("progress %d of %d (%v); want 10 of 40", done, total, known)
	}
}

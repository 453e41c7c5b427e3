package source

import (
	"testing"
	"time"

	"connlog/model"
)

// An input that has said it caught up (a followed file read to its end)
// and was heard from just now can only bring lines written from now on:
// it holds back no head older than mergeLiveSlack, and still holds back a
// newer one until it has been quiet for mergeIdleAfter. An input that
// never says so (standard input) holds back every head until it is quiet:
// a pipe may bring old lines at any time. Files of earlier days read
// together waited out mergeIdleAfter each: 50 of them took 10 s.
func TestCaughtUpInputHoldsBackNoOlderLines(t *testing.T) {
	now := time.Now()
	for _, c := range []struct {
		name        string
		marked      bool
		head        time.Time
		holds, idle bool // whether it holds the head back, just heard from and once quiet
	}{
		{"caught up, old head", true, now.Add(-time.Hour), false, false},
		{"caught up, head of now", true, now.Add(-time.Second), true, false},
		{"standard input, old head", false, now.Add(-time.Hour), true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newMerger([]Feed{{Source: &quietInput{}}, {ID: 1, Source: &quietInput{}}}, rooms(2), nil, nil)
			m.settled[0], m.marked[0], m.heard[0] = true, c.marked, now
			m.track(0)
			m.enqueue(1, []model.Entry{{Time: c.head}})
			if got := !m.othersReady(1, now); got != c.holds {
				t.Errorf("just heard from: holds the head back %v, want %v", got, c.holds)
			}
			if got := !m.othersReady(1, now.Add(2*mergeIdleAfter)); got != c.idle {
				t.Errorf("quiet: holds the head back %v, want %v", got, c.idle)
			}
		})
	}
}

// Of one input's entries, the old ones go and the first recent one waits
// for the caught-up input to fall quiet.
func TestCaughtUpInputHoldsBackTheFirstRecentLine(t *testing.T) {
	now := time.Now()
	var got []time.Time
	m := newMerger([]Feed{{Source: &quietInput{}, CatchesUp: true}, {ID: 1, Source: &quietInput{}, CatchesUp: true}}, rooms(2),
		func(es []model.Entry, _ bool) {
			for _, e := range es {
				got = append(got, e.Time)
			}
		}, nil)
	m.settled[0], m.marked[0], m.heard[0] = true, true, now.Add(time.Hour) // heard from just now, whenever release looks
	m.track(0)
	m.enqueue(1, []model.Entry{{Time: now.Add(-time.Hour)}, {Time: now.Add(-time.Minute)}, {Time: now}})
	m.release(false)
	if len(got) != 2 || m.queues[1].len() != 1 {
		t.Fatalf("%d entries went, %d wait; want the 2 old ones gone and the recent one waiting", len(got), m.queues[1].len())
	}
}

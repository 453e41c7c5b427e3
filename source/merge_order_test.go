package source

import (
	"math/rand/v2"
	"testing"
	"time"

	"connlog/model"
)

// The merger takes entries in the order of a plain k-way merge (the
// earliest head, the lowest input on ties): inputs with many equal times,
// inputs out of order, inputs that empty, in any number. A merger that
// takes an input's entries in runs must keep to it.
func TestMergerTakesHeadsInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for round := range 200 {
		inputs := 1 + rng.IntN(6)
		feeds := make([]Feed, inputs)
		for i := range feeds {
			feeds[i] = Feed{ID: model.SourceID(i), Source: &quietInput{}, Finite: true}
		}
		var got []int64
		m := newMerger(feeds, rooms(inputs), func(es []model.Entry, _ bool) {
			for _, e := range es {
				got = append(got, e.Seq)
			}
		}, nil)
		// Batches come to some inputs, then everything waiting goes, a few
		// times over: inputs empty and fill again between.
		seq := int64(0)
		for range 1 + rng.IntN(4) {
			for i := range inputs {
				if rng.IntN(3) == 0 {
					continue
				}
				at := rng.IntN(5)
				var es []model.Entry
				for range rng.IntN(20) {
					if rng.IntN(8) > 0 {
						at += rng.IntN(3) // mostly in order, often equal
					} else {
						at = rng.IntN(60) // now and then out of order
					}
					seq++
					es = append(es, model.Entry{Time: day.Add(time.Duration(at) * time.Second), Seq: seq})
				}
				m.enqueue(i, es)
			}
			want := plainMerge(waiting(m))
			got = got[:0]
			m.release(true)
			if len(got) != len(want) {
				t.Fatalf("round %d: %d entries out of %d", round, len(got), len(want))
			}
			for k := range want {
				if got[k] != want[k] {
					t.Fatalf("round %d: entry %d is %d, want %d", round, k, got[k], want[k])
				}
			}
		}
	}
}

// waiting returns the entries waiting in the merger's queues.
func waiting(m *merger) [][]model.Entry {
	out := make([][]model.Entry, len(m.queues))
	for i := range m.queues {
		q := &m.queues[i]
		out[i] = append([]model.Entry(nil), q.buf[q.head:]...)
	}
	return out
}

// plainMerge takes the earliest head (the lowest input on ties) until all
// queues are empty, and returns the entries' Seq in that order.
func plainMerge(queues [][]model.Entry) []int64 {
	heads := make([]int, len(queues))
	var out []int64
	for {
		best := -1
		for i, q := range queues {
			if heads[i] < len(q) && (best < 0 || q[heads[i]].Time.Before(queues[best][heads[best]].Time)) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, queues[best][heads[best]].Seq)
		heads[best]++
	}
}

// rooms returns n inputs' rooms in the merger's queue.
func rooms(n int) []*inputRoom {
	out := make([]*inputRoom, n)
	for i := range out {
		out[i] = newInputRoom(queueBound(n))
	}
	return out
}

// othersReady, which looks at the waiting inputs alone, says what a look at
// every input says, whatever inputs fill, empty, catch up, fall quiet or end.
func TestOthersReadyLooksAtTheWaitingInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	now := time.Now()
	for round := range 300 {
		inputs := 1 + rng.IntN(6)
		feeds := make([]Feed, inputs)
		for i := range feeds {
			feeds[i] = Feed{ID: model.SourceID(i), Source: &quietInput{}, Finite: rng.IntN(3) == 0, CatchesUp: rng.IntN(2) == 0}
		}
		m := newMerger(feeds, rooms(inputs), func([]model.Entry, bool) {}, nil)
		for step := range 40 {
			i := rng.IntN(inputs)
			switch rng.IntN(5) {
			case 0, 1: // a batch, old or recent
				at := now.Add(-time.Duration(rng.IntN(5)) * time.Second)
				m.enqueue(i, []model.Entry{{Time: at}, {Time: at.Add(time.Millisecond)}})
				m.heard[i] = now.Add(-time.Duration(rng.IntN(300)) * time.Millisecond)
			case 2: // its caught-up mark
				m.accept(decoded{input: i, caught: true})
				m.heard[i] = now.Add(-time.Duration(rng.IntN(300)) * time.Millisecond)
			case 3: // its end
				if rng.IntN(4) == 0 {
					m.settle(decoded{input: i, done: true})
				}
			case 4: // entries taken
				for range rng.IntN(3) {
					if j := m.earliest(); j >= 0 {
						m.take(j)
					}
				}
			}
			for j := range inputs {
				if m.queues[j].len() == 0 {
					continue
				}
				if got, want := m.othersReady(j, now), othersReadyPlain(m, j, now); got != want {
					t.Fatalf("round %d step %d: othersReady(%d) = %v, a look at every input says %v", round, step, j, got, want)
				}
			}
		}
	}
}

// othersReadyPlain is othersReady looking at every input.
func othersReadyPlain(m *merger, i int, now time.Time) bool {
	old := m.queues[i].front().Time.Before(now.Add(-mergeLiveSlack))
	for j := range m.queues {
		quiet := m.settled[j] && (now.Sub(m.heard[j]) > mergeIdleAfter || m.marked[j] && old)
		if j == i || m.queues[j].len() > 0 || m.states[j].Done || quiet {
			continue
		}
		return false
	}
	return true
}

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
		queues := make([][]model.Entry, inputs)
		feeds := make([]Feed, inputs)
		for i := range queues {
			feeds[i] = Feed{ID: model.SourceID(i), Source: &quietInput{}, Finite: true}
			at := rng.IntN(5)
			for k := range rng.IntN(40) {
				if rng.IntN(8) > 0 {
					at += rng.IntN(3) // mostly in order, often equal
				} else {
					at = rng.IntN(60) // now and then out of order
				}
				queues[i] = append(queues[i], model.Entry{Time: day.Add(time.Duration(at) * time.Second), Seq: int64(i*1000 + k)})
			}
		}
		want := plainMerge(queues)
		var got []int64
		m := newMerger(feeds, rooms(inputs), func(es []model.Entry, _ bool) {
			for _, e := range es {
				got = append(got, e.Seq)
			}
		}, nil)
		for i, q := range queues {
			m.queues[i].push(q)
		}
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

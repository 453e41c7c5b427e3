package source

import (
	"context"
	"sync"
	"time"

	"connlog/model"
)

// Joining adds inputs to a running merge (see IngestJoining): the files a
// pattern on the command line matches once it is being followed, such as
// the log of a container created since.
type Joining struct {
	// Find returns the inputs to add now, their IDs next, next+1…; none
	// when there are none. It is called every Every on a goroutine of its
	// own, until the merge's ctx ends.
	Find func(next model.SourceID) []Feed
	// Joined, when set, is called with what Find returned on the goroutine
	// that calls the sink, before any of their entries reach it: the sink
	// may name them there.
	Joined func([]Feed)
	// Every is how often Find is called; pollInterval when 0, as often as
	// a followed file is looked at.
	Every time.Duration
}

// joining is inputs on their way into the merge: the merger adds them, in
// order, before the first of their batches reaches it.
type joining struct {
	feeds []Feed
	rooms []*inputRoom
}

// joinInputs calls j.Find until ctx ends and starts what it finds, as
// inputs next, next+1…, counted in wg. The merger hears of them on out
// before their first batch, which follows on the same channel.
func joinInputs(ctx context.Context, j *Joining, next int, wg *sync.WaitGroup, out chan<- decoded) {
	every := j.Every
	if every <= 0 {
		every = pollInterval
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		feeds := j.Find(model.SourceID(next))
		if len(feeds) == 0 {
			continue
		}
		at := time.Now()
		jn := &joining{feeds: feeds, rooms: make([]*inputRoom, len(feeds))}
		for k := range feeds {
			// A joining input is one of several: its lines without a
			// time are dated when it joined, as the first inputs' are
			// when reading began.
			feeds[k].readAt = untimedAt(feeds[k], at)
			jn.rooms[k] = newInputRoom(queueBound(next + len(feeds)))
		}
		select {
		case out <- decoded{input: -1, joined: jn}:
		case <-ctx.Done():
			return
		}
		for k, in := range feeds {
			startInput(ctx, wg, next+k, in, jn.rooms[k], out)
		}
		next += len(feeds)
	}
}

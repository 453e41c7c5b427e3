package source

import "sync"

// mergeQueueMax is how many of one input's entries may wait in the
// merger's queue before its decode stage waits for room. Two logs of
// different days read together would otherwise be decoded whole into
// memory: every entry of the later one waits until the earlier one has
// been read. Two files of 100 MB (600,000 lines each, the store holding
// 30 MiB of them) peaked at 450-500 MB; with this bound, 100 MB, and 200 MB
// with a bound of 64 Ki entries. A variable so that tests can make it small.
var mergeQueueMax = 4 << 10

// inputRoom counts one input's entries waiting in the merger's queue. The
// input's decode stage waits while mergeQueueMax or more wait; the merger
// adds what it queues and takes what it releases. An input waiting for
// room always has a head in the queue, so the merger can always release
// the earliest entry of some input, and the waits end.
type inputRoom struct {
	mu     sync.Mutex
	room   sync.Cond
	queued int
}

func newInputRoom() *inputRoom {
	r := &inputRoom{}
	r.room.L = &r.mu
	return r
}

// wait returns once fewer than mergeQueueMax entries wait. A batch sent
// after it may take the queue past the bound, by one batch at most.
func (r *inputRoom) wait() {
	r.mu.Lock()
	for r.queued >= mergeQueueMax {
		r.room.Wait()
	}
	r.mu.Unlock()
}

// add counts n entries queued.
func (r *inputRoom) add(n int) {
	r.mu.Lock()
	r.queued += n
	r.mu.Unlock()
}

// take counts n entries released, and wakes the input when there is room.
func (r *inputRoom) take(n int) {
	if n == 0 {
		return
	}
	r.mu.Lock()
	r.queued -= n
	if r.queued < mergeQueueMax {
		r.room.Broadcast()
	}
	r.mu.Unlock()
}

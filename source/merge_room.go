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

// mergeQueueTotal is how many entries the queues of all inputs may hold
// together before each input is held to its share: read together, 50 files
// of 2 MB peaked at 665 MB with 4 Ki entries each, a batch's read buffer
// and fields kept alive by the entries waiting. An input's share is never
// less than mergeQueueLeast, nor more than mergeQueueMax.
var mergeQueueTotal = 16 << 10

// mergeQueueLeast is the smallest share: two of the smallest batches many
// files are read in (see BatchRecordsShare).
const mergeQueueLeast = 2 * batchLeast

// queueBound is how many of its entries one of n inputs may have waiting.
func queueBound(n int) int {
	return shareOf(mergeQueueTotal, n, mergeQueueLeast, mergeQueueMax)
}

// inputRoom counts one input's entries waiting in the merger's queue. The
// input's decode stage waits while its bound (queueBound) or more wait;
// the merger adds what it queues and takes what it releases. An input
// waiting for room always has a head in the queue, so the merger can
// always release the earliest entry of some input, and the waits end.
type inputRoom struct {
	mu     sync.Mutex
	room   sync.Cond
	queued int
	bound  int // see queueBound
}

func newInputRoom(bound int) *inputRoom {
	r := &inputRoom{bound: bound}
	r.room.L = &r.mu
	return r
}

// setBound changes the bound (inputs joined, and each gets a smaller
// share), and wakes the input when that makes room.
func (r *inputRoom) setBound(bound int) {
	r.mu.Lock()
	r.bound = bound
	if r.queued < r.bound {
		r.room.Broadcast()
	}
	r.mu.Unlock()
}

// wait returns once fewer than the bound's entries wait. A batch sent
// after it may take the queue past the bound, by one batch at most.
func (r *inputRoom) wait() {
	r.mu.Lock()
	for r.queued >= r.bound {
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
	if r.queued < r.bound {
		r.room.Broadcast()
	}
	r.mu.Unlock()
}

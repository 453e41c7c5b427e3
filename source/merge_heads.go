package source

// headHeap orders the inputs that have entries waiting by their head
// entry's time (the lowest input on ties): the merger finds the earliest
// head at its top instead of looking at every input's head for each entry
// it takes, which with hundreds of files read at once was most of the
// load's CPU.
type headHeap struct {
	queues []entryQueue // the merger's
	list   []int        // inputs, a binary min-heap
	at     []int        // each input's index in list, -1 when it has no head
}

func newHeadHeap(queues []entryQueue) headHeap {
	h := headHeap{queues: queues, list: make([]int, 0, len(queues)), at: make([]int, len(queues))}
	for i := range h.at {
		h.at[i] = -1
	}
	return h
}

// grow follows the merger's queues once inputs joined: the new ones have
// no head yet.
func (h *headHeap) grow(queues []entryQueue) {
	h.queues = queues
	for len(h.at) < len(queues) {
		h.at = append(h.at, -1)
	}
}

// top returns the input whose head is earliest, or -1 when none has one.
func (h *headHeap) top() int {
	if len(h.list) == 0 {
		return -1
	}
	return h.list[0]
}

// changed puts input i where its head, or its having none, now puts it:
// called after every push to and pop from its queue.
func (h *headHeap) changed(i int) {
	k := h.at[i]
	switch {
	case k < 0 && h.queues[i].len() > 0:
		h.at[i] = len(h.list)
		h.list = append(h.list, i)
		h.up(len(h.list) - 1)
	case k >= 0 && h.queues[i].len() == 0:
		last := len(h.list) - 1
		h.swap(k, last)
		h.list = h.list[:last]
		h.at[i] = -1
		if k < last {
			h.down(k)
			h.up(k)
		}
	case k >= 0:
		h.down(k)
		h.up(k)
	}
}

// before reports whether input a's head comes before input b's.
func (h *headHeap) before(a, b int) bool {
	ta, tb := h.queues[a].front().Time, h.queues[b].front().Time
	return ta.Before(tb) || (a < b && !tb.Before(ta))
}

func (h *headHeap) swap(k, l int) {
	h.list[k], h.list[l] = h.list[l], h.list[k]
	h.at[h.list[k]], h.at[h.list[l]] = k, l
}

func (h *headHeap) up(k int) {
	for k > 0 {
		p := (k - 1) / 2
		if !h.before(h.list[k], h.list[p]) {
			return
		}
		h.swap(k, p)
		k = p
	}
}

func (h *headHeap) down(k int) {
	for {
		c := 2*k + 1
		if c >= len(h.list) {
			return
		}
		if r := c + 1; r < len(h.list) && h.before(h.list[r], h.list[c]) {
			c = r
		}
		if !h.before(h.list[c], h.list[k]) {
			return
		}
		h.swap(k, c)
		k = c
	}
}

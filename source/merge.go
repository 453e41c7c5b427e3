package source

import (
	"time"

	"connlog/model"
)

// merger joins the inputs' entries into one timeline. It holds each input's
// entries in a queue and releases the earliest head while every other input
// either has a head to compare with, has ended, or is followed, has read
// what it held at the start and has been quiet for a while (so a followed
// file that is not growing never stalls the others).
// With one input it releases everything at once.
type merger struct {
	inputs  []Feed
	queues  []entryQueue
	heads   headHeap      // the inputs with a head, earliest first
	waiting waitingInputs // the inputs that may hold the others back
	rooms   []*inputRoom  // how many of each input's entries the queues hold
	taken   []int         // entries of each input released by the current release
	heard   []time.Time
	settled []bool // the input's quiet may be taken for being caught up
	marked  []bool // the input said it has caught up (Feed.CatchesUp)
	states  []model.SourceStatus
	sink    Sink
	status  func([]model.SourceStatus)
	out     []model.Entry
	lastSta time.Time
	joined  func([]Feed) // Joining.Joined; nil when none
}

func newMerger(inputs []Feed, rooms []*inputRoom, sink Sink, status func([]model.SourceStatus)) *merger {
	m := &merger{sink: sink, status: status}
	m.heads, m.waiting = newHeadHeap(nil), newWaitingInputs(0)
	for i, in := range inputs {
		m.add(in, rooms[i])
	}
	return m
}

// add makes in, whose entries the merger counts in room, its next input.
func (m *merger) add(in Feed, room *inputRoom) {
	i := len(m.inputs)
	m.inputs, m.rooms = append(m.inputs, in), append(m.rooms, room)
	m.queues, m.taken = append(m.queues, entryQueue{}), append(m.taken, 0)
	m.heard = append(m.heard, time.Now())
	m.settled = append(m.settled, !in.Finite && !in.CatchesUp)
	m.marked = append(m.marked, false)
	m.states = append(m.states, model.SourceStatus{Name: in.Source.Name(), State: "starting"})
	m.heads.grow(m.queues)
	m.waiting.grow(len(m.inputs))
	m.track(i)
}

// join adds the inputs of j, and holds every input to its share of the
// queues' room among more inputs.
func (m *merger) join(j *joining) {
	for k, in := range j.feeds {
		m.add(in, j.rooms[k])
	}
	bound := queueBound(len(m.inputs))
	for _, r := range m.rooms {
		r.setBound(bound)
	}
	if m.joined != nil {
		m.joined(j.feeds)
	}
}

func (m *merger) loop(ch <-chan decoded) {
	tick := time.NewTicker(mergeTick)
	defer tick.Stop()
	for {
		select {
		case d, ok := <-ch:
			if !ok {
				m.release(true)
				m.report(true)
				return
			}
			m.accept(d)
		case <-tick.C:
		}
		m.release(false)
		m.report(false)
	}
}

func (m *merger) accept(d decoded) {
	if d.joined != nil {
		m.join(d.joined)
		return
	}
	defer m.recycle(d.entries)
	if d.caught {
		m.settled[d.input], m.marked[d.input] = true, true
		m.heard[d.input] = time.Now()
		m.track(d.input)
		return
	}
	if len(m.inputs) == 1 && !d.front {
		// One input is its own timeline: hand its batches on as they are,
		// without queueing or comparing times.
		m.sink(d.entries, false)
		m.heard[d.input] = time.Now()
		m.settle(d)
		return
	}
	if d.front {
		// A backfill block precedes everything already released: it skips
		// the time merge and goes straight to the front. The sink has then
		// taken it, and every block of the input before it, so the block's
		// memory may be reused.
		m.flush()
		if len(d.entries) > 0 {
			m.sink(d.entries, true)
		}
		if d.release != nil {
			d.release()
		}
		m.heard[d.input] = time.Now()
		return
	}
	m.enqueue(d.input, d.entries)
	m.rooms[d.input].add(len(d.entries))
	m.heard[d.input] = time.Now()
	m.settle(d)
}

// enqueue adds es to input i's queue.
func (m *merger) enqueue(i int, es []model.Entry) {
	m.queues[i].push(es)
	m.heads.changed(i)
	m.track(i)
}

// take takes the head of input i's queue.
func (m *merger) take(i int) model.Entry {
	e := m.queues[i].pop()
	m.heads.changed(i)
	m.track(i)
	return e
}

// track keeps the input among the waiting inputs or out of them (see
// waitingInputs) after its queue or its state changed.
func (m *merger) track(i int) {
	m.waiting.set(i, m.queues[i].len() == 0 && !m.states[i].Done, m.marked[i])
}

// settle records the end of an input.
func (m *merger) settle(d decoded) {
	if d.done {
		m.states[d.input].Done = true
		if d.err != nil {
			m.states[d.input].Err = d.err.Error()
		}
		m.track(d.input)
	}
}

// recycle hands a batch's slice back to the decode stages once its entries
// have been copied or sunk, so that the next batch need not allocate one.
// The old entries are not cleared: the next batch overwrites them, and the
// pool lets go of what it holds at the next collections anyway.
func (m *merger) recycle(es []model.Entry) {
	if cap(es) == 0 {
		return
	}
	es = es[:0]
	entryPool.Put(&es)
}

// release moves entries to the sink in time order as far as it safely can;
// at the end (all inputs closed) it releases everything.
func (m *merger) release(final bool) {
	now := time.Now()
	for {
		i := m.earliest()
		if i < 0 || (!final && !m.othersReady(i, now)) {
			break
		}
		m.out = append(m.out, m.take(i))
		m.taken[i]++
		if len(m.out) >= ingestBatch {
			m.flush()
		}
	}
	m.flush()
	for i, n := range m.taken {
		m.rooms[i].take(n)
		m.taken[i] = 0
	}
}

// earliest returns the input whose head entry is earliest (lowest index on
// ties, so equal times keep the inputs' order), or -1 if all are empty.
func (m *merger) earliest() int { return m.heads.top() }

// othersReady reports whether no other input may still deliver something
// earlier than input i's head: each has a head of its own, has ended, or
// is followed, taken for caught up (settled), and either has been quiet
// for mergeIdleAfter or has said it caught up (Feed.CatchesUp) while the
// head is older than mergeLiveSlack: such an input can only bring lines
// written from now on. Standard input never says so: a pipe may bring old
// lines at any time.
func (m *merger) othersReady(i int, now time.Time) bool {
	for _, j := range m.waiting.sets[0] {
		if j != i && !(m.settled[j] && now.Sub(m.heard[j]) > mergeIdleAfter) {
			return false
		}
	}
	if len(m.waiting.sets[1]) == 0 || m.queues[i].front().Time.Before(now.Add(-mergeLiveSlack)) {
		return true // a marked input is settled, and holds back no old head
	}
	for _, j := range m.waiting.sets[1] {
		if j != i && now.Sub(m.heard[j]) <= mergeIdleAfter {
			return false
		}
	}
	return true
}

func (m *merger) flush() {
	if len(m.out) == 0 {
		return
	}
	m.sink(m.out, false)
	clear(m.out) // nor may the batch keep what the sink has copied
	m.out = m.out[:0]
}

// endState is the state of a source that ended without an error: what it
// could not read, or "done".
func endState(src Source) string {
	if s, ok := src.(Shortfall); ok && s.Shortfall() != "" {
		return s.Shortfall()
	}
	return "done"
}

// report sends every source's state, at most every statusEvery unless final.
func (m *merger) report(final bool) {
	if m.status == nil || (!final && time.Since(m.lastSta) < statusEvery) {
		return
	}
	m.lastSta = time.Now()
	for i, in := range m.inputs {
		if st, ok := in.Source.(Stater); ok && !m.states[i].Done {
			m.states[i].State = st.State()
		} else if m.states[i].Done && m.states[i].Err == "" {
			m.states[i].State = endState(in.Source)
		}
		if l, ok := in.Source.(LateTeller); ok {
			m.states[i].Late = l.Late()
		}
		m.states[i].Held = model.HeldLine{}
		if h, ok := in.Source.(LineHolder); ok && !m.states[i].Done {
			m.states[i].Held = h.HeldLine()
		}
	}
	m.status(append([]model.SourceStatus(nil), m.states...))
}

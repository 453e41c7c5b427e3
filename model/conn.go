package model

import (
	"hash/maphash"
	"sync"
	"time"
	"unsafe"
)

// connIndex pairs the events of one connection: ANALYTICS events sharing a
// connection.id, newt ACCESS START/END lines sharing a sessionId. Lookups
// are O(1) by id. A file at level 7 holds hundreds of thousands of
// connections, so the index is compact and almost all of it outside the
// heap: one pointer-free record per connection, found through an
// open-addressing table of record numbers (see connTable), the ids packed
// into shared blocks rather than one string each, and the event names as
// small codes.
type connIndex struct {
	mu     sync.RWMutex // the writer adds while the UI asks for pairs
	table  connTable
	seed   maphash.Seed
	recs   connRecords
	free   []int32  // records of forgotten connections, for reuse
	events []string // event names by code
	ids    connIDs
	count  int64
	// hash, when set, replaces the seeded hash of the ids (tests make ids
	// collide with it).
	hash func(id string) uint64
}

// connState is one connection: where and when it was seen opening and
// ending. Seqs are 0 when not seen; times are unix nanoseconds.
type connState struct {
	opened, closed     int64
	openedAt, closedAt int64
	id                 idRef // 0 for a free record
	openEvent          uint8 // codes into connIndex.events
	closeEvent         uint8
}

// connBytes approximates what one tracked connection costs: its record,
// its table slots (at most half full) and its id.
const connBytes = 88

func newConnIndex() connIndex {
	return connIndex{seed: maphash.MakeSeed(), events: []string{""}, ids: newConnIDs()}
}

// hashOf places id in the table.
func (c *connIndex) hashOf(id string) uint64 {
	if c.hash != nil {
		return c.hash(id)
	}
	return maphash.String(c.seed, id)
}

// idOf returns the id of record i.
func (c *connIndex) idOf(i int32) string { return c.ids.at(c.recs.at(i).id) }

// find returns the record of connection id.
func (c *connIndex) find(id string) (int32, bool) {
	if len(id) > maxConnIDLen {
		return 0, false
	}
	return c.table.find(c, c.hashOf(id), id)
}

// connKey returns the id that pairs e, and whether e opens or ends it.
func connKey(e *Entry) (id string, opens, ends bool, event string) {
	switch e.Kind {
	case KindAnalytics:
		id, event = e.Fields.Value(KeyConnID), e.Fields.Value(KeyEventType)
		return id, event == EventEstablished, event != EventEstablished && event != "", event
	case KindSession:
		phase := e.Fields.Value(KeyPhase)
		return e.Fields.Value(KeySessionID), phase == "START", phase == "END", phase
	}
	return "", false, false, ""
}

// add pairs an entry. The index keeps the earliest opening and end of each
// connection, so it is right whether e is newer than everything indexed
// (appended) or older (prepended, or a stream read in order). The id and
// event are copied: they may be slices of a whole decoded line, which the
// index must not pin.
func (c *connIndex) add(e *Entry) {
	if ev, ok := connEventOf(e); ok {
		c.addEvent(&ev)
	}
}

// addEvent is add for what connEventOf made of an entry.
func (c *connIndex) addEvent(ev *connEvent) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.note(ev)
}

// connEvent is what the index keeps of an entry that opens or ends a
// connection.
type connEvent struct {
	id, event   string
	seq, at     int64 // the entry's Seq and time (as a row's: see rowTimeOf)
	opens, ends bool
}

// connEventOf returns what the index keeps of e, and false when e neither
// opens nor ends a connection it can index.
func connEventOf(e *Entry) (connEvent, bool) {
	id, opens, ends, event := connKey(e)
	return connEventOfKey(e, id, opens, ends, event)
}

// connEventOfKey is connEventOf for an entry whose connKey is id, opens,
// ends and event.
func connEventOfKey(e *Entry, id string, opens, ends bool, event string) (connEvent, bool) {
	if id == "" || len(id) > maxConnIDLen || !(opens || ends) {
		return connEvent{}, false
	}
	return connEvent{id: id, event: event, seq: e.Seq, at: rowTimeOf(e.Time), opens: opens, ends: ends}, true
}

// note adds ev to its connection's record. The caller holds mu.
func (c *connIndex) note(ev *connEvent) {
	st := c.state(ev.id)
	if ev.opens && (st.opened == 0 || ev.seq < st.opened) {
		st.opened, st.openedAt, st.openEvent = ev.seq, ev.at, c.eventCode(ev.event)
	}
	if ev.ends && (st.closed == 0 || ev.seq < st.closed) {
		st.closed, st.closedAt, st.closeEvent = ev.seq, ev.at, c.eventCode(ev.event)
	}
}

// state returns id's record, adding an empty one for a new id (which is
// copied: it may be a slice of a whole decoded line).
func (c *connIndex) state(id string) *connState {
	h := c.hashOf(id)
	if i, ok := c.table.find(c, h, id); ok {
		return c.recs.at(i)
	}
	var i int32
	if n := len(c.free); n > 0 {
		i, c.free = c.free[n-1], c.free[:n-1]
	} else {
		i = c.recs.add()
	}
	st := c.recs.at(i)
	*st = connState{id: c.ids.put(id)}
	c.table.insert(c, h, i)
	c.count++
	return st
}

// eventCode returns the code of an event name, adding it if new. The names
// are the few a connection's events take (established, closed, the
// failures, START, END); past 255 of them, a name reads as empty.
func (c *connIndex) eventCode(event string) uint8 {
	for i, ev := range c.events {
		if ev == event {
			return uint8(i)
		}
	}
	if len(c.events) > 255 {
		return 0
	}
	c.events = append(c.events, string([]byte(event)))
	return uint8(len(c.events) - 1)
}

func (c *connIndex) bytes() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.count * connBytes
}

// forgetBefore drops the connections whose every seen event was evicted
// (their Seqs are below seq). A Seq of 0 means "not seen"; Seqs of
// prepended entries are negative, so 0 cannot be compared as a position.
func (c *connIndex) forgetBefore(seq int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	gone := func(x int64) bool { return x == 0 || x < seq }
	for i := int32(0); i < c.recs.n; i++ {
		if st := c.recs.at(i); st.id != 0 && gone(st.opened) && gone(st.closed) {
			c.drop(i)
		}
	}
}

// drop removes the connection of record i. The caller holds mu.
func (c *connIndex) drop(i int32) {
	st := c.recs.at(i)
	c.table.remove(c, c.hashOf(c.ids.at(st.id)), i)
	c.ids.drop(st.id)
	*st = connState{}
	c.free = append(c.free, i)
	c.count--
}

// lookup returns a copy of id's record and the event names it refers to.
func (c *connIndex) lookup(id string) (st connState, openEvent, closeEvent string, ok bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	i, ok := c.find(id)
	if !ok {
		return connState{}, "", "", false
	}
	st = *c.recs.at(i)
	return st, c.events[st.openEvent], c.events[st.closeEvent], true
}

// pairOf answers for e from the index.
func (c *connIndex) pairOf(e *Entry) (Pair, bool) {
	id, opens, ends, event := connKey(e)
	return c.pairOfKey(e.Kind, id, opens, ends, event)
}

// pairOfKey is pairOf for an entry of kind whose connKey is id, opens,
// ends and event.
func (c *connIndex) pairOfKey(kind Kind, id string, opens, ends bool, event string) (Pair, bool) {
	if id == "" {
		return Pair{}, false
	}
	s, openEvent, closeEvent, _ := c.lookup(id)
	p := Pair{ID: id}
	switch {
	case opens:
		p.Partner, p.PartnerTime, p.PartnerEvent = s.closed, unixTime(s.closed, s.closedAt), closeEvent
		p.Open = s.closed == 0
	case ends:
		p.Partner, p.PartnerTime, p.PartnerEvent = s.opened, unixTime(s.opened, s.openedAt), openEvent
		p.Ended = kind == KindAnalytics && event != EventClosed
	}
	return p, true
}

// unixTime returns the time of a connection's event: zero when the event
// (its Seq) was not seen.
func unixTime(seq, ns int64) time.Time {
	if seq == 0 {
		return time.Time{}
	}
	return timeOfRow(ns)
}

// PairOf returns e's place in its connection, from everything stored so
// far. It is safe to call from any goroutine. The first call for an entry
// of a connection builds the store's index (see conn_lazy.go).
func (s *Store) PairOf(e *Entry) (Pair, bool) {
	if id, _, _, _ := connKey(e); id == "" {
		return Pair{}, false
	}
	return s.pairIndex().pairOf(e)
}

// ConnSpan returns the Seqs and times of a connection's opening and end
// (0 and zero times when not seen), for "show everything of this connection".
func (s *Store) ConnSpan(id string) (opened, closed int64, from, to time.Time, ok bool) {
	st, _, _, ok := s.pairIndex().lookup(id)
	if !ok {
		return 0, 0, time.Time{}, time.Time{}, false
	}
	return st.opened, st.closed, unixTime(st.opened, st.openedAt), unixTime(st.closed, st.closedAt), true
}

// forget drops one connection.
func (c *connIndex) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.find(id); ok {
		c.drop(i)
	}
}

// connChunkRecords is how many connection records one chunk holds.
const connChunkRecords = 4096

// connRecords holds the connection records in fixed chunks outside the
// heap (see mapping): they hold no pointers, a file at level 7 has
// hundreds of thousands, and chunks never move, so a record's address is
// stable. The chunks go when the index does.
type connRecords struct {
	chunks []*[connChunkRecords]connState
	pins   []*mapping
	n      int32
}

// add appends a zeroed record and returns its index.
func (r *connRecords) add() int32 {
	if int(r.n) == len(r.chunks)*connChunkRecords {
		var zero connState
		m := newMapping(connChunkRecords * int(unsafe.Sizeof(zero)))
		r.chunks = append(r.chunks, (*[connChunkRecords]connState)(unsafePointer(m.mem)))
		r.pins = append(r.pins, m)
	}
	r.n++
	return r.n - 1
}

// at returns record i.
func (r *connRecords) at(i int32) *connState {
	return &r.chunks[i/connChunkRecords][i%connChunkRecords]
}

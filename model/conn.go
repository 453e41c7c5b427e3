package model

import (
	"strings"
	"sync"
	"time"
)

// connIndex pairs the events of one connection: ANALYTICS events sharing a
// connection.id, newt ACCESS START/END lines sharing a sessionId. Lookups
// are O(1) by id.
type connIndex struct {
	mu    sync.RWMutex // the writer adds while the UI asks for pairs
	byID  map[string]*connState
	count int64
}

type connState struct {
	opened, closed        int64 // Seqs; 0 = not seen
	openedAt, closedAt    time.Time
	closeEvent, openEvent string
}

// connBytes approximates what one tracked connection costs.
const connBytes = 160

func newConnIndex() connIndex { return connIndex{byID: map[string]*connState{}} }

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
	id, opens, ends, event := connKey(e)
	if id == "" || !(opens || ends) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.byID[id]
	if st == nil {
		st = &connState{}
		c.byID[strings.Clone(id)] = st
		c.count++
	}
	if opens && (st.opened == 0 || e.Seq < st.opened) {
		st.opened, st.openedAt, st.openEvent = e.Seq, e.Time, strings.Clone(event)
	}
	if ends && (st.closed == 0 || e.Seq < st.closed) {
		st.closed, st.closedAt, st.closeEvent = e.Seq, e.Time, strings.Clone(event)
	}
}

func (c *connIndex) bytes() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.count * connBytes
}

// forgetBefore drops connections whose events were all evicted.
func (c *connIndex) forgetBefore(seq int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, st := range c.byID {
		if max(st.opened, st.closed) < seq {
			delete(c.byID, id)
			c.count--
		}
	}
}

// pairOf answers for e from the index.
func (c *connIndex) pairOf(e *Entry) (Pair, bool) {
	id, opens, ends, _ := connKey(e)
	if id == "" {
		return Pair{}, false
	}
	c.mu.RLock()
	st := c.byID[id]
	var s connState
	if st != nil {
		s = *st
	}
	c.mu.RUnlock()
	p := Pair{ID: id}
	switch {
	case opens:
		p.Partner, p.PartnerTime, p.PartnerEvent = s.closed, s.closedAt, s.closeEvent
		p.Open = s.closed == 0
	case ends:
		p.Partner, p.PartnerTime, p.PartnerEvent = s.opened, s.openedAt, s.openEvent
		p.Ended = e.Kind == KindAnalytics && e.Fields.Value(KeyEventType) != EventClosed
	default:
		return p, true
	}
	return p, true
}

// PairOf returns e's place in its connection, from everything appended so
// far. It is safe to call from any goroutine.
func (s *Store) PairOf(e *Entry) (Pair, bool) { return s.conns.pairOf(e) }

// ConnSpan returns the Seqs and times of a connection's opening and end
// (0 and zero times when not seen), for "show everything of this connection".
func (s *Store) ConnSpan(id string) (opened, closed int64, from, to time.Time, ok bool) {
	s.conns.mu.RLock()
	defer s.conns.mu.RUnlock()
	st := s.conns.byID[id]
	if st == nil {
		return 0, 0, time.Time{}, time.Time{}, false
	}
	return st.opened, st.closed, st.openedAt, st.closedAt, true
}

// forget drops one connection.
func (c *connIndex) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byID[id]; ok {
		delete(c.byID, id)
		c.count--
	}
}

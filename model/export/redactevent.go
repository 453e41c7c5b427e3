package export

import (
	"connlog/model"
)

// A Linux audit event is written as several records sharing one stamp
// (audit_id): auditd writes the SYSCALL record, whose enriched names say
// whose the event is (AUID="carol"), before the EXECVE, PATH, CWD and
// PROCTITLE records, which may name carol's files (/home/carol/notes)
// without a field of hers. So the values learned from an event's records
// are carried to its later records, as the export sees them.
//
// Carrying is bounded, so that its cost per record stays constant: the
// values of the last maxCarriedEvents events are remembered, keyed by the
// record's source, node and stamp, the least recently seen forgotten
// first; so an event's records interleaved with other lines still share
// their values while fewer than maxCarriedEvents other events come between.
// Each event keeps at most maxCarriedValues values, the first learned.
const (
	maxCarriedEvents = 4
	maxCarriedValues = 32
)

// eventKey names one audit event: its stamp, on one host of one source.
type eventKey struct {
	source model.SourceID
	node   string
	stamp  string
}

// carriedEvent is the personal data learned so far from one event's records.
type carriedEvent struct {
	key   eventKey
	items []secret
	used  uint64 // when its last record was seen, to forget the oldest first
}

// eventCarry remembers the values of the last few audit events.
type eventCarry struct {
	events [maxCarriedEvents]carriedEvent
	clock  uint64
}

// share adds to set what the earlier records of e's event revealed, and
// remembers for its later records what set holds (the record's own).
// Records that are not of a Linux audit event are left alone.
func (c *eventCarry) share(e *model.Entry, set *secretSet) {
	key, ok := auditEventOf(e)
	if !ok {
		return
	}
	ev := c.event(key)
	for _, it := range set.items {
		if len(ev.items) >= maxCarriedValues {
			break
		}
		if !hasSecret(ev.items, it) {
			ev.items = append(ev.items, it)
		}
	}
	for _, it := range ev.items {
		if !hasSecret(set.items, it) {
			set.items = append(set.items, it)
		}
	}
}

// event returns key's slot, taking the least recently seen one for an
// event not remembered.
func (c *eventCarry) event(key eventKey) *carriedEvent {
	c.clock++
	oldest := &c.events[0]
	for i := range c.events {
		ev := &c.events[i]
		if ev.used != 0 && ev.key == key {
			ev.used = c.clock
			return ev
		}
		if ev.used < oldest.used {
			oldest = ev
		}
	}
	*oldest = carriedEvent{key: key, items: oldest.items[:0], used: c.clock}
	return oldest
}

// auditEventOf returns the event a Linux audit record belongs to.
func auditEventOf(e *model.Entry) (eventKey, bool) {
	if e.Kind != model.KindAudit {
		return eventKey{}, false
	}
	stamp := e.Fields.Value(model.KeyAuditEvent)
	if stamp == "" {
		return eventKey{}, false
	}
	return eventKey{source: e.Source, node: e.Fields.Value(model.KeyAuditNode), stamp: stamp}, true
}

func hasSecret(items []secret, s secret) bool {
	for _, it := range items {
		if it.value == s.value && it.class == s.class {
			return true
		}
	}
	return false
}

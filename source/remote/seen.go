package remote

import (
	"hash/maphash"
	"time"
)

// rowKey tells one entry from another: its stream, its time to the
// nanosecond and a hash of its message. Two entries with the same key are
// indistinguishable to any reader; seen counts them rather than merging them.
type rowKey struct {
	stream uint64
	nanos  int64
	msg    uint64
}

var keySeed = maphash.MakeSeed()

func keyOf(r *Row) rowKey {
	return rowKey{stream: maphash.String(keySeed, r.Stream), nanos: r.Time.UnixNano(), msg: maphash.Bytes(keySeed, r.Message)}
}

// seen remembers the entries handed on near the newest one, so that a
// window read twice (a re-read after a reconnect, a tail that starts a
// little in the past) yields each entry exactly once. Each read of the
// store is a pass: within a pass the k-th copy of a key is new only when
// fewer than k copies were handed on before, so genuine repeats survive.
type seen struct {
	emitted   map[rowKey]int
	pass      map[rowKey]int
	order     []keyAt
	watermark time.Time // the newest entry time handed on
	retain    time.Duration
}

type keyAt struct {
	key rowKey
	at  time.Time
}

func newSeen(retain time.Duration) *seen {
	return &seen{emitted: map[rowKey]int{}, pass: map[rowKey]int{}, retain: retain}
}

// startPass begins a new read of the store.
func (s *seen) startPass() { clear(s.pass) }

// admit reports whether a row of the current pass is new, and records it.
func (s *seen) admit(r *Row) bool {
	k := keyOf(r)
	s.pass[k]++
	if s.pass[k] <= s.emitted[k] {
		return false
	}
	s.emitted[k]++
	s.order = append(s.order, keyAt{k, r.Time})
	if r.Time.After(s.watermark) {
		s.watermark = r.Time
	}
	if len(s.order) >= 4096 && len(s.order)%4096 == 0 {
		s.prune()
	}
	return true
}

// prune forgets entries older than the retained window behind the watermark.
func (s *seen) prune() {
	floor := s.watermark.Add(-s.retain)
	kept := s.order[:0]
	for _, ka := range s.order {
		if ka.at.Before(floor) {
			delete(s.emitted, ka.key)
			delete(s.pass, ka.key)
			continue
		}
		kept = append(kept, ka)
	}
	s.order = kept
}

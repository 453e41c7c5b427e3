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
	return rowKey{stream: streamHash(r.Stream), nanos: r.Time.UnixNano(), msg: maphash.Bytes(keySeed, r.Message)}
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
	hold      time.Time // when set, entries from then on are kept whatever retain says (see holdFrom)
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
func (s *seen) admit(r *Row) bool { return s.admitIn(s.pass, r) }

// admitIn is admit within a pass of its own: a read that runs beside the
// live tail (an audit's re-read) counts its copies apart from the tail's.
func (s *seen) admitIn(pass map[rowKey]int, r *Row) bool {
	k := keyOf(r)
	pass[k]++
	if pass[k] <= s.emitted[k] {
		return false
	}
	s.emitted[k]++
	s.order = append(s.order, keyAt{k, r.Time})
	if r.Time.After(s.watermark) {
		s.watermark = r.Time
	}
	if len(s.order) >= 4096 && len(s.order)%4096 == 0 {
		s.prune(time.Now())
	}
	return true
}

// streamCounts counts the entries handed on of each stream (by the hash
// keyOf gives it) with times in [from, until].
func (s *seen) streamCounts(from, until time.Time) map[uint64]int {
	n := map[uint64]int{}
	for _, ka := range s.order {
		if !ka.at.Before(from) && !ka.at.After(until) {
			n[ka.key.stream]++
		}
	}
	return n
}

// streamHash is the stream part of keyOf.
func streamHash(stream string) uint64 { return maphash.String(keySeed, stream) }

// holdFrom keeps the entries handed on from t on until it is called with
// the zero time: a read that stalled reads a window again once the store
// settles, and what the window handed on must be known then, however long
// the stall.
func (s *seen) holdFrom(t time.Time) { s.hold = t }

// prune forgets entries older than the retained window behind the
// watermark, or behind now when the watermark is ahead of it: a host whose
// clock runs fast must not make the entries of the others forgotten while
// a re-read of the last seconds may still bring them again.
func (s *seen) prune(now time.Time) {
	newest := s.watermark
	if newest.After(now) {
		newest = now
	}
	floor := newest.Add(-s.retain)
	if !s.hold.IsZero() && s.hold.Before(floor) {
		floor = s.hold
	}
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

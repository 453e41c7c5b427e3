package export

import (
	"context"
	"fmt"
	"iter"
	"math"
	"strings"
	"sync"

	"connlog/model"
)

// An export learns from its entries' fields which values are personal (a
// client's address, a user's id), and replaces them in every record it
// writes: a service line logging a peer's address, or a Tailscale flow
// naming it, gives away the client an analytics event named. A record
// written before the one that revealed a value can only lose it if the
// value was learned first: Learn reads the entries once before they are
// written, as the interface and a headless export of files do; without it
// (standard input, a followed export) values are learned as records pass,
// and replaced from the record that revealed them on.
//
// The values are kept for the whole export, so they are bounded:
// maxKnownValues distinct ones, each its value, its pseudonym and its
// share of a map: 7 MiB for as many IPv4 addresses (measured), some
// 13 MiB at most for long ids and IPv6 addresses. An export naming
// more fails (TooManyValuesError) rather than write records that keep some.
const maxKnownValues = 1 << 16

// TooManyValuesError is returned when an export names more distinct
// personal values than redaction follows through its records.
type TooManyValuesError struct{ Limit int }

func (e TooManyValuesError) Error() string {
	return fmt.Sprintf("redaction: the export names more than %d distinct client addresses and user or device ids, "+
		"more than it can replace in every record; export a shorter time range or fewer hosts", e.Limit)
}

// knownValues is what an export learned is personal: addresses by their
// canonical form, ids (and user names) as written. Emails are found by
// pattern in every line and need no place here, unless the pattern misses
// them. Each value keeps its place in the order they were learned, so that
// a record redacted on another goroutine replaces what the export had
// learned at the record's turn, and nothing learned after it (see
// knownView).
type knownValues struct {
	mu    sync.RWMutex
	ips   map[string]learnedIP
	ids   map[string]learnedID
	limit int
	// ip6At is the place of the first IPv6 address learned (noIPv6 for
	// none), and idLens the lengths of the ids (bit n: an id of n bytes,
	// bit 63: one of 63 or more): a word of another length, the commonest,
	// is passed over without a look-up.
	ip6At  int
	idLens uint64
	// phrases are the ids and names that are no single word (see
	// redactphrase.go).
	phrases phrases
}

// learnedIP and learnedID are a learned value's pseudonym and its place in
// the order values were learned, counted from 0.
type learnedIP struct {
	pseudo string
	place  int
}

type learnedID struct {
	secret
	place int
}

// noIPv6 is knownValues.ip6At while no IPv6 address was learned.
const noIPv6 = math.MaxInt

func newKnownValues() *knownValues {
	return &knownValues{ips: map[string]learnedIP{}, ids: map[string]learnedID{}, limit: maxKnownValues, ip6At: noIPv6}
}

// knownView is the values of a knownValues that were learned before its
// upto'th: what a record's redaction may replace, however many values the
// export learned since the record's turn. Its upto is allKnown for a
// Redactor's own view.
type knownView struct {
	*knownValues
	upto int
	// locked says the goroutine using the view holds mu for reading (see
	// readLock), so that its look-ups do not take it each.
	locked bool
}

// holdRead takes mu for reading until releaseRead, for the look-ups of
// the view meanwhile: a record's redaction looks up hundreds of words, and
// goroutines redacting at once would contend for mu at each. v must not
// be shared with another goroutine meanwhile.
func (k *knownView) holdRead() {
	k.mu.RLock()
	k.locked = true
}

func (k *knownView) releaseRead() {
	k.locked = false
	k.mu.RUnlock()
}

// rlock takes mu for reading unless the view holds it already (holdRead).
func (k knownView) rlock() {
	if !k.locked {
		k.mu.RLock()
	}
}

func (k knownView) runlock() {
	if !k.locked {
		k.mu.RUnlock()
	}
}

// allKnown is the upto of a view of every value learned, now and later.
const allKnown = math.MaxInt

// Learn reads entries, the ones the export will write, for the personal
// values their fields hold, so that every record of the export is
// redacted of them, those written before the entry that named them too.
// It fails with TooManyValuesError past the bound, and with ErrCancelled
// when ctx ends first.
func (r *Redactor) Learn(ctx context.Context, entries iter.Seq[*model.Entry]) error {
	var set secretSet
	n := 0
	for e := range entries {
		if n%cancelCheckEvery == 0 && ctx.Err() != nil {
			return fmt.Errorf("%w: %w", ErrCancelled, ctx.Err())
		}
		n++
		if err := r.learnEntry(&set, e); err != nil {
			return err
		}
	}
	return nil
}

// LearnEntry is Learn for one entry, as a stream shows them one by one.
func (r *Redactor) LearnEntry(e *model.Entry) error {
	var set secretSet
	return r.learnEntry(&set, e)
}

// learnEntry remembers the personal values of e's fields and host, with
// set as the scratch space.
func (r *Redactor) learnEntry(set *secretSet, e *model.Entry) error {
	set.reset()
	set.learn(r, e)
	set.learnHost(r, &e.Origin)
	_, err := r.known.add(set.items)
	return err
}

// add remembers items; past the limit it fails, keeping those it has. It
// returns how many values are known after it, the upto of a view of them.
func (k *knownValues) add(items []secret) (int, error) {
	if n, ok := k.sizeIfKnown(items); ok {
		return n, nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, it := range items {
		switch {
		case it.class == classIP:
			if _, ok := k.ips[it.value]; ok {
				continue
			}
			if err := k.room(); err != nil {
				return k.size(), err
			}
			if strings.IndexByte(it.value, ':') >= 0 {
				k.ip6At = min(k.ip6At, k.size())
			}
			k.ips[it.value] = learnedIP{pseudo: it.pseudo, place: k.size()}
		case it.class == classEmail && isEmail(it.value):
			// replaceEmails finds it in every line.
		default:
			if _, ok := k.ids[it.value]; ok {
				continue
			}
			if err := k.room(); err != nil {
				return k.size(), err
			}
			k.ids[it.value] = learnedID{secret: it, place: k.size()}
			k.idLens |= lengthBit(len(it.value))
			k.phrases.add(it.value)
		}
	}
	return k.size(), nil
}

// sizeIfKnown returns how many values are known when items are all known
// already, as they are after Learn: then add has nothing to write, and
// need not stop the goroutines reading the values.
func (k *knownValues) sizeIfKnown(items []secret) (int, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	for _, it := range items {
		var ok bool
		switch {
		case it.class == classIP:
			_, ok = k.ips[it.value]
		case it.class == classEmail && isEmail(it.value):
			ok = true
		default:
			_, ok = k.ids[it.value]
		}
		if !ok {
			return 0, false
		}
	}
	return k.size(), true
}

// size is how many values are known. The caller holds mu.
func (k *knownValues) size() int { return len(k.ips) + len(k.ids) }

func (k *knownValues) room() error {
	if k.size() < k.limit {
		return nil
	}
	return TooManyValuesError{Limit: k.limit}
}

// ip returns the pseudonym of a learned address, in canonical form.
func (k knownView) ip(addr string) (string, bool) {
	k.rlock()
	p, ok := k.ips[addr]
	k.runlock()
	return p.pseudo, ok && p.place < k.upto
}

// id returns what was learned of an id or user name.
func (k knownView) id(v string) (secret, bool) {
	k.rlock()
	s, ok := k.ids[v]
	k.runlock()
	if !ok || s.place >= k.upto {
		return secret{}, false
	}
	return s.secret, true
}

// hasIPv6 reports whether an IPv6 address was learned.
func (k knownView) hasIPv6() bool {
	k.rlock()
	defer k.runlock()
	return k.ip6At < k.upto
}

// lengthBit is the bit of idLens for a value of n bytes.
func lengthBit(n int) uint64 { return 1 << min(n, 63) }

// learnedID returns what was learned of the id the run s[i:j] of word
// bytes spells, and its bounds in s, when it is written where it is
// replaced (see replaceIDs): a phrase the run opens (see learnedPhrase),
// the run itself, or a number that spells a learned integer otherwise (see
// numberAt). The caller holds k.mu.
func (k knownView) learnedID(s string, i, j int) (from, to int, it secret, ok bool) {
	if to, it, ok := k.learnedPhrase(s, i, j); ok {
		return i, to, it, true
	}
	if k.idLens&lengthBit(j-i) != 0 {
		if l, found := k.ids[s[i:j]]; found && l.place < k.upto && idFits(s, i, j, l.secret) {
			return i, j, l.secret, true
		}
	}
	from, to, id, isNum := numberAt(s, i, j, k.idLens)
	if !isNum || k.idLens&lengthBit(len(id)) == 0 {
		return 0, 0, secret{}, false
	}
	l, found := k.ids[id]
	if !found || l.place >= k.upto {
		return 0, 0, secret{}, false
	}
	return from, to, l.secret, idFits(s, from, to, l.secret)
}

// empty reports that nothing was learned, so that text need not be scanned.
func (k knownView) empty() bool {
	k.rlock()
	defer k.runlock()
	return min(k.size(), k.upto) == 0
}

// replaceIDs replaces in s the learned ids and user names by the rules of
// a record's own (see redactText): a whole word when at least
// minBareIDLen long, quoted, or naming a home directory. An id of digits
// only is replaced in other records only after a key naming it or quoted
// (see quotedIDFits), written as digits or otherwise (see numberAt):
// bare, it is as likely a count, and numbers are kept.
func (k knownView) replaceIDs(s string) string {
	k.rlock()
	defer k.runlock()
	if len(k.ids) == 0 || k.upto == 0 {
		return s
	}
	return replaceRuns(s, &tokenBytes, func(s string, i, j int) (int, int, string, bool) {
		from, to, it, ok := k.learnedID(s, i, j)
		if ok && afterJSONKey(s, from) {
			return from, to, `"` + it.pseudo + `"`, true
		}
		return from, to, it.pseudo, ok
	})
}

// afterJSONKey reports whether the word at i follows a JSON key, bare
// ("user_id":113933): a pseudonym in its place must be a JSON string.
func afterJSONKey(s string, i int) bool {
	key, colon := strings.CutSuffix(strings.TrimRight(s[:i], " "), ":")
	return colon && strings.HasSuffix(strings.TrimRight(key, " "), `"`)
}

// eachID calls fn with each learned id s names where it is replaced.
func (k knownView) eachID(s string, fn func(it secret)) {
	k.rlock()
	defer k.runlock()
	replaceRuns(s, &tokenBytes, func(s string, i, j int) (int, int, string, bool) {
		if _, _, it, ok := k.learnedID(s, i, j); ok {
			fn(it)
		}
		return 0, 0, "", false
	})
}

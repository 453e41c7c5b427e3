package export

import (
	"context"
	"fmt"
	"iter"
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
// them.
type knownValues struct {
	mu    sync.RWMutex
	ips   map[string]string
	ids   map[string]secret
	limit int
	// ip6 says an IPv6 address was learned, and idLens the lengths of the
	// ids (bit n: an id of n bytes, bit 63: one of 63 or more): a word of
	// another length, the commonest, is passed over without a look-up.
	ip6    bool
	idLens uint64
}

func newKnownValues() *knownValues {
	return &knownValues{ips: map[string]string{}, ids: map[string]secret{}, limit: maxKnownValues}
}

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
	return r.known.add(set.items)
}

// add remembers items; past the limit it fails, keeping those it has.
func (k *knownValues) add(items []secret) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, it := range items {
		switch {
		case it.class == classIP:
			if _, ok := k.ips[it.value]; ok {
				continue
			}
			if err := k.room(); err != nil {
				return err
			}
			k.ips[it.value] = it.pseudo
			k.ip6 = k.ip6 || strings.IndexByte(it.value, ':') >= 0
		case it.class == classEmail && isEmail(it.value):
			// replaceEmails finds it in every line.
		default:
			if _, ok := k.ids[it.value]; ok {
				continue
			}
			if err := k.room(); err != nil {
				return err
			}
			k.ids[it.value] = it
			k.idLens |= lengthBit(len(it.value))
		}
	}
	return nil
}

func (k *knownValues) room() error {
	if len(k.ips)+len(k.ids) < k.limit {
		return nil
	}
	return TooManyValuesError{Limit: k.limit}
}

// ip returns the pseudonym of a learned address, in canonical form.
func (k *knownValues) ip(addr string) (string, bool) {
	k.mu.RLock()
	p, ok := k.ips[addr]
	k.mu.RUnlock()
	return p, ok
}

// id returns what was learned of an id or user name.
func (k *knownValues) id(v string) (secret, bool) {
	k.mu.RLock()
	s, ok := k.ids[v]
	k.mu.RUnlock()
	return s, ok
}

// hasIPv6 reports whether an IPv6 address was learned.
func (k *knownValues) hasIPv6() bool {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.ip6
}

// lengthBit is the bit of idLens for a value of n bytes.
func lengthBit(n int) uint64 { return 1 << min(n, 63) }

// learnedID returns what was learned of the word s[i:j], when it is an id
// written where it is replaced (see replaceIDs). The caller holds k.mu.
func (k *knownValues) learnedID(s string, i, j int) (secret, bool) {
	if k.idLens&lengthBit(j-i) == 0 {
		return secret{}, false
	}
	it, ok := k.ids[s[i:j]]
	return it, ok && idFits(s, i, j, it.class)
}

// empty reports that nothing was learned, so that text need not be scanned.
func (k *knownValues) empty() bool {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return len(k.ips) == 0 && len(k.ids) == 0
}

// replaceIDs replaces in s the learned ids and user names by the rules of
// a record's own (see redactText): a whole word when at least
// minBareIDLen long, quoted, or naming a home directory. An id of digits
// only is replaced in other records only where quoted: bare, it is as
// likely a count, and numbers are kept.
func (k *knownValues) replaceIDs(s string) string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if len(k.ids) == 0 {
		return s
	}
	return replaceRuns(s, &tokenBytes, func(s string, i, j int) (int, int, string, bool) {
		it, ok := k.learnedID(s, i, j)
		if ok && afterJSONKey(s, i) {
			return i, j, `"` + it.pseudo + `"`, true
		}
		return i, j, it.pseudo, ok
	})
}

// afterJSONKey reports whether the word at i follows a JSON key, bare
// ("user_id":113933): a pseudonym in its place must be a JSON string.
func afterJSONKey(s string, i int) bool {
	key, colon := strings.CutSuffix(strings.TrimRight(s[:i], " "), ":")
	return colon && strings.HasSuffix(strings.TrimRight(key, " "), `"`)
}

// eachID calls fn with each learned id s names where it is replaced.
func (k *knownValues) eachID(s string, fn func(it secret)) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	replaceRuns(s, &tokenBytes, func(s string, i, j int) (int, int, string, bool) {
		if it, ok := k.learnedID(s, i, j); ok {
			fn(it)
		}
		return 0, 0, "", false
	})
}

// idFits reports whether the id s[from:to], a whole word, is written where
// it is replaced (see replaceIDs).
func idFits(s string, from, to int, c class) bool {
	v := s[from:to]
	switch {
	case len(v) >= minBareIDLen && !allDigits(v):
		return true
	case from > 0 && s[from-1] == '"' && to < len(s) && s[to] == '"':
		return true
	case keyedID(s[:from], c):
		return true
	}
	return c == classUser && strings.HasSuffix(s[:from], homeDir)
}

// idKeys are the words that say a number after them is a user's or a
// device's id (policy::evaluate: user=113933 device=205246). An audit
// record's uid is a number of the system's, kept.
var idKeys = map[class][]string{
	classUser:   {"user", "user_id", "userid"},
	classDevice: {"device", "device_id", "deviceid"},
}

// keyedID reports whether before, the text ahead of an id, ends with a key
// naming what the id is, of class c, and a '=', a ':' or a blank, as a line
// or a JSON document spells it: "user=", "device ", "device_id: ",
// "user = ", `"user_id":`, and the dotted path of a nested key, "user.id=".
func keyedID(before string, c class) bool { return isIDKey(idKeyWord(before), c) }

// idKeyWord is the key before ends with, less its '=', ':' or blank, as
// keyedID reads it: the word of a dotted path's ".id" ("user" for user.id).
func idKeyWord(before string) string {
	before = strings.TrimRight(before, " ")
	if n := len(before); n > 0 && (before[n-1] == '=' || before[n-1] == ':') {
		before = strings.TrimRight(before[:n-1], " ")
	}
	word, rest := lastKeyWord(strings.TrimSuffix(before, `"`))
	if strings.EqualFold(word, "id") && strings.HasSuffix(rest, ".") {
		word, _ = lastKeyWord(rest[:len(rest)-1])
	}
	return word
}

// isIDKey reports whether word is one of idKeys[c], in any case.
func isIDKey(word string, c class) bool {
	for _, k := range idKeys[c] {
		if strings.EqualFold(word, k) {
			return true
		}
	}
	return false
}

// namesID reports whether a JSON key path names an id of either class of
// idKeys (see keyedID): only then is a number under it worth a second look.
func namesID(path string) bool {
	if path == "" {
		return false
	}
	word := idKeyWord(path)
	return isIDKey(word, classUser) || isIDKey(word, classDevice)
}

// lastKeyWord splits s into the word of letters and underscores it ends
// with and what comes before it.
func lastKeyWord(s string) (word, rest string) {
	start := len(s)
	for start > 0 && (isASCIILetter(s[start-1]) || s[start-1] == '_') {
		start--
	}
	return s[start:], s[:start]
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

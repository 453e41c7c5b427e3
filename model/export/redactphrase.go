package export

import (
	"slices"
	"strings"
)

// A learned value that holds a byte no word holds, a blank above all (a
// user's display name, "Alice Smith"), is no single run of word bytes,
// which is what replaceIDs looks up: knownValues keeps each such phrase
// under the run it opens with, its head ("Alice"), and a run that is a
// head is looked at for the phrase that follows from it.

// phraseHead returns the run of word bytes v opens with, and whether v is
// a phrase: v holds more than that run, and the run is not empty (a value
// opening with a blank or a quote has no head to be found by).
func phraseHead(v string) (string, bool) {
	i := 0
	for i < len(v) && tokenByte(v[i]) {
		i++
	}
	return v[:i], i > 0 && i < len(v)
}

// phrases are the learned phrases by their heads, each head's longest
// first, so that a phrase inside a longer one cannot break the longer's
// replacement; headLens has the bit (see lengthBit) of each head's length.
type phrases struct {
	byHead   map[string][]string
	headLens uint64
}

// add notes v when it is a phrase. The caller holds knownValues.mu.
func (p *phrases) add(v string) {
	head, ok := phraseHead(v)
	if !ok {
		return
	}
	if p.byHead == nil {
		p.byHead = map[string][]string{}
	}
	list := p.byHead[head]
	at := len(list)
	for i, w := range list {
		if len(w) < len(v) {
			at = i
			break
		}
	}
	p.byHead[head] = slices.Insert(list, at, v)
	p.headLens |= lengthBit(len(head))
}

// learnedPhrase returns what was learned of a phrase written from the run
// s[i:j] on, and where it ends in s, when it is written where it is
// replaced (see idFits): whole, not the start of a longer word. The caller
// holds k.mu.
func (k knownView) learnedPhrase(s string, i, j int) (to int, it secret, ok bool) {
	if k.phrases.headLens&lengthBit(j-i) == 0 {
		return 0, secret{}, false
	}
	for _, v := range k.phrases.byHead[s[i:j]] {
		to = i + len(v)
		if !strings.HasPrefix(s[i:], v) || to < len(s) && tokenByte(v[len(v)-1]) && tokenByte(s[to]) {
			continue
		}
		if l := k.ids[v]; l.place < k.upto && idFits(s, i, to, l.secret) {
			return to, l.secret, true
		}
	}
	return 0, secret{}, false
}

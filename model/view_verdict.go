package model

import (
	"runtime"
	"slices"
)

// templateJudge answers Filter.MaybeFields for the split entries a scanner
// meets (see attrsplit.go). The answer for an entry depends only on its
// template and on which of the asked keys its own words carry, so it is
// remembered by both: a scan of a whole log's connection events asks once
// per template, and rules out most events at the cost of reading their own
// words' keys, never their values. `event:closed_connection country:DE`
// then loads only the events of templates that say so. A judge belongs to
// one scanner: it is not safe for concurrent use.
type templateJudge struct {
	ask   func(*Entry, func(string) bool) bool
	bits  map[string]uint64 // the bit of each key of MaybeFields.Keys
	bySym []uint8           // by key symbol, the number of its key's bit plus one; 0: not asked about
	memo  []verdictMemo     // a power of two long
	// What the question being asked knows: the template's fields, and the
	// bits of the keys whose fields it does not know all of.
	e       Entry
	unknown uint64
	isUnkn  func(key string) bool
	words   []uint32     // the template's words asked about (see judge)
	values  []valuesMemo // answers by those words (see answer)
	// The answers so far (see weigh).
	asked, ruledOut int
	off             bool
}

// verdictMemo is one remembered answer; tpl 0 is an empty slot (a word
// offset of 0 is no fields).
type verdictMemo struct {
	tpl uint32 // the template's word offset
	own uint64 // the bits of the asked keys the entry's own words carry
	may bool
}

// maxJudgedKeys bounds the keys a judge tells apart: a bit each.
const maxJudgedKeys = 64

// A judge stops asking when fewer than one in judgeWorth of its first
// judgeTrial answers ruled out an event the key probe would not have.
const (
	judgeTrial = 256
	judgeWorth = 8
)

// templateJudge returns the judge of f.MaybeFields for a scan of about span
// entries, or nil when there is nothing to ask or it cannot be asked.
func (sn *Snapshot) templateJudge(f Filter, span int64) *templateJudge {
	m := f.MaybeFields
	if m.Ask == nil || f.Load >= LoadFull || sn.symtab == nil || len(m.Keys) > maxJudgedKeys {
		return nil
	}
	// An extension of a followed view by a few rows makes a judge too:
	// its memos are as small as its span allows.
	slots := probeSlots(span)
	j := &templateJudge{ask: m.Ask, bits: make(map[string]uint64, len(m.Keys)), memo: make([]verdictMemo, slots),
		values: make([]valuesMemo, min(slots, maxValuesSlots))}
	for i, k := range m.Keys {
		if _, ok := j.bits[k]; ok {
			continue
		}
		j.bits[k] = 1 << i
		// A key interned after the snapshot was taken is in none of its
		// entries: it needs no symbol.
		if sym, ok := sn.symtab.lookup(k); ok {
			if int(sym) >= len(j.bySym) {
				j.bySym = append(j.bySym, make([]uint8, int(sym)+1-len(j.bySym))...)
			}
			j.bySym[sym] = uint8(i) + 1
		}
	}
	j.isUnkn = func(key string) bool {
		b, ok := j.bits[key]
		return !ok || j.unknown&b != 0
	}
	return j
}

// bitOf returns the bits of the asked key with symbol sym; 0 for a key
// not asked about.
func (j *templateJudge) bitOf(sym uint32) uint64 {
	if int(sym) < len(j.bySym) && j.bySym[sym] != 0 {
		return 1 << (j.bySym[sym] - 1)
	}
	return 0
}

// verdict reports whether the entry of row r may match, and whether it
// was judged: a split entry is, while the judge asks (keys is the scan's
// key probe, see weigh). Every key of Filter.NeedKeys is one MaybeFields
// reads, so a judged entry that lacks one is ruled out as the key probe
// would rule it out.
func (j *templateJudge) verdict(sn *Snapshot, r row, keys keyProbe) (may, judged bool) {
	if j == nil || j.off || r.attrs == 0 {
		return true, false
	}
	ws := wordsAt(sn.words, r.attrs)
	if ws[0]&attrSplitMark == 0 {
		return true, false
	}
	own, n, tpl := splitOf(ws, r.attrs)
	var ownBits uint64
	for range n {
		ownBits |= j.bitOf(keySymbol(own[0]))
		own = own[fieldWords(own[0]):]
	}
	m := &j.memo[verdictSlot(tpl, ownBits, len(j.memo))]
	if m.tpl != tpl || m.own != ownBits {
		*m = verdictMemo{tpl: tpl, own: ownBits, may: j.judge(sn, tpl, ownBits)}
		if j.asked < judgeTrial {
			j.weigh(m.may || keys.need != nil && !sn.meetsDemand(r, keys))
		}
	}
	runtime.KeepAlive(sn) // the words are off the heap: mapped for as long as sn lives
	return m.may, true
}

// weigh counts one of the first judgeTrial answers, and then stops the
// judge when too few of them ruled out an entry that the key probe alone
// would have let through: the key probe does that work on its own, and the
// judge would only cost.
func (j *templateJudge) weigh(useless bool) {
	j.asked++
	if !useless {
		j.ruledOut++
	}
	if j.asked == judgeTrial && j.ruledOut*judgeWorth < j.asked {
		j.off = true
	}
}

// judge answers for the template at word offset tplOff, the keys of the
// bits in unknown being those the entry's own words carry. It gathers the
// words of the template's fields that MaybeFields reads (of its Keys),
// leaving out those read relative to each entry's row, whose keys are
// unknown too; templates that differ only in fields it does not read (a
// client's address, a device) then share an answer (see answer).
func (j *templateJudge) judge(sn *Snapshot, tplOff uint32, unknown uint64) bool {
	tpl := wordsAt(sn.words, tplOff)
	j.words = j.words[:0]
	t := tpl[1:]
	for range int(tpl[0]) {
		w0 := t[0]
		n := fieldWords(w0)
		switch {
		case w0>>attrTypeShift == attrHole:
			n = 1 // its filler is among the own words
		case j.bitOf(keySymbol(w0)) == 0:
			// Ask reads no field of its key.
		case rowBound(w0):
			unknown |= j.bitOf(keySymbol(w0))
		default:
			j.words = append(j.words, t[:n]...)
		}
		t = t[n:]
	}
	return j.answer(sn, unknown)
}

// answer asks MaybeFields of the fields whose words judge gathered, the
// keys of the bits in unknown unknown, remembering the answer by the words
// themselves: equal words are equal fields (a symbol, a number, a place in
// the value arena, all fixed while a snapshot holds them).
func (j *templateJudge) answer(sn *Snapshot, unknown uint64) bool {
	var m *valuesMemo
	if len(j.words) <= maxMemoWords {
		m = &j.values[valuesSlot(j.words, unknown, len(j.values))]
		if m.n == uint8(len(j.words))+1 && m.unknown == unknown && slices.Equal(m.words[:m.n-1], j.words) {
			return m.may
		}
	}
	j.e = Entry{Fields: j.e.Fields[:0]}
	var lo lineOrigin
	for w := j.words; len(w) > 0; {
		j.e.Fields, w = decodeField(w, sn.syms, sn.values, j.e.Fields, &lo)
	}
	j.unknown = unknown
	may := j.ask(&j.e, j.isUnkn)
	if m != nil {
		*m = valuesMemo{n: uint8(len(j.words)) + 1, unknown: unknown, may: may}
		copy(m.words[:], j.words)
	}
	return may
}

// valuesMemo is an answer remembered by the words of the fields asked
// about and the unknown keys; n is the count of words plus one, 0 an
// empty slot.
type valuesMemo struct {
	n       uint8
	may     bool
	words   [maxMemoWords]uint32
	unknown uint64
}

// maxMemoWords bounds the words an answer is remembered by: a query on a
// few keys reads a few fields, of one to four words each.
const maxMemoWords = 12

// maxValuesSlots bounds the memo of answers by words: the values a query
// reads repeat far more than the templates that hold them.
const maxValuesSlots = 1024

// valuesSlot spreads the words asked about and the unknown keys over a
// memo of n slots.
func valuesSlot(words []uint32, unknown uint64, n int) int {
	h := unknown * 0xc2b2ae3d27d4eb4f
	for _, w := range words {
		h = (h ^ uint64(w)) * 0x9e3779b97f4a7c15
	}
	return int(h>>32) & (n - 1)
}

// rowBound reports whether the template word w0 is a field whose value is
// read relative to each entry's row (see rowMilliWord): the same word
// stands for a different value in each entry.
func rowBound(w0 uint32) bool {
	if w0>>attrTypeShift != attrSmallInt {
		return false
	}
	_, v := smallParts(w0)
	return v == rowMilli
}

// verdictSlot spreads the templates and own keys over a memo of n slots.
func verdictSlot(tpl uint32, own uint64, n int) int {
	h := (uint64(tpl) ^ own*0xc2b2ae3d27d4eb4f) * 0x9e3779b97f4a7c15
	return int(h>>32) & (n - 1)
}

package model

// An ANALYTICS event has two dozen indexed fields, most of which repeat
// from one event to the next (the connector, the network, the resource,
// the user, the location, the protocol), beside a few that never do (the
// connection id, the client address, the times). Stored whole, its words
// cannot be shared, and the events, under a tenth of a connector log's
// lines, take most of the index's words. So an entry whose fields mix the
// two is stored split: a template of its fields, shared like any set,
// where each field that changes is a hole, and the entry's own words: a
// header, the template's offset, then the fields that fill the holes in
// order, then the per-line pseudo-fields.
//
//	w0 = attrSplitMark | how many fields follow the template offset
//	w1 = word offset of the template ([count | fields and holes])
//
// or, when the template lies within 4 M words of the entry's own words and
// fewer than 128 fields follow (nearly always), one word:
//
//	w0 = attrSplitMark | splitNear | fields:7 | own words' offset - template's:23 (signed)
//
// A field goes into the template when its value is an interned symbol that
// was already known before the entry (a first-seen value is likely to stay
// rare) and its key's values mostly repeat (see keyStat); a number, when it
// is one of its key's recent values and they mostly repeat (a location's
// latitude and longitude, a resource's port; never a byte count or a time).
const (
	attrHole      = 6       // a template's field that the entry's own words fill
	attrSplitMark = 1 << 31 // in an entry's first word: the words are split
	splitNear     = 1 << 30 // and the header is one word (see splitOf)
	nearCountBits = 7
	nearDistBits  = 30 - nearCountBits
	nearDistMask  = 1<<nearDistBits - 1
	// minSplitShared is how many template fields make a split worth its
	// header (one extra word, or two).
	minSplitShared = 4
	// keyStatLimit bounds the key symbols whose statistics are kept; keys
	// interned later (past many values) are never put into templates.
	keyStatLimit = 1 << 14
	// keyStatWarmup is how many values of a key are seen before it may go
	// into templates.
	keyStatWarmup = 32
	// volatileWarmup is how many values of a key are seen before it may be
	// found volatile: long enough that the first sight of a few hundred
	// users or resources does not pass for it.
	volatileWarmup = 1024
)

// keyStat counts a key's values and how many of them were new symbols: a
// key whose values are often new (client addresses, ids) is volatile, and
// would make every template unique.
type keyStat struct{ uses, fresh uint32 }

// stable reports whether the key's values mostly repeat.
func (k keyStat) stable() bool { return k.uses >= keyStatWarmup && k.fresh*4 < k.uses }

// volatile reports whether the key's values are mostly new (client
// addresses, ids the parsers do not know as unique): interning them would
// only grow the symbol table, which is never trimmed, by a string, a slot
// and a map entry each.
func (k keyStat) volatile() bool { return k.uses >= volatileWarmup && k.fresh*2 > k.uses }

// volatileKey reports whether the values of the key with symbol key go to
// the byte arena rather than the symbol table. Once a key is volatile its
// values are no longer counted, so it stays so.
func (s *Store) volatileKey(key uint32) bool {
	return int(key) < len(s.keyStats) && s.keyStats[key].volatile()
}

// fieldSpan is where one encoded field lies in the word buffer, and whether
// it may go into a template.
type fieldSpan struct {
	start, end int32
	share      bool
}

// Bounds of the writer's memory of recent numbers: numberMemoSlots values
// of each numeric key. A number is fresh when it is not among them.
const (
	numberMemoBits  = 8
	numberMemoSlots = 1 << numberMemoBits
)

// numberStats are the writer's statistics of numeric values, apart from
// the symbols' (a key may carry both): per key symbol, how often its values
// were fresh, and its recent values.
type numberStats struct {
	stats  []keyStat
	recent []*[numberMemoSlots]uint64 // float64 bits + 1; 0 is an empty slot
}

// countNumber records one numeric value of key (its float64 bits) and
// reports whether the field may go into a template: a number is not
// interned, so it counts as fresh when its key's recent values do not hold
// it.
func (s *Store) countNumber(key uint32, bits uint64) bool {
	if key >= keyStatLimit {
		return false
	}
	ns := &s.numbers
	if int(key) >= len(ns.recent) {
		ns.recent = append(ns.recent, make([]*[numberMemoSlots]uint64, int(key)+1-len(ns.recent))...)
	}
	if ns.recent[key] == nil {
		ns.recent[key] = new([numberMemoSlots]uint64)
	}
	h := (bits ^ bits>>29) * 0x9e3779b97f4a7c15
	slot := &ns.recent[key][h>>(64-numberMemoBits)]
	fresh := *slot != bits+1
	*slot = bits + 1
	return countValue(&ns.stats, key, fresh)
}

// countSymbol records one value of key, fresh when it was a new symbol,
// and reports whether the field may go into a template.
func (s *Store) countSymbol(key uint32, fresh bool) bool {
	if key >= keyStatLimit {
		return false
	}
	return countValue(&s.keyStats, key, fresh)
}

// countValue records one value of key in stats, fresh or not, and reports
// whether the field may go into a template: its value is not fresh and its
// key's values mostly repeat.
func countValue(stats *[]keyStat, key uint32, fresh bool) bool {
	if int(key) >= len(*stats) {
		*stats = append(*stats, make([]keyStat, int(key)+1-len(*stats))...)
	}
	st := &(*stats)[key]
	st.uses++
	if fresh {
		st.fresh++
	}
	return !fresh && st.stable()
}

// storeAttrs stores an entry's words (see encodeAttrs): shared whole when
// every value is interned, split around a shared template when enough of
// them repeat, as they are otherwise.
func (s *Store) storeAttrs(ws []uint32, shareable bool) uint32 {
	if shareable || s.noSplit || !s.worthSplitting() {
		return s.putAttrs(ws, shareable)
	}
	tpl, own := s.splitAttrs(ws)
	t := s.putAttrs(tpl, true)
	if off, ok := s.words.next(len(own) - 1); ok {
		if w0, near := nearSplitHeader(own[0]&^attrSplitMark, off, t); near {
			own[1] = w0
			s.words.put(own[1:])
			return off
		}
	}
	own[1] = t
	return s.words.put(own)
}

// nearSplitHeader returns the one-word header of n own fields at off whose
// template is at tpl, and false when they do not fit it.
func nearSplitHeader(n, off, tpl uint32) (uint32, bool) {
	d := int64(off) - int64(tpl)
	if n >= 1<<nearCountBits || d < -(1<<(nearDistBits-1)) || d >= 1<<(nearDistBits-1) {
		return 0, false
	}
	return attrSplitMark | splitNear | n<<nearDistBits | uint32(d)&nearDistMask, true
}

// splitOf returns the parts of the split words ws at offset off: the words
// of the entry's own fields, how many fields they are, and the template's
// offset.
func splitOf(ws []uint32, off uint32) (own []uint32, n int, tpl uint32) {
	if ws[0]&splitNear == 0 {
		return ws[2:], int(ws[0] &^ attrSplitMark), ws[1]
	}
	d := int32(ws[0]<<(32-nearDistBits)) >> (32 - nearDistBits)
	return ws[1:], int(ws[0] >> nearDistBits & (1<<nearCountBits - 1)), uint32(int64(off) - int64(d))
}

// worthSplitting reports whether the fields just encoded mix enough
// template fields with others.
func (s *Store) worthSplitting() bool {
	shared := 0
	for _, sp := range s.spans {
		if sp.share {
			shared++
		}
	}
	return shared >= minSplitShared && shared < len(s.spans)
}

// splitAttrs cuts ws into a template and the entry's own words, in buffers
// the store reuses. Both are sized once and written word by word: an
// event's thirty fields each cost a call to copy, or a check of room to
// append, otherwise.
func (s *Store) splitAttrs(ws []uint32) (tpl, own []uint32) {
	// The template holds its count and, for each field, its words or one
	// hole; the entry's own words their header, the holes' words and the
	// pseudo-fields: neither is longer than ws and two words.
	tpl, own = room(s.tplBuf, len(ws)+2), room(s.ownBuf, len(ws)+2)
	tpl[0] = uint32(len(s.spans))
	t, o, holes := 1, 2, uint32(0)
	for _, sp := range s.spans {
		if sp.share {
			for _, w := range ws[sp.start:sp.end] {
				tpl[t] = w
				t++
			}
		} else {
			tpl[t] = attrHole << attrTypeShift
			t++
			for _, w := range ws[sp.start:sp.end] {
				own[o] = w
				o++
			}
			holes++
		}
	}
	// What follows the fields (the pseudo-fields) is the entry's own.
	o += copy(own[o:], ws[s.spans[len(s.spans)-1].end:])
	own[0], own[1] = attrSplitMark|(holes+ws[0]-uint32(len(s.spans))), 0
	tpl, own = tpl[:t], own[:o]
	s.tplBuf, s.ownBuf = tpl, own
	return tpl, own
}

// room returns buf's memory as n words, grown when it holds fewer.
func room(buf []uint32, n int) []uint32 {
	if cap(buf) < n {
		return make([]uint32, n, 2*n)
	}
	return buf[:n]
}

// decodeSplit rebuilds the fields of split words: the template's, with each
// hole filled from the entry's own words in order, then the entry's
// remaining words (the pseudo-fields).
func decodeSplit(ws []uint32, off uint32, words [][]uint32, syms [][]string, arena [][]byte, fs Fields, lo *lineOrigin, only symbolSet) Fields {
	own, n, t0 := splitOf(ws, off)
	tpl := wordsAt(words, t0)
	t, nt := tpl[1:], int(tpl[0])
	for range nt {
		switch t[0] >> attrTypeShift {
		case attrHole:
			if rest, skip := unwanted(own, only); skip {
				own = rest
			} else {
				fs, own = decodeField(own, syms, arena, fs, lo)
			}
			t, n = t[1:], n-1
		case attrSmallSym: // most template fields: decoded here, without a call
			if only == nil || only.has(keySymbol(t[0])) {
				fs = append(fs, Field{Key: symAt(syms, t[0]>>smallValueBits&smallKeyMask), Value: symAt(syms, t[0]&smallValueMask)})
			}
			t = t[1:]
		default:
			if rest, skip := unwanted(t, only); skip {
				t = rest
			} else {
				fs, t = decodeField(t, syms, arena, fs, lo)
			}
		}
	}
	for range n {
		if rest, skip := unwanted(own, only); skip {
			own = rest
			continue
		}
		fs, own = decodeField(own, syms, arena, fs, lo)
	}
	return fs
}

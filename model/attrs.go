package model

import (
	"math"
	"strconv"
)

// An entry's indexed fields are stored as words: a count, then one to four
// words a field. Word 0 of a field holds the value's encoding in its top
// three bits and, for most encodings, the key's symbol below them:
//
//	attrSym:      w1 = value symbol; for the receive time (keyReceived), its
//	              distance from the row's time in nanoseconds, signed (2 words)
//	attrNum:      w1,w2 = float64 bits; the text is strconv's shortest form  (3 words)
//	attrNumText:  w1,w2 = float64 bits, w3 = text symbol     (4 words)
//	attrArena:    w1,w2 = value-arena offset, w3 = length    (4 words)
//	attrSmallSym: key symbol (11 bits) and value symbol (18 bits) in w0   (1 word)
//	attrSmallInt: key symbol (11 bits) and a signed integer (18 bits) in w0, its
//	              text strconv's form; the lowest integer, rowMilli, stands
//	              for the row's time in milliseconds (an event's timestamp)  (1 word)
//	attrPacked:   a unique value rebuilt from its words, or a short receive time
//	              (see attrpack.go)                                   (1 to 4 words)
//
// The small forms serve the common case (few keys, values interned early,
// ports and byte counts): an ANALYTICS event's two dozen fields take about
// half the words.
//
// Values that repeat (users, modules, resources) are interned; values that
// are unique per entry (connection ids, cursors, long text) go to the byte
// value arena so the symbol table does not grow with every line. A set made only
// of interned values (most service lines: module and function) is stored
// once and shared (see attrsets.go).
const (
	attrSym      = 0
	attrNum      = 1
	attrNumText  = 2
	attrArena    = 3
	attrSmallSym = 4
	attrSmallInt = 5

	attrTypeShift = 29
	attrKeyMask   = 1<<attrTypeShift - 1

	smallValueBits = 18
	smallKeyBits   = attrTypeShift - smallValueBits
	smallValueMask = 1<<smallValueBits - 1
	smallKeyMask   = 1<<smallKeyBits - 1
	// rowMilli, as an attrSmallInt's value, is the row's time in whole
	// milliseconds (at/1e6): an ANALYTICS event's "timestamp", which its
	// time is read from, takes one word instead of three.
	rowMilli = -(1 << (smallValueBits - 1))

	// maxIndexedFields bounds one entry's indexed fields; the rest are still
	// available through a full load (Reparse).
	maxIndexedFields = 256
	// maxInternLen is the longest value worth interning.
	maxInternLen = 48
)

// attrWords is how many words a field of type t takes, its key word
// included; a packed field's form says how many it takes (fieldWords).
var attrWords = [8]int{attrSym: 2, attrNum: 3, attrNumText: 4, attrArena: 4, attrSmallSym: 1, attrSmallInt: 1, attrHole: 1, attrPacked: 4}

// smallWord packs a key symbol and an 18-bit value into one word of type t,
// when both fit.
func smallWord(t, key uint32, v int64) (uint32, bool) {
	if key > smallKeyMask || v < -(1<<(smallValueBits-1)) || v >= 1<<smallValueBits || t == attrSmallInt && (v >= 1<<(smallValueBits-1) || v == rowMilli) {
		return 0, false
	}
	return t<<attrTypeShift | key<<smallValueBits | uint32(v)&smallValueMask, true
}

// smallParts unpacks a small word's key symbol and value (sign-extended
// for attrSmallInt).
func smallParts(w uint32) (key uint32, v int64) {
	key, v = w>>smallValueBits&smallKeyMask, int64(w&smallValueMask)
	if w>>attrTypeShift == attrSmallInt && v >= 1<<(smallValueBits-1) {
		v -= 1 << smallValueBits
	}
	return key, v
}

// notIndexed are keys the index leaves out: they are long, unique and
// rebuilt by a full load. Queries that name them ask for a full load.
func notIndexed(key string) bool { return key == KeyMessage || key == KeyStacktrace }

// uniqueKeys hold values that are unique per entry: interning them would
// only grow the symbol table.
var uniqueKeys = map[string]bool{
	KeyConnID: true, KeySessionID: true, KeyAuditID: true, KeyRequestID: true,
	KeyCreatedAt: true, KeyFlowStart: true, KeyFlowEnd: true, KeyFlowLogged: true,
	keyCursor: true, keyEnd: true, keyAuditStamp: true,
}

// Pseudo-fields carry per-line data through the index: a journal entry's
// cursors and audit stamp, the receive time when it differs from the
// entry's time, and what did not fit the row. The numbers are attrNum
// words holding an int64.
const (
	keyCursor     = "__CURSOR"
	keyEnd        = "__CURSOR_END"  // JournalFields.EndCursor
	keyAuditStamp = "__AUDIT_STAMP" // JournalFields.AuditStamp
	keyReceived   = "__RECEIVED"    // unix nanoseconds
	keyItem       = "__ITEM"        // Entry.Item
	keyOrigin     = "__ORIGIN"      // an origin id past the row's 16 bits
	keyRawLen     = "__RAWLEN"      // a raw length past the row's 23 bits
	keyOffset     = "__OFFSET"      // the file offset of a line held, not re-read (joined lines), + 1
	keyTemplate   = "__TEMPLATE"    // Entry.Template, interned: one per template
	// Entry.Others, a span each (packSpan): a line yields several entries
	// when it holds a response of many records, each entry a record apart
	// from the others': before and after its record, before and after its
	// traffic item.
	keyOthers0 = "__OTHERS0"
	keyOthers1 = "__OTHERS1"
	keyOthers2 = "__OTHERS2"
	keyOthers3 = "__OTHERS3"
)

// maxOthers is how many spans of Entry.Others the index keeps.
const maxOthers = 4

// lineOrigin is the per-line part of an Origin and of the row, kept beside
// the fields; 0 is "not kept" for each number.
type lineOrigin struct {
	cursor string
	end    string // JournalFields.EndCursor
	// audit is JournalFields.AuditStamp, kept beside the audit_id field
	// the entry was given from it: a full load parses the line again from
	// its bytes and origin alone, and the stamp is not in the bytes.
	audit    string
	template string // Entry.Template
	received int64  // 0 = same as the entry's time
	item     int64
	origin   int64
	rawLen   int64
	offset   int64            // Origin.Offset + 1 of a held line from a file
	others   [maxOthers]int64 // Entry.Others, packed (packSpan)
	// at is the row's time (unix nanoseconds), which the row-relative
	// words are relative to: not kept, but given to the encoding and the
	// decoding alike.
	at int64
}

// intKeys are the pseudo-keys of lineOrigin's numbers, in the order of
// its nums.
var intKeys = [...]string{keyReceived, keyItem, keyOrigin, keyRawLen, keyOffset, keyOthers0, keyOthers1, keyOthers2, keyOthers3}

// originNums is lineOrigin's numbers, in the order of intKeys.
type originNums [len(intKeys)]int64

// nums returns lo's numbers in the order of intKeys.
func (lo *lineOrigin) nums() originNums {
	return originNums{lo.received, lo.item, lo.origin, lo.rawLen, lo.offset, lo.others[0], lo.others[1], lo.others[2], lo.others[3]}
}

// hasNums reports whether any of lo's numbers is set (nums is not all 0).
func (lo *lineOrigin) hasNums() bool {
	return lo.received|lo.item|lo.origin|lo.rawLen|lo.offset|lo.others[0]|lo.others[1]|lo.others[2]|lo.others[3] != 0
}

// setNum sets lo's number i (in the order of intKeys).
func (lo *lineOrigin) setNum(i int, n int64) {
	switch i {
	case 0:
		lo.received = n
	case 1:
		lo.item = n
	case 2:
		lo.origin = n
	case 3:
		lo.rawLen = n
	case 4:
		lo.offset = n
	default:
		lo.others[i-5] = n
	}
}

// setOthers packs e's Others into lo: none when one does not fit, so that
// a search reads its whole line as it would any other.
func (lo *lineOrigin) setOthers(others []Span) {
	if len(others) > maxOthers {
		return
	}
	var packed [maxOthers]int64
	for i, o := range others {
		n, ok := packSpan(o)
		if !ok {
			return
		}
		packed[i] = n
	}
	lo.others = packed
}

// othersOf appends the spans lo holds to dst, Entry.Others's array reused.
func (lo *lineOrigin) othersOf(dst []Span) []Span {
	for _, n := range lo.others {
		if n != 0 {
			dst = append(dst, unpackSpan(n))
		}
	}
	return dst
}

// Facts about a field key, cached with its symbol (see symCache).
const (
	keySkipped uint8 = 1 << iota // notIndexed
	keyUnique                    // uniqueKeys
)

// keyContext is the symCache context of field keys: no key's symbol
// reaches it, so keys never share a context with values.
const keyContext = attrKeyMask + 1

func keyFlags(k string) uint8 {
	var f uint8
	if notIndexed(k) {
		f |= keySkipped
	}
	if uniqueKeys[k] {
		f |= keyUnique
	}
	return f
}

// intKeyIndex returns the index of the pseudo-key key in intKeys, -1 for
// a field's key.
func intKeyIndex(key string) int {
	if len(key) < 2 || key[0] != '_' || key[1] != '_' {
		return -1
	}
	for i, k := range intKeys {
		if k == key {
			return i
		}
	}
	return -1
}

// IsIndexed reports whether the store keeps key in an entry's index, so that
// a query naming it can run on index loads alone.
func IsIndexed(key string) bool { return !notIndexed(key) }

// encodeAttrs turns fields into words, interning or arena-storing values.
// keepAll keeps the keys the index otherwise leaves out (notIndexed), for
// entries that a full load cannot rebuild. shared reports whether every
// value is interned, so that the set may be stored once for all the entries
// that have it. Each key encoded is noted for kind (see kindKeys) as its
// field is encoded.
func (s *Store) encodeAttrs(fs Fields, lo *lineOrigin, keepAll bool, kind Kind, buf []uint32) (out []uint32, shared bool) {
	s.spans = s.spans[:0]
	enc := attrEncoder{buf: append(buf[:0], 0), shared: true, keepAll: keepAll, at: lo.at, kind: kind}
	for i := range fs {
		s.encodeField(&enc, &fs[i])
	}
	for _, pseudo := range [...]struct{ key, value string }{{keyCursor, lo.cursor}, {keyEnd, lo.end}, {keyAuditStamp, lo.audit}} {
		if pseudo.value != "" {
			f := Str(pseudo.key, pseudo.value)
			s.encodeField(&enc, &f)
		}
	}
	buf, n, shared := enc.buf, enc.n, enc.shared
	if lo.template != "" {
		buf = s.encodeTemplate(lo.template, kind, buf)
		n++
	}
	buf, nums := s.encodeOriginNums(*lo, kind, buf)
	if nums > 0 {
		n, shared = n+nums, false
	}
	if n == 0 {
		return buf[:0], false
	}
	buf[0] = uint32(n)
	return buf, shared
}

// attrEncoder is what encodeAttrs keeps while it encodes an entry's fields.
type attrEncoder struct {
	buf     []uint32
	n       int  // fields encoded
	shared  bool // every value so far is interned
	keepAll bool
	at      int64 // the row's time
	kind    Kind  // the entry's, whose keys are noted (kindKeys)
}

// encodeField appends the words of field f (see encodeAttrs). An event has
// some thirty fields: each is passed by its address, not copied.
func (s *Store) encodeField(enc *attrEncoder, f *Field) {
	if enc.n >= maxIndexedFields {
		return
	}
	key, kf := s.symCache.key(s.syms, f.Key, s.calls.running)
	if kf&keySkipped != 0 && !enc.keepAll {
		return
	}
	s.kinds.noteKey(enc.kind, key)
	buf := enc.buf
	sp := fieldSpan{start: int32(len(buf))}
	switch {
	case f.IsNum:
		bits := math.Float64bits(f.Num)
		i := int64(f.Num)
		if w, ok := rowMilliWord(key, f.Num, f.Value, enc.at); ok {
			// The same word in every such entry, each read relative to
			// its own row: it goes into a template like a repeating value.
			buf, enc.shared, sp.share = append(buf, w), false, true
			break
		}
		if w, ok := smallWord(attrSmallInt, key, i); ok && float64(i) == f.Num && isDecimalOf(f.Value, i) {
			buf = append(buf, w)
		} else if isNumberText(f.Value, f.Num, bits) {
			buf = append(buf, key|attrNum<<attrTypeShift, uint32(bits), uint32(bits>>32))
		} else {
			text, _ := s.internValue(key, f.Value)
			buf = append(buf, key|attrNumText<<attrTypeShift, uint32(bits), uint32(bits>>32), text)
		}
		sp.share, enc.shared = s.countNumber(key, bits), false
	case len(f.Value) > maxInternLen || kf&keyUnique != 0 || s.volatileKey(key):
		if ws, ok := packHexSeq(key, f.Value); ok {
			buf = append(buf, ws[:fieldWords(ws[0])]...)
		} else {
			off := s.values.put([]byte(f.Value))
			buf = append(buf, key|attrArena<<attrTypeShift, uint32(off), uint32(off>>32), uint32(len(f.Value)))
		}
		enc.shared = false
	default:
		v, fresh := s.internValue(key, f.Value)
		if w, ok := smallWord(attrSmallSym, key, int64(v)); ok {
			buf = append(buf, w)
		} else {
			buf = append(buf, key|attrSym<<attrTypeShift, v)
		}
		sp.share = s.countSymbol(key, fresh)
	}
	sp.end = int32(len(buf))
	s.spans = append(s.spans, sp)
	enc.buf = buf
	enc.n++
}

// encodeOriginNums appends the pseudo-fields of lo's numbers that are set
// and returns how many it appended. They are integers kept whole: a
// float64 would round nanoseconds.
func (s *Store) encodeOriginNums(lo lineOrigin, kind Kind, buf []uint32) ([]uint32, int) {
	n := 0
	for i, v := range lo.nums() {
		if v == 0 {
			continue
		}
		key, _ := s.symCache.intern(s.syms, keyContext, intKeys[i], keyFlags)
		if w, ok := packReceived(v - lo.at); i == 0 && ok {
			buf = append(buf, w)
		} else if d := v - lo.at; i == 0 && d == int64(int32(d)) {
			// The receive time as its distance from the row's, in the
			// word an attrSym's symbol takes (see decodeField).
			buf = append(buf, key|attrSym<<attrTypeShift, uint32(int32(d)))
		} else {
			buf = append(buf, key|attrNum<<attrTypeShift, uint32(v), uint32(uint64(v)>>32))
		}
		s.kinds.noteKey(kind, key) // a packed receive time's too: its word's key is receivedSym, keyReceived's
		n++
	}
	return buf, n
}

// encodeTemplate appends the pseudo-field of a line's template: interned
// whatever its length (the decoder folds a source's lines into a bounded
// number of templates), so that the lines of one template share a set,
// and never as a small word, so that decoding finds it by its key
// (decodeField) and keeps it out of the fields.
func (s *Store) encodeTemplate(template string, kind Kind, buf []uint32) []uint32 {
	key, _ := s.symCache.intern(s.syms, keyContext, keyTemplate, keyFlags)
	s.kinds.noteKey(kind, key)
	v, fresh := s.internValue(key, template)
	start := int32(len(buf))
	buf = append(buf, key|attrSym<<attrTypeShift, v)
	s.spans = append(s.spans, fieldSpan{start: start, end: int32(len(buf)), share: s.countSymbol(key, fresh)})
	return buf
}

// internValue interns the value of the field whose key has symbol key,
// and reports whether it was a new symbol.
func (s *Store) internValue(key uint32, v string) (id uint32, fresh bool) {
	call := s.calls.running
	if id, _, ok := s.symCache.vals.find(v, call); ok {
		return id, false // interned before, in this call
	}
	id, fresh = s.symCache.internFresh(s.syms, key, v)
	s.symCache.vals.note(v, id, 0, call)
	return id, fresh
}

// smallField rebuilds the field of a one-word encoding of a row whose
// time is at.
func smallField(w uint32, syms [][]string, at int64) Field {
	key, v := smallParts(w)
	f := Field{Key: symAt(syms, key)}
	if w>>attrTypeShift == attrSmallSym {
		f.Value = symAt(syms, uint32(v))
		return f
	}
	if v == rowMilli {
		v = at / 1e6
	}
	f.Num, f.IsNum, f.Value = float64(v), true, strconv.FormatInt(v, 10)
	return f
}

// rowMilliWord returns the one word of a number field of the key with
// symbol key, num written as value, when it is the row's time at in whole
// milliseconds as strconv writes it (an ANALYTICS event's timestamp, its
// time).
func rowMilliWord(key uint32, num float64, value string, at int64) (uint32, bool) {
	ms := at / 1e6 // at most 2^63/10^6, so exactly a float64
	if key > smallKeyMask || num != float64(ms) {
		return 0, false
	}
	var text [32]byte
	if value != string(strconv.AppendInt(text[:0], ms, 10)) {
		return 0, false
	}
	return attrSmallInt<<attrTypeShift | key<<smallValueBits | uint32(rowMilli&smallValueMask), true
}

// decodeAttrs rebuilds fields from the words at off, appending to fs. It
// returns the per-line origin separately, since it is not made of parsed
// fields. words is the word arena's directory, where a split entry's
// template lies too. With only set, it rebuilds just the fields whose key
// symbols are in it, skipping the others' values unread.
func decodeAttrs(words [][]uint32, off uint32, syms [][]string, arena [][]byte, fs Fields, only symbolSet, at int64) (Fields, lineOrigin) {
	lo := lineOrigin{at: at}
	ws := wordsAt(words, off)
	if ws[0]&attrSplitMark != 0 {
		return decodeSplit(ws, off, words, syms, arena, fs, &lo, only), lo
	}
	n := int(ws[0])
	w := ws[1:]
	for i := 0; i < n; i++ {
		if rest, skip := unwanted(w, only); skip {
			w = rest
			continue
		}
		if w[0]>>attrTypeShift == attrSmallSym { // the commonest: decoded here, without a call
			fs = append(fs, Field{Key: symAt(syms, w[0]>>smallValueBits&smallKeyMask), Value: symAt(syms, w[0]&smallValueMask)})
			w = w[1:]
			continue
		}
		fs, w = decodeField(w, syms, arena, fs, &lo)
	}
	return fs, lo
}

// decodeField decodes the field at the head of w, appending it to fs (or,
// for a pseudo-field, setting it in lo), and returns the words after it.
func decodeField(w []uint32, syms [][]string, arena [][]byte, fs Fields, lo *lineOrigin) (Fields, []uint32) {
	t := w[0] >> attrTypeShift
	switch t {
	case attrSmallSym, attrSmallInt:
		return append(fs, smallField(w[0], syms, lo.at)), w[1:]
	}
	n := fieldWords(w[0])
	if t == attrPacked && w[0]>>packedFormShift&packedFormMask == packedReceived {
		lo.received = lo.at + packedReceivedDelta(w[0])
		return fs, w[n:]
	}
	f := Field{Key: symAt(syms, keySymbol(w[0]))}
	if t == attrSym && f.Key == keyReceived {
		lo.received = lo.at + int64(int32(w[1]))
		return fs, w[n:]
	}
	if k := intKeyIndex(f.Key); t == attrNum && k >= 0 {
		lo.setNum(k, int64(uint64(w[1])|uint64(w[2])<<32))
		return fs, w[n:]
	}
	switch t {
	case attrNum, attrNumText:
		f.Num = math.Float64frombits(uint64(w[1]) | uint64(w[2])<<32)
		f.IsNum = true
		if t == attrNum {
			f.Value = strconv.FormatFloat(f.Num, 'f', -1, 64)
		} else {
			f.Value = symAt(syms, w[3])
		}
	case attrArena:
		f.Value = string(arenaGet(arena, uint64(w[1])|uint64(w[2])<<32, int(w[3])))
	case attrPacked:
		f.Value = unpackedValue(w)
	default:
		f.Value = symAt(syms, w[1])
	}
	switch f.Key {
	case keyCursor:
		lo.cursor = f.Value
		return fs, w[n:]
	case keyEnd:
		lo.end = f.Value
		return fs, w[n:]
	case keyAuditStamp:
		lo.audit = f.Value
		return fs, w[n:]
	case keyTemplate:
		lo.template = f.Value
		return fs, w[n:]
	}
	return append(fs, f), w[n:]
}

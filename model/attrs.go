package model

import (
	"math"
	"strconv"
)

// An entry's indexed fields are stored as words: a count, then four words a
// field. Word 0 of a field is the key's symbol with the value's encoding in
// its top two bits:
//
//	attrSym:    w1 = value symbol
//	attrNum:    w1,w2 = float64 bits, w3 = text symbol or numCanonical
//	attrArena:  w1,w2 = byte-arena offset, w3 = length
//
// Values that repeat (users, modules, resources) are interned; values that
// are unique per entry (connection ids, cursors, long text) go to the byte
// arena so the symbol table does not grow with every line.
const (
	attrSym   = 0
	attrNum   = 1
	attrArena = 2

	attrTypeShift = 30
	attrKeyMask   = 1<<attrTypeShift - 1
	numCanonical  = math.MaxUint32 // the text is strconv's shortest form of the number

	// maxIndexedFields bounds one entry's indexed fields; the rest are still
	// available through a full load (Reparse).
	maxIndexedFields = 256
	// maxInternLen is the longest value worth interning.
	maxInternLen = 48
)

// notIndexed are keys the index leaves out: they are long, unique and
// rebuilt by a full load. Queries that name them ask for a full load.
var notIndexed = map[string]bool{KeyMessage: true, KeyStacktrace: true}

// uniqueKeys hold values that are unique per entry: interning them would
// only grow the symbol table.
var uniqueKeys = map[string]bool{
	KeyConnID: true, KeySessionID: true, KeyAuditID: true, KeyRequestID: true,
	KeyCreatedAt: true, KeyFlowStart: true, KeyFlowEnd: true, KeyFlowLogged: true,
	keyCursor: true,
}

// Pseudo-fields carry per-line origin data through the index: a journal
// entry's cursor, and the receive time when it differs from the entry's time.
const (
	keyCursor   = "__CURSOR"
	keyReceived = "__RECEIVED" // unix nanoseconds
)

// lineOrigin is the per-line part of an Origin, kept beside the fields.
type lineOrigin struct {
	cursor   string
	received int64 // 0 = same as the entry's time
}

// IsIndexed reports whether the store keeps key in an entry's index, so that
// a query naming it can run on index loads alone.
func IsIndexed(key string) bool { return !notIndexed[key] }

// encodeAttrs turns fields into words, interning or arena-storing values.
func (s *Store) encodeAttrs(fs Fields, lo lineOrigin, buf []uint32) []uint32 {
	buf = append(buf[:0], 0)
	n := 0
	add := func(f Field) {
		if n >= maxIndexedFields || notIndexed[f.Key] {
			return
		}
		key := s.syms.intern(f.Key)
		switch {
		case f.IsNum:
			bits := math.Float64bits(f.Num)
			text := uint32(numCanonical)
			if f.Value != strconv.FormatFloat(f.Num, 'f', -1, 64) {
				text = s.syms.intern(f.Value)
			}
			buf = append(buf, key|attrNum<<attrTypeShift, uint32(bits), uint32(bits>>32), text)
		case len(f.Value) > maxInternLen || uniqueKeys[f.Key]:
			off := s.arena.put([]byte(f.Value))
			s.mem += int64(len(f.Value))
			buf = append(buf, key|attrArena<<attrTypeShift, uint32(off), uint32(off>>32), uint32(len(f.Value)))
		default:
			buf = append(buf, key|attrSym<<attrTypeShift, s.syms.intern(f.Value), 0, 0)
		}
		n++
	}
	for _, f := range fs {
		add(f)
	}
	if lo.cursor != "" {
		add(Str(keyCursor, lo.cursor))
	}
	if lo.received != 0 {
		add(Int(keyReceived, lo.received))
	}
	if n == 0 {
		return buf[:0]
	}
	buf[0] = uint32(n)
	return buf
}

// decodeAttrs rebuilds fields from words, appending to fs. It returns the
// per-line origin separately, since it is not made of parsed fields.
func decodeAttrs(ws []uint32, syms [][]string, arena [][]byte, fs Fields) (Fields, lineOrigin) {
	n := int(ws[0])
	var lo lineOrigin
	for i := 0; i < n; i++ {
		w := ws[1+4*i : 5+4*i]
		f := Field{Key: symAt(syms, w[0]&attrKeyMask)}
		switch w[0] >> attrTypeShift {
		case attrNum:
			f.Num = math.Float64frombits(uint64(w[1]) | uint64(w[2])<<32)
			f.IsNum = true
			if w[3] == numCanonical {
				f.Value = strconv.FormatFloat(f.Num, 'f', -1, 64)
			} else {
				f.Value = symAt(syms, w[3])
			}
		case attrArena:
			f.Value = string(arenaGet(arena, uint64(w[1])|uint64(w[2])<<32, w[3]))
		default:
			f.Value = symAt(syms, w[1])
		}
		switch f.Key {
		case keyCursor:
			lo.cursor = f.Value
		case keyReceived:
			lo.received = int64(f.Num)
		default:
			fs = append(fs, f)
		}
	}
	return fs, lo
}

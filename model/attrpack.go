package model

import "strconv"

// A value bound for the value arena (unique to its entry, see uniqueKeys;
// of a volatile key; or long) is kept there as text, unless its text is one
// the index can rebuild exactly from a few words: a Twingate connection id,
// sixteen hex digits and a sequence number ("e755ba99988db558-24"), one per
// ANALYTICS event, is 3 or 4 words instead of 4 words and 18 bytes. The
// first word holds the form beside the key:
//
//	packedHexSeq:      w0 = key; w1,w2 = the 64 bits of the hex digits, w3 = the number   (4 words)
//	packedHexSeqShort: w0 = key:11 | number:13; w1,w2 = the hex digits' bits    (3 words)
//	packedReceived:    w0 = the receive time's distance from the row's time, in
//	                   nanoseconds, signed 24 bits; the key is receivedSym        (1 word)
//
// The short forms serve the common case: a key among the first symbols, a
// connection's first thousands of events, and a line received within 8 ms
// of its own time (a container runtime's timestamp against an event's).
const (
	attrPacked      = 7
	packedFormShift = 24
	packedFormMask  = 1<<(attrTypeShift-packedFormShift) - 1
	packedKeyMask   = 1<<packedFormShift - 1
	hexSeqDigits    = 16

	packedHexSeq      = 0
	packedHexSeqShort = 1
	packedReceived    = 2

	shortSeqBits  = 13
	shortSeqMask  = 1<<shortSeqBits - 1
	shortKeyMask  = 1<<(packedFormShift-shortSeqBits) - 1
	receivedLimit = 1 << (packedFormShift - 1) // a packed receive time is nearer than this
)

// packedWords is how many words a packed field takes, by form; a form not
// made takes 1, so that a walk over words always advances.
var packedWords = [packedFormMask + 1]int{packedHexSeq: 4, packedHexSeqShort: 3, packedReceived: 1}

func init() {
	for i, n := range packedWords {
		if n == 0 {
			packedWords[i] = 1
		}
	}
}

// fieldWords returns how many words the field whose first word is w0
// takes, its key word included.
func fieldWords(w0 uint32) int {
	t := w0 >> attrTypeShift
	if t == attrPacked {
		return packedWords[w0>>packedFormShift&packedFormMask]
	}
	return attrWords[t]
}

// packHexSeq returns the words of v in the packedHexSeq form for the key
// with symbol key, or the packedHexSeqShort form when they fit it (then
// only the first three words are the field's), and false when v is not
// exactly sixteen lowercase hex digits, "-" and a decimal number below 2^32
// without leading zeros, or the key's symbol does not fit beside the form.
func packHexSeq(key uint32, v string) ([4]uint32, bool) {
	if key > packedKeyMask {
		return [4]uint32{}, false
	}
	bits, n, ok := parseHexSeq(v)
	if !ok {
		return [4]uint32{}, false
	}
	if key <= shortKeyMask && n <= shortSeqMask {
		w0 := attrPacked<<attrTypeShift | packedHexSeqShort<<packedFormShift | key<<shortSeqBits | uint32(n)
		return [4]uint32{w0, uint32(bits >> 32), uint32(bits)}, true
	}
	return [4]uint32{attrPacked<<attrTypeShift | packedHexSeq<<packedFormShift | key, uint32(bits >> 32), uint32(bits), uint32(n)}, true
}

// packedKey returns the key symbol of the packed field whose first word is
// w0.
func packedKey(w0 uint32) uint32 {
	switch w0 >> packedFormShift & packedFormMask {
	case packedHexSeqShort:
		return w0 >> shortSeqBits & shortKeyMask
	case packedReceived:
		return receivedSym
	}
	return w0 & packedKeyMask
}

// packReceived returns the word of a receive time d nanoseconds after the
// row's time, and false when it is too far for it.
func packReceived(d int64) (uint32, bool) {
	if d < -receivedLimit || d >= receivedLimit {
		return 0, false
	}
	return attrPacked<<attrTypeShift | packedReceived<<packedFormShift | uint32(d)&packedKeyMask, true
}

// packedReceivedDelta returns the distance a packedReceived word holds.
func packedReceivedDelta(w0 uint32) int64 {
	return int64(int32(w0<<(32-packedFormShift)) >> (32 - packedFormShift))
}

// lowerHexDigit returns the value of the lowercase hex digit c.
// IsConnID reports whether v is written as a Twingate connection id is:
// sixteen lowercase hex digits, "-" and its sequence number, a decimal
// below 2^32 without leading zeros ("2ad8d54a58d092c2-1").
func IsConnID(v string) bool {
	_, _, ok := parseHexSeq(v)
	return ok
}

// parseHexSeq reads a connection id (see IsConnID) as its hex digits and
// its sequence number.
func parseHexSeq(v string) (bits, n uint64, ok bool) {
	if len(v) < hexSeqDigits+2 || len(v) > hexSeqDigits+11 || v[hexSeqDigits] != '-' {
		return 0, 0, false
	}
	for i := range hexSeqDigits {
		d, ok := lowerHexDigit(v[i])
		if !ok {
			return 0, 0, false
		}
		bits = bits<<4 | uint64(d)
	}
	seq := v[hexSeqDigits+1:]
	if len(seq) > 1 && seq[0] == '0' {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(seq, 10, 32)
	return bits, n, err == nil
}

func lowerHexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// unpackedValue rebuilds the text of the packed value whose words begin
// at w: exactly the text packHexSeq was given.
func unpackedValue(w []uint32) string {
	bits := uint64(w[1])<<32 | uint64(w[2])
	var b [hexSeqDigits + 11]byte
	for i := hexSeqDigits - 1; i >= 0; i-- {
		b[i] = "0123456789abcdef"[bits&0xf]
		bits >>= 4
	}
	b[hexSeqDigits] = '-'
	seq := w[0] & shortSeqMask
	if w[0]>>packedFormShift&packedFormMask == packedHexSeq {
		seq = w[3]
	}
	return string(strconv.AppendUint(b[:hexSeqDigits+1], uint64(seq), 10))
}

package model

import "strconv"

// A value bound for the value arena (unique to its entry, see uniqueKeys;
// of a volatile key; or long) is kept there as text, unless its text is one
// the index can rebuild exactly from a few words: a Twingate connection id, sixteen hex digits and a sequence
// number ("e755ba99988db558-24"), one per ANALYTICS event, is 4 words
// instead of 4 words and 18 bytes. The first word holds the form beside
// the key:
//
//	attrPacked, packedHexSeq: w1,w2 = the 64 bits of the hex digits, w3 = the number   (4 words)
const (
	attrPacked      = 7
	packedFormShift = 24
	packedKeyMask   = 1<<packedFormShift - 1
	packedHexSeq    = 0
	hexSeqDigits    = 16
)

// packHexSeq returns the words of v in the packedHexSeq form for the key
// with symbol key, and false when v is not exactly sixteen lowercase hex
// digits, "-" and a decimal number below 2^32 without leading zeros, or
// the key's symbol does not fit beside the form.
func packHexSeq(key uint32, v string) ([4]uint32, bool) {
	if key > packedKeyMask || len(v) < hexSeqDigits+2 || len(v) > hexSeqDigits+11 || v[hexSeqDigits] != '-' {
		return [4]uint32{}, false
	}
	var bits uint64
	for i := range hexSeqDigits {
		d, ok := lowerHexDigit(v[i])
		if !ok {
			return [4]uint32{}, false
		}
		bits = bits<<4 | uint64(d)
	}
	seq := v[hexSeqDigits+1:]
	if len(seq) > 1 && seq[0] == '0' {
		return [4]uint32{}, false
	}
	n, err := strconv.ParseUint(seq, 10, 32)
	if err != nil {
		return [4]uint32{}, false
	}
	return [4]uint32{attrPacked<<attrTypeShift | packedHexSeq<<packedFormShift | key, uint32(bits >> 32), uint32(bits), uint32(n)}, true
}

// lowerHexDigit returns the value of the lowercase hex digit c.
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
	return string(strconv.AppendUint(b[:hexSeqDigits+1], uint64(w[3]), 10))
}

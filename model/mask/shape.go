package mask

import (
	"encoding/binary"
	"math/bits"
)

// Shape writes the shape of b into dst, which must hold len(b) bytes, and
// returns its hash: b with each digit but '0' written as '1'. A line's
// template depends on its shape alone, when the template holds no digit
// (HoldsDigit): no shape the masker knows reads the value of a digit but
// whether it is a zero (a hex prefix, a serial's leading zero), and the
// digits a template holds are those of a token no shape knows ("eth1"),
// copied as they were. So a template found for a line may be given to
// every line of the same shape (FuzzTemplateFollowsShape).
func Shape(dst, b []byte) uint64 {
	h := uint64(len(b))
	if len(b) < 8 {
		var w [8]byte
		copy(w[:], b)
		s := shapeWord(binary.LittleEndian.Uint64(w[:]))
		binary.LittleEndian.PutUint64(w[:], s)
		copy(dst, w[:len(b)])
		return (h ^ s) * 0x9E3779B97F4A7C15
	}
	// The bytes after the last whole eight are shaped as the last eight,
	// which the shape and the hash take twice: alike for every line of a
	// shape.
	last := binary.LittleEndian.Uint64(b[len(b)-8:])
	out := dst[len(b)-8 : len(b)]
	for len(b) >= 8 {
		w := shapeWord(binary.LittleEndian.Uint64(b))
		binary.LittleEndian.PutUint64(dst, w)
		h = bits.RotateLeft64((h^w)*0x9E3779B97F4A7C15, 29)
		b, dst = b[8:], dst[8:]
	}
	if len(b) > 0 {
		w := shapeWord(last)
		binary.LittleEndian.PutUint64(out, w)
		h = bits.RotateLeft64((h^w)*0x9E3779B97F4A7C15, 29)
	}
	return h * 0x9E3779B97F4A7C15
}

// shapeWord returns the eight bytes w with each of their digits 1-9 as '1'.
func shapeWord(w uint64) uint64 {
	l := w & low7
	digit := (l + (0x80-'1')*ones) &^ (l + (0x80-'9'-1)*ones) &^ w & high // '1' <= byte <= '9'
	m := (digit >> 7) * 0xFF                                              // 0xFF in each such byte
	return w&^m | m&('1'*ones)
}

// HoldsDigit reports whether a template holds a digit: one it copied from
// its line, which a line of the same shape need not share (see Shape). It
// tests eight bytes at a time: it is asked of most templates a decoder
// makes.
func HoldsDigit(template string) bool {
	t := template
	for ; len(t) >= 8; t = t[8:] {
		w := stringWord(t)
		l := w & low7
		if (l+(0x80-'0')*ones)&^(l+(0x80-'9'-1)*ones)&^w&high != 0 {
			return true
		}
	}
	for i := 0; i < len(t); i++ {
		if isDigit(t[i]) {
			return true
		}
	}
	return false
}

// stringWord returns the first eight bytes of s as a little-endian
// number: one load.
func stringWord(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

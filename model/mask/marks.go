package mask

import (
	"encoding/binary"
	"math/bits"
)

// nextMark returns the index of the first mark (a digit, an '@' or a
// quote: what lineBetweenMarks stops at) in line[i:], or len(line). It
// tests eight bytes at a time: most of a line is words and spaces.
func nextMark(line []byte, i int) int {
	rest := line[i:]
	for ; len(rest) >= 16; rest = rest[16:] {
		lo, hi := markBits(binary.LittleEndian.Uint64(rest)), markBits(binary.LittleEndian.Uint64(rest[8:]))
		if lo|hi != 0 {
			if lo != 0 {
				return len(line) - len(rest) + bits.TrailingZeros64(lo)/8
			}
			return len(line) - len(rest) + 8 + bits.TrailingZeros64(hi)/8
		}
	}
	for j, c := range rest {
		if class[c]&(clsDigit|clsAt|clsQuote) != 0 {
			return len(line) - len(rest) + j
		}
	}
	return len(line)
}

// Constants of the byte-wise arithmetic in markBits.
const (
	ones = 0x0101010101010101
	low7 = 0x7f7f7f7f7f7f7f7f
	high = 0x8080808080808080
)

// markBits returns w, eight bytes of a line, with the high bit of each
// byte set where that byte is a mark and every other bit clear. Each byte
// is tested on its low seven bits, whose sums never carry into the next
// byte, so every bit is exact; a byte with its high bit set (UTF-8 beyond
// ASCII) is never a mark.
func markBits(w uint64) uint64 {
	l := w & low7
	digit := (l + (0x80-'0')*ones) &^ (l + (0x80-'9'-1)*ones) // '0' <= byte <= '9'
	return (digit | equal(l, '@') | equal(l, '"') | equal(l, '\'')) &^ w & high
}

// equal returns the high bit of each byte of l (seven-bit bytes) set where
// the byte is c.
func equal(l uint64, c byte) uint64 {
	return ^((l ^ uint64(c)*ones) + low7)
}

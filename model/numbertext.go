package model

import (
	"math"
	"strconv"
)

// numberText appends strconv's text of n (FormatFloat, 'f', -1), with
// bits its bits. An integer of at most 2^53 that is not -0, such as an
// event's time in milliseconds, is its own shortest text, which AppendInt
// writes in a fraction of the time.
func numberText(dst []byte, n float64, bits uint64) []byte {
	if i := int64(n); float64(i) == n && -maxExactInt <= i && i <= maxExactInt && (i != 0 || bits == 0) {
		return strconv.AppendInt(dst, i, 10)
	}
	return strconv.AppendFloat(dst, n, 'f', -1, 64)
}

// maxExactInt bounds the integers that are all exactly float64s (2^53).
const maxExactInt = 1 << 53

// isNumberText reports whether text is numberText's text of n, whose bits
// are bits. An event's coordinates (40.7128, -74.006) are short decimals
// with a fraction, which it tells without writing n's shortest text, the
// costliest step of encoding such a field: see shortDecimal.
func isNumberText(text string, n float64, bits uint64) bool {
	if v, ok := shortDecimal(text); ok {
		return math.Float64bits(v) == bits
	}
	var buf [32]byte
	return text == string(numberText(buf[:0], n, bits))
}

// shortDecimal reads text when it is written as FormatFloat's 'f' text
// of a number with a fraction ("-"?, an integer part without leading
// zeros, ".", digits not ending in 0) of at most 15 significant digits.
// Such a decimal is the shortest text of the float64 nearest it: two
// decimals of 15 significant digits are never nearest to one float64, so
// none shorter reads as it. And that float64 is found exactly: its digits
// as an integer (below 10^15) and its power of ten (at most 10^22) are
// both exact, and one division rounds once.
func shortDecimal(text string) (float64, bool) {
	i := 0
	if i < len(text) && text[i] == '-' {
		i++
	}
	point := i
	for point < len(text) && isDecimalDigit(text[point]) {
		point++
	}
	places := len(text) - point - 1
	if point == i || text[i] == '0' && point-i > 1 || places < 1 || places >= len(exactPowersOfTen) ||
		text[point] != '.' || text[len(text)-1] == '0' {
		return 0, false
	}
	var digits uint64
	significant := 0
	for j := i; j < len(text); j++ {
		if j == point {
			continue
		}
		c := text[j]
		if !isDecimalDigit(c) {
			return 0, false
		}
		digits = digits*10 + uint64(c-'0')
		if digits != 0 {
			significant++
		}
		if significant > 15 {
			return 0, false // before digits could overflow
		}
	}
	v := float64(digits) / exactPowersOfTen[places]
	if i > 0 {
		v = -v
	}
	return v, true
}

func isDecimalDigit(c byte) bool { return c >= '0' && c <= '9' }

// exactPowersOfTen are the powers of ten that are float64s exactly.
var exactPowersOfTen = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// isDecimalOf reports whether text is i's decimal text, as
// strconv.FormatInt writes it, reading text once instead of writing i's
// text to compare: a check made for every small integer field an event
// has (its ports, byte counts, durations).
func isDecimalOf(text string, i int64) bool {
	u := uint64(i) // i's magnitude, also for the smallest int64
	if i < 0 {
		if len(text) < 2 || text[0] != '-' {
			return false
		}
		text, u = text[1:], -u
	}
	// At most 19 digits, which never overflow a uint64; no leading zero.
	if len(text) == 0 || len(text) > 19 || text[0] == '0' && len(text) > 1 {
		return false
	}
	var v uint64
	for j := 0; j < len(text); j++ {
		c := text[j] - '0'
		if c > 9 {
			return false
		}
		v = v*10 + uint64(c)
	}
	return v == u
}

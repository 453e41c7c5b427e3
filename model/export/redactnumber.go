package export

import (
	"strconv"
	"strings"

	"connlog/model"
)

// A JSON document writes a number as its writer likes: the id 113256 may
// be 113256.0 or 1.13256e5 in a line whose writer held it as a float. It is
// the same id, so a field holding it gets the pseudonym of its digits, as
// the event that wrote 113256 gave it, and a line's number under an id's
// key is looked up by its digits. An id written as digits (-200903, 007)
// keeps its spelling: a string's leading zeros are part of it.

// A line's text may write an id so too (user_id=113256.0, user=+113256,
// user=1.13256e+05), or end a sentence with it (user=113256.): numberAt
// reads such a number where a run of word bytes begins, so that the id it
// spells is replaced where the id as digits would be.

// numberAt returns the integer the number at the run s[i:j] of word bytes
// spells, and the number's bounds: a '+' before the run and an exponent's
// '+' and digits after it are the number's, full stops ending the run are
// not. ok is false when the run does not open with a digit (or '-' and a
// digit), is an integer as written (which the caller looked up as such),
// or spells no integer; and when, written without an exponent, its
// integer would have a length whose bit (see lengthBit) lens lacks: most
// numbers in a line (an address, a duration) are passed over so without
// being read.
func numberAt(s string, i, j int, lens uint64) (from, to int, id string, ok bool) {
	if d := i + boolInt(s[i] == '-' && j > i+1); s[d] < '0' || s[d] > '9' {
		return 0, 0, "", false
	}
	from, to = i, j
	if i > 0 && s[i-1] == '+' && (i == 1 || !tokenByte(s[i-2])) {
		from = i - 1
	}
	for to > i && s[to-1] == '.' {
		to--
	}
	if c := s[to-1] | 0x20; c == 'e' && to == j && j+1 < len(s) && s[j] == '+' {
		for to = j + 1; to < len(s) && s[to] >= '0' && s[to] <= '9'; to++ {
		}
		if to < len(s) && tokenByte(s[to]) {
			return 0, 0, "", false
		}
	}
	if from == i && to == j && isInteger(s[i:j]) {
		return 0, 0, "", false
	}
	number := strings.TrimPrefix(s[from:to], "+")
	if n, ok := integerLen(number); ok && lens&lengthBit(n) == 0 {
		return 0, 0, "", false
	}
	id, ok = integralSpelling(number)
	return from, to, id, ok
}

// integerLen returns the length of the integer that the number v written
// without an exponent would spell (see integralSpelling): its sign and the
// digits before its point, less leading zeros. ok is false for a number
// with an exponent.
func integerLen(v string) (int, bool) {
	if strings.ContainsAny(v, "eE") {
		return 0, false
	}
	sign := boolInt(strings.HasPrefix(v, "-"))
	whole, _, _ := strings.Cut(v[sign:], ".")
	if whole = strings.TrimLeft(whole, "0"); whole == "" {
		return 1, true
	}
	return sign + len(whole), true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// maxIDExponent bounds the exponent of a number read as an id: 1e400 is an
// integer, but no id has 400 digits, and writing them out would cost.
const maxIDExponent = 30

// fieldID is the id a user or device id field names: a number by its
// digits (see integralSpelling), anything else as written.
func fieldID(f *model.Field) string {
	if f.IsNum {
		if id, ok := integralSpelling(f.Value); ok {
			return id
		}
	}
	return f.Value
}

// integralSpelling returns the integer the JSON number v spells, as digits
// with a '-' when negative: v itself when written so, 113256 for 113256.0
// or 1.13256e5. ok is false when v is no number, or not an integer.
func integralSpelling(v string) (string, bool) {
	if isInteger(v) {
		return v, true
	}
	mant, exp, hasExp := cutExponent(v)
	neg := strings.HasPrefix(mant, "-")
	whole, frac, hasPoint := strings.Cut(strings.TrimPrefix(mant, "-"), ".")
	if !allDigits(whole) || hasPoint && !allDigits(frac) {
		return "", false
	}
	e := 0
	if hasExp {
		var ok bool
		if e, ok = idExponent(exp); !ok {
			return "", false
		}
	}
	digits, ok := shiftPoint(whole, frac, e)
	if !ok {
		return "", false
	}
	if digits = strings.TrimLeft(digits, "0"); digits == "" {
		return "0", true
	}
	if neg {
		return "-" + digits, true
	}
	return digits, true
}

// shiftPoint returns the digits of whole.frac times 10^e, when that is an
// integer: the digits the point leaves after it must be zeros.
func shiftPoint(whole, frac string, e int) (string, bool) {
	if e >= 0 {
		if !allZeros(frac[min(e, len(frac)):]) {
			return "", false
		}
		return whole + frac[:min(e, len(frac))] + strings.Repeat("0", max(e-len(frac), 0)), true
	}
	keep := max(len(whole)+e, 0)
	if !allZeros(frac) || !allZeros(whole[keep:]) {
		return "", false
	}
	return whole[:keep], true
}

// cutExponent splits a JSON number at its e or E.
func cutExponent(v string) (mant, exp string, ok bool) {
	i := strings.IndexAny(v, "eE")
	if i < 0 {
		return v, "", false
	}
	return v[:i], v[i+1:], true
}

// idExponent reads a JSON number's exponent (5, +5, -2), within
// maxIDExponent.
func idExponent(s string) (int, bool) {
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if !allDigits(digits) || len(digits) > 3 {
		return 0, false
	}
	e, err := strconv.Atoi(digits)
	if strings.HasPrefix(s, "-") {
		e = -e
	}
	return e, err == nil && -maxIDExponent <= e && e <= maxIDExponent
}

// isInteger reports digits with an optional leading '-'.
func isInteger(v string) bool { return allDigits(strings.TrimPrefix(v, "-")) }

// allZeros reports a run of '0's, the empty one included.
func allZeros(s string) bool { return strings.Trim(s, "0") == "" }

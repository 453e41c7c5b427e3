package query

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Unit lists as the error messages show them.
const (
	sizeUnits     = "B, KB, MB, GB, TB, PB, EB, KiB, MiB, GiB, TiB, PiB, EiB"
	durationUnits = "ns, us, ms, s, m, h, d"
)

// sizeUnit gives the bytes in one unit; sizes are decimal unless they say
// "i" (KB=1e3, KiB=1024), as HumanBytes prints them. It holds every unit
// the table writes, up to EB and EiB.
var sizeUnit = map[string]float64{
	"b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15, "eb": 1e18,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40, "pib": 1 << 50, "eib": 1 << 60,
}

// durationUnit gives the milliseconds in one unit: durations are stored in
// milliseconds (model.Field).
var durationUnit = map[string]float64{
	"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "μs": 1e-3, "ms": 1,
	"s": 1e3, "m": 60e3, "h": 3600e3, "d": 86400e3,
}

// SizeUnits lists the size units ParseSize and the query language accept,
// for messages.
const SizeUnits = sizeUnits

// ParseSize reads a size the way a query's size values are read — a
// number with an optional unit, decimal unless the unit says "i" (KB=1e3,
// KiB=1024), a plain number being bytes — and returns it in bytes. It is
// the one size parser of the command line and the query language; it
// refuses inf, nan, hex and underscores, and results too large for a
// float64. On the command line a space may stand between the number and
// its unit ("512 MiB"), which a query value cannot hold unquoted.
func ParseSize(s string) (bytes float64, ok bool) {
	s = strings.TrimSpace(s)
	if _, unit, ok := splitNumber(s); ok {
		if u := strings.TrimLeft(unit, " \t"); u != "" && isLetter(u[0]) {
			s = s[:len(s)-len(unit)] + u
		}
	}
	return parseQuantity(s, classSize)
}

// parseQuantity reads a number with an optional unit, converted to the unit
// the field stores: bytes for sizes, milliseconds for durations. A plain
// number is taken as it is.
func parseQuantity(s string, class valueClass) (float64, bool) {
	n, unit, ok := splitNumber(s)
	if !ok {
		return 0, false
	}
	if unit == "" {
		return n, true
	}
	if class != classDuration {
		if f, ok := sizeUnit[strings.ToLower(unit)]; ok {
			n *= f
			return n, !math.IsInf(n, 0)
		}
		if class == classSize {
			return 0, false
		}
	}
	ms, ok := parseDurationMS(s)
	return ms, ok
}

// quantityError explains why a value is not a number the field can compare.
func quantityError(pos int, s string, class valueClass) *Error {
	switch class {
	case classSize:
		return errAt(pos, fmt.Sprintf("%q is not a size (units: %s)", s, sizeUnits))
	case classDuration:
		return errAt(pos, fmt.Sprintf("%q is not a duration (units: %s)", s, durationUnits))
	}
	return errHint(pos, fmt.Sprintf("%q is not a number", s),
		"numbers may carry a size unit ("+sizeUnits+") or a duration unit ("+durationUnits+")")
}

// parseDurationMS reads a duration such as 30s, 1.5h, 250ms or -1h30m and
// returns it in milliseconds; a leading sign applies to the whole. A plain
// number is milliseconds.
func parseDurationMS(s string) (float64, bool) {
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	if n, rest, ok := splitNumberPrefix(s, false); ok && rest == "" {
		return sign * n, true
	}
	total := 0.0
	for first := true; first || s != ""; first = false {
		n, rest, ok := splitNumberPrefix(s, false)
		if !ok {
			return 0, false
		}
		unit := rest
		if i := strings.IndexAny(rest, "+-.0123456789"); i >= 0 {
			unit = rest[:i]
		}
		f, ok := durationUnit[strings.ToLower(unit)]
		if !ok {
			return 0, false
		}
		total += n * f
		s = rest[len(unit):]
	}
	if math.IsInf(total, 0) {
		return 0, false
	}
	return sign * total, true
}

// splitNumber splits s into a leading number and the unit after it.
func splitNumber(s string) (float64, string, bool) {
	return splitNumberPrefix(s, true)
}

// splitNumberPrefix reads the number at the start of s: an optional sign
// (when signed is true), digits with an optional fraction and exponent. It
// refuses what strconv would also accept but a log query should not: inf,
// nan, hex and underscores.
func splitNumberPrefix(s string, signed bool) (float64, string, bool) {
	i := 0
	if signed && i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && (isDigit(s[i]) || s[i] == '.'); i++ {
		if isDigit(s[i]) {
			digits++
		}
	}
	if digits == 0 {
		return 0, s, false
	}
	if i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if s[j] == '+' || s[j] == '-' {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	n, err := strconv.ParseFloat(s[:i], 64)
	if err != nil || math.IsInf(n, 0) {
		return 0, s, false
	}
	return n, s[i:], true
}

// isLetter reports whether c is an ASCII letter, as units start with.
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

package model

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// HumanBytes formats a byte count the way the table shows it: 512B, 1.5KB,
// 23MB (decimal units, as the query language's KB/MB/GB).
func HumanBytes(n float64) string {
	return humanSize(n, 1000, "B", false)
}

// HumanBytesIEC formats a memory size in binary units, the way budgets
// are given (--max-memory 512MiB): 900KiB, 1.5MiB, 512MiB.
func HumanBytesIEC(n float64) string {
	return humanSize(n, 1024, "iB", true)
}

// sizePrefixes are the unit prefixes humanSize writes, smallest first; the
// query language reads each of them (KB … EB, KiB … EiB).
const sizePrefixes = "KMGTPE"

// humanSize divides n by unit until it is below one unit (or the prefixes
// run out) and writes it with one decimal below 100, and with none when
// wholeBare is set and the value is whole (512MiB rather than 512.0MiB).
// A value that rounds up to a whole unit is written in the next one:
// 999,999 B is 1.0MB, not 1000KB.
func humanSize(n, unit float64, suffix string, wholeBare bool) string {
	if n < 0 {
		return "-" + humanSize(-n, unit, suffix, wholeBare)
	}
	i := -1
	for n >= unit && i < len(sizePrefixes)-1 {
		n /= unit
		i++
	}
	text := sizeNumber(n, i, wholeBare)
	if v, _ := strconv.ParseFloat(text, 64); v >= unit && i < len(sizePrefixes)-1 {
		n /= unit
		i++
		text = sizeNumber(n, i, wholeBare)
	}
	if i < 0 {
		return text + "B"
	}
	return text + string(sizePrefixes[i]) + suffix
}

// sizeNumber writes n of prefix i (-1: bytes, written whole): one decimal
// below 100, judged on the rounded value (99.96 is 100, not 100.0).
func sizeNumber(n float64, i int, wholeBare bool) string {
	if i < 0 || wholeBare && n == math.Trunc(n) {
		return strconv.FormatFloat(n, 'f', 0, 64)
	}
	s := strconv.FormatFloat(n, 'f', 1, 64)
	if v, _ := strconv.ParseFloat(s, 64); v >= 100 {
		s = strconv.FormatFloat(n, 'f', 0, 64)
	}
	return s
}

// Milliseconds in the units HumanDuration writes.
const (
	msPerSecond = 1e3
	msPerMinute = 60 * msPerSecond
	msPerHour   = 60 * msPerMinute
	msPerDay    = 24 * msPerHour
	// Past hoursDays days the hours are left out, and past manyDays the
	// days are written with a power of ten: a connection of years is a bad
	// value, shown in no more than the 8 characters of a DUR cell.
	hoursDays = 1000
	manyDays  = 1e6
)

// HumanDuration formats milliseconds compactly: 850ms, 30.1s, 50m34s,
// 3h02m, 2d4h, 115740d, 1.1e+11d, -30ms. Each part is cut, not rounded, so
// that no part reaches its next unit (59,999 ms is 59.9s). It computes in
// floats, so a duration of centuries is what it says, not an overflow.
func HumanDuration(ms float64) string {
	if ms < 0 {
		return "-" + HumanDuration(-ms)
	}
	whole := func(x float64) string { return strconv.FormatFloat(math.Trunc(x), 'f', 0, 64) }
	switch {
	case ms < msPerSecond:
		return whole(ms) + "ms"
	case ms < msPerMinute:
		return strconv.FormatFloat(math.Trunc(ms/100)/10, 'f', 1, 64) + "s"
	case ms < msPerHour:
		return whole(ms/msPerMinute) + "m" + pad2(math.Mod(ms, msPerMinute)/msPerSecond) + "s"
	case ms < 48*msPerHour:
		return whole(ms/msPerHour) + "h" + pad2(math.Mod(ms, msPerHour)/msPerMinute) + "m"
	case ms < hoursDays*msPerDay:
		return whole(ms/msPerDay) + "d" + whole(math.Mod(ms, msPerDay)/msPerHour) + "h"
	case ms < manyDays*msPerDay:
		return whole(ms/msPerDay) + "d"
	}
	return strconv.FormatFloat(ms/msPerDay, 'e', 1, 64) + "d"
}

// pad2 writes the whole part of n (below 100) in two digits.
func pad2(n float64) string {
	s := strconv.Itoa(int(n))
	if n < 10 {
		return "0" + s
	}
	return s
}

// FieldBytes is the value of key as HumanBytes writes it; a value that is
// not a number is its text, a missing one "".
func FieldBytes(fs Fields, key string) string {
	f, _ := fs.Get(key)
	return BytesText(f)
}

// BytesText is a field holding bytes as the table shows it: HumanBytes of
// its number (18.4EB, -5B), or its text when it is not one ("NaN").
func BytesText(f Field) string { return humanText(f, HumanBytes) }

// FieldDuration is the value of key, in milliseconds, as HumanDuration
// writes it; a value that is not a number is its text, a missing one "".
func FieldDuration(fs Fields, key string) string {
	f, _ := fs.Get(key)
	return DurationText(f)
}

// DurationText is a field holding milliseconds as the table shows it:
// HumanDuration of its number (-5ms, 1.2e+11d), or its text when it is not
// one.
func DurationText(f Field) string { return humanText(f, HumanDuration) }

// humanText is f's number as human writes it, or its text when it is not
// a number.
func humanText(f Field, human func(float64) string) string {
	if f.IsNum {
		return human(f.Num)
	}
	return f.Value
}

// ShortDuration writes a duration rounded to the second without its zero
// tails: 15m, 1h30m, 1h, 45s.
func ShortDuration(d time.Duration) string {
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

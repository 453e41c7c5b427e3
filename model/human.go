package model

import (
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

// humanSize divides n by unit until it is below one unit (or the prefixes
// run out) and writes it with one decimal below 100, and with none when
// wholeBare is set and the value is whole (512MiB rather than 512.0MiB).
func humanSize(n, unit float64, suffix string, wholeBare bool) string {
	if n < unit {
		return strconv.FormatFloat(n, 'f', 0, 64) + "B"
	}
	const prefixes = "KMGTPE"
	i := -1
	for n >= unit && i < len(prefixes)-1 {
		n /= unit
		i++
	}
	prec := 1
	if n >= 100 || wholeBare && n == float64(int64(n)) {
		prec = 0
	}
	return strconv.FormatFloat(n, 'f', prec, 64) + string(prefixes[i]) + suffix
}

// HumanDuration formats milliseconds compactly: 850ms, 30.1s, 50m34s, 3h02m, 2d4h.
func HumanDuration(ms float64) string {
	if ms < 1000 {
		return strconv.FormatFloat(ms, 'f', 0, 64) + "ms"
	}
	d := time.Duration(ms * float64(time.Millisecond))
	switch {
	case d < time.Minute:
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m" + pad2(int(d%time.Minute/time.Second)) + "s"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h" + pad2(int(d%time.Hour/time.Minute)) + "m"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + "d" + strconv.Itoa(int(d%(24*time.Hour)/time.Hour)) + "h"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
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

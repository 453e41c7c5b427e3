package main

import (
	"fmt"
	"strconv"
	"strings"
)

// limit is how much to write: a number of bytes of output, or a number of
// generated lines.
type limit struct {
	bytes int64
	lines int64
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	// Longest suffixes first, so that "KiB" is not read as "B".
	{"lines", 0}, {"line", 0},
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30},
	{"B", 1},
}

// parseSize reads "1GiB", "200MB", "512KiB", "10000lines" or a plain byte
// count. Decimal fractions are allowed with a unit ("1.5GiB").
func parseSize(s string) (limit, error) {
	t := strings.TrimSpace(s)
	for _, u := range sizeUnits {
		if len(t) <= len(u.suffix) || !strings.EqualFold(t[len(t)-len(u.suffix):], u.suffix) {
			continue
		}
		num := strings.TrimSpace(t[:len(t)-len(u.suffix)])
		if u.mult == 0 {
			n, err := strconv.ParseInt(num, 10, 64)
			if err != nil || n <= 0 {
				return limit{}, fmt.Errorf("size %q: want a positive whole number of lines, like 10000lines", s)
			}
			return limit{lines: n}, nil
		}
		return bytesLimit(s, num, u.mult)
	}
	return bytesLimit(s, t, 1)
}

func bytesLimit(orig, num string, mult int64) (limit, error) {
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || !(f > 0) || f*float64(mult) >= 1<<62 {
		return limit{}, fmt.Errorf("size %q: want a positive size like 1GiB, 200MB or 10000lines", orig)
	}
	n := int64(f * float64(mult))
	if n < 1 {
		n = 1
	}
	return limit{bytes: n}, nil
}

// done reports whether the output reached the limit.
func (l limit) done(bytes, lines int64) bool {
	if l.lines > 0 {
		return lines >= l.lines
	}
	return bytes >= l.bytes
}

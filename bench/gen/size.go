package main

import (
	"fmt"
	"strconv"
	"strings"

	"connlog/model/query"
)

// limit is how much to write: a number of bytes of output, or a number of
// generated lines.
type limit struct {
	bytes int64
	lines int64
}

// maxBytes is the largest size the generator takes, far beyond any disk.
const maxBytes = 1 << 62

// parseSize reads "10000lines" (or "1line") or a byte size as connlog's
// size parser reads it ("1GiB", "200MB", "512KiB", "1.5GiB", a plain byte
// count; units: query.SizeUnits).
func parseSize(s string) (limit, error) {
	t := strings.TrimSpace(s)
	for _, suffix := range []string{"lines", "line"} {
		if len(t) > len(suffix) && strings.EqualFold(t[len(t)-len(suffix):], suffix) {
			n, err := strconv.ParseInt(strings.TrimSpace(t[:len(t)-len(suffix)]), 10, 64)
			if err != nil || n <= 0 {
				return limit{}, fmt.Errorf("size %q: want a positive whole number of lines, like 10000lines", s)
			}
			return limit{lines: n}, nil
		}
	}
	f, ok := query.ParseSize(t)
	if !ok || !(f > 0) || f >= maxBytes {
		return limit{}, fmt.Errorf("size %q: want a positive size like 1GiB, 200MB or 10000lines (units: %s)", s, query.SizeUnits)
	}
	return limit{bytes: max(int64(f), 1)}, nil
}

// done reports whether the output reached the limit.
func (l limit) done(bytes, lines int64) bool {
	if l.lines > 0 {
		return lines >= l.lines
	}
	return bytes >= l.bytes
}

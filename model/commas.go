package model

import (
	"strconv"
	"strings"
)

// Commas formats n with thousands separators: 1,234,567. The interface and
// the words the model writes into entries (a gap's message) group a count
// alike.
func Commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:] // the digits, even of the smallest int64
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

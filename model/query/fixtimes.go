package query

import (
	"strings"
	"time"
)

// FixTimes returns src with the time of each since:, until: and time term
// written as the moment it names under opt, in RFC 3339 UTC: a query kept
// in a file (a bundle's manifest) is run again later and elsewhere, where
// 15m, yesterday or a time without a zone would name other moments. A
// time without a date is kept as written when opt.Day is zero (its day is
// not known yet). Everything else in src is kept byte for byte; a query
// that does not compile is returned as it is, with its error.
func FixTimes(src string, opt Options) (string, error) {
	if _, err := Compile(src, opt); err != nil {
		return src, err
	}
	toks, err := lex(src)
	if err != nil {
		return src, inSource(err, src)
	}
	dayKnown := !opt.Day.IsZero()
	opt = opt.withDefaults()
	var b strings.Builder
	done := 0
	for _, t := range toks {
		if !namesTime(t) || NeedsDay(t.value) && !dayKnown {
			continue
		}
		at, perr := ParseTime(t.value, opt)
		if perr != nil {
			continue // Compile read it; a time it read is one ParseTime reads
		}
		b.WriteString(src[done:t.valuePos])
		b.WriteString(at.UTC().Format(time.RFC3339Nano))
		done = t.end
	}
	if done == 0 {
		return src, nil
	}
	b.WriteString(src[done:])
	return b.String(), nil
}

// namesTime reports whether t is a term whose value is a time: since:,
// until:, or time with an operator.
func namesTime(t token) bool {
	if t.kind != tokField || t.literal {
		return false
	}
	if isTimeBound(t.text) {
		return true
	}
	a, ok := lookupAlias(t.text)
	return ok && a.Attr == AttrTime
}

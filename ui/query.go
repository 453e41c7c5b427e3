package ui

import (
	"errors"
	"strings"
	"time"

	"connlog/model/query"
)

// compileQuery compiles a query with the interface's clock, zone and day
// of the data.
func compileQuery(src string, opt query.Options) (*query.Query, error) {
	return query.Compile(src, opt)
}

// queryErrorAt returns the byte position of a compile error, for the
// caret, and its message, which says the column too; errors that carry no
// position point at the start.
func queryErrorAt(err error) (int, string) {
	var qe *query.Error
	if errors.As(err, &qe) {
		msg := qe.Where()
		if qe.Hint != "" {
			msg += " — " + qe.Hint
		}
		return qe.Pos, msg
	}
	return 0, err.Error()
}

// parseGotoTime reads the go-to prompt: what since: takes, plus "-10m" for
// ten minutes ago, the way one says it.
func parseGotoTime(s string, opt query.Options) (time.Time, error) {
	t, err := query.ParseTime(s, opt)
	if err != nil && strings.HasPrefix(s, "-") {
		if t2, err2 := query.ParseTime(s[1:], opt); err2 == nil {
			return t2, nil
		}
	}
	return t, err
}

package query

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// Error is a query that could not be compiled. Pos is the byte offset in the
// query text where the problem was found, so that the filter bar can put the
// cursor there; Column is the same place as people count it, in characters
// from 1, which is what the message says. Msg names what was expected and
// Hint, when set, says how to fix it.
type Error struct {
	Pos    int
	Column int
	Msg    string
	Hint   string
	// Err is the underlying cause (a regexp or time parsing error), if any.
	Err error
}

// Error formats the message as `<msg> at column <n>[ — <hint>]`.
func (e *Error) Error() string {
	s := e.Where()
	if e.Hint != "" {
		s += " — " + e.Hint
	}
	return s
}

// Where is the message and the column it names, without the hint.
func (e *Error) Where() string {
	col := e.Column
	if col < 1 { // made outside Compile, which knows the text: the bytes count
		col = e.Pos + 1
	}
	return e.Msg + " at column " + strconv.Itoa(col)
}

// Unwrap returns the underlying cause, so that errors.Is and errors.As see it.
func (e *Error) Unwrap() error { return e.Err }

// errAt builds an *Error without a hint.
func errAt(pos int, msg string) *Error { return &Error{Pos: pos, Msg: msg} }

// errHint builds an *Error with a hint.
func errHint(pos int, msg, hint string) *Error { return &Error{Pos: pos, Msg: msg, Hint: hint} }

// inSource sets the column of a compile error of src: the characters before
// its byte offset, plus one. Other errors pass through.
func inSource(err error, src string) error {
	var qe *Error
	if errors.As(err, &qe) {
		qe.Column = utf8.RuneCountInString(src[:min(max(qe.Pos, 0), len(src))]) + 1
	}
	return err
}

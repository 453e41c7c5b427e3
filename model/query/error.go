package query

import "strconv"

// Error is a query that could not be compiled. Pos is the byte offset in the
// query text where the problem was found, so that the filter bar can put the
// cursor there; Msg names what was expected and Hint, when set, says how to
// fix it.
type Error struct {
	Pos  int
	Msg  string
	Hint string
	// Err is the underlying cause (a regexp or time parsing error), if any.
	Err error
}

// Error formats the message as `<msg> at <pos>[ — <hint>]`.
func (e *Error) Error() string {
	s := e.Msg + " at " + strconv.Itoa(e.Pos)
	if e.Hint != "" {
		s += " — " + e.Hint
	}
	return s
}

// Unwrap returns the underlying cause, so that errors.Is and errors.As see it.
func (e *Error) Unwrap() error { return e.Err }

// errAt builds an *Error without a hint.
func errAt(pos int, msg string) *Error { return &Error{Pos: pos, Msg: msg} }

// errHint builds an *Error with a hint.
func errHint(pos int, msg, hint string) *Error { return &Error{Pos: pos, Msg: msg, Hint: hint} }

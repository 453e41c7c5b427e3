// Package cell holds how a field of an entry reads in a few characters —
// an event name shortened to the word that matters, a byte count or a
// duration made human — so that the table's columns and the detail card
// say the same thing the same way. The text it returns is not yet made
// inert: callers draw it through theme.Clean.
package cell

import "connlog/model"

// Event shortens the analytics event names to the word that matters.
func Event(e *model.Entry) string {
	switch ev := e.Fields.Value(model.KeyEventType); ev {
	case model.EventEstablished:
		return "established"
	case model.EventClosed:
		return "closed"
	case model.EventFailed:
		return "failed"
	case model.EventDenied:
		return "denied"
	default:
		return ev
	}
}

// Bytes reads a field holding a byte count as a human size; a value that
// is not a number is shown as it is.
func Bytes(key string) func(e *model.Entry) string {
	return func(e *model.Entry) string { return model.FieldBytes(e.Fields, key) }
}

// Duration reads a field holding milliseconds as a human duration, a
// negative one with its sign; a value that is not a number is shown as it
// is.
func Duration(key string) func(e *model.Entry) string {
	return func(e *model.Entry) string { return model.FieldDuration(e.Fields, key) }
}

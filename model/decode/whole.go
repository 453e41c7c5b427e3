package decode

import "connlog/model"

// FieldsWhole reports whether e, as a decoder made it, holds every field a
// full parse of its line yields (Reparse): false for a line decoded lean,
// whose fields are left to a re-parse, and for a service line decoded with
// its indexed fields only (Options.IndexService), which lacks the message
// a service line's parse always has. An ANALYTICS event decoded for the
// index is parsed whole. The decoder's tests and FuzzDecoder hold every
// option to it (checkWhole).
func FieldsWhole(e *model.Entry) bool {
	if IsLean(e) {
		return false
	}
	if e.Kind == model.KindService && !e.IsMark() {
		_, ok := e.Fields.Get(model.KeyMessage)
		return ok
	}
	return true
}

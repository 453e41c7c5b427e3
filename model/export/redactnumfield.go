package export

import (
	"bytes"
	"strings"

	"connlog/model"
	"connlog/model/envelope"
)

// A parser reads some strings of a JSON document as the numbers they spell
// (an event's "rx":"113256" is the byte count 113256), and the field is
// then a number, while the line still quotes it. The line's redaction reads
// the quoted value (see quotedIDFits): a learned id of four digits or more
// becomes its pseudonym there. The field must say what the line says, so
// it is redacted as the quoted value it was read from, and becomes the
// pseudonym, a string, where the line's did.

// redactQuotedNumber redacts f, a number field of e that its line may have
// written as a string, as that string is redacted. A number the line wrote
// bare, or that is no learned id, stays.
func redactQuotedNumber(r *Redactor, e *model.Entry, f *model.Field, set *secretSet) {
	if !spellsLearnedID(r, set, f.Value) {
		return
	}
	quoted, inJSON := quotedInPayload(e.Payload, f)
	if !quoted {
		return
	}
	red := redactQuotedField(r, f, set)
	if !inJSON {
		// A cell is quoted under no key (,"7",), where a short id is
		// replaced too: the field is redacted as the cell.
		red = redactQuoted(f.Value, func(s string) string { return redactText(r, s, set) }, 0)
	}
	if red != f.Value {
		*f = model.Str(f.Key, red)
	}
}

// spellsLearnedID reports whether the number v spells an id the record
// revealed or the export learned: only such a number may be replaced, so
// that the others, nearly all, cost no look at the payload.
func spellsLearnedID(r *Redactor, set *secretSet, v string) bool {
	id, ok := integralSpelling(v)
	if !ok {
		return false
	}
	for _, it := range set.items {
		if it.value == id || it.value == v {
			return true
		}
	}
	if _, ok := r.known.id(id); ok {
		return true
	}
	_, ok = r.known.id(v)
	return ok
}

// quotedInPayload reports whether payload quotes the value of f, which
// the parser read as a number: a JSON document of it as a string under f's
// key (its last word: "rx" of connection.rx), or, when it holds no JSON
// document, a line as a value quoted whole (a CSV cell's "113256")
// wherever it writes it: a line that also writes it bare (another cell's
// 113256) does not say which of them the field was read from, and keeps
// the number in that place too. inJSON says which.
func quotedInPayload(payload []byte, f *model.Field) (quoted, inJSON bool) {
	found, hasDoc := quotedInJSON(payload, f)
	if hasDoc {
		return found, true
	}
	s := string(payload)
	quotedCells, bare := 0, 0
	replaceWhere(s, f.Value, "", func(from, to int) bool {
		switch {
		case quotedAt(s, from, to):
			quotedCells++
		case standsAlone(s, from, to, true):
			bare++
		}
		return false
	})
	return quotedCells > 0 && bare == 0, false
}

// quotedInJSON reports whether a JSON document of payload holds the value
// of f as a string under f's key, and whether payload holds a document.
func quotedInJSON(payload []byte, f *model.Field) (found, hasDoc bool) {
	want := lastPathWord(f.Key)
	for open := bytes.IndexByte(payload, '{'); open >= 0; {
		doc := payload[open:]
		var keys jsonKeyPath
		end, ok := envelope.EachJSONText(doc, func(t envelope.JSONText) {
			key := keys.visit(doc, t)
			found = found || t.Form == envelope.JSONString && key != "" &&
				lastPathWord(key) == want && string(t.Value) == f.Value
		})
		hasDoc = hasDoc || ok
		if found {
			return true, true
		}
		if !ok {
			end = 1
		}
		next := bytes.IndexByte(doc[end:], '{')
		if next < 0 {
			return false, hasDoc
		}
		open += end + next
	}
	return false, hasDoc
}

// lastPathWord is the last member of a dotted key path: rx of connection.rx.
func lastPathWord(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

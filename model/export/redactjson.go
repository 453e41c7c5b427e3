package export

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"connlog/model/envelope"
)

// maxJSONNesting bounds how deep redaction reads a JSON document held in
// a string of another (an ANALYTICS payload in a journal JSON MESSAGE, a
// location held as a JSON string); deeper, the text is redacted as written.
const maxJSONNesting = 4

// A JSON document may spell a value otherwise than it says it: with escapes
// ("anna\u0040example.com", "10\u002e0.0.1", "a\/b"), or, in a line of
// `journalctl -o json`, as an array of byte values ([49,48,46,...]), which
// journalctl writes for a value that is not printable text. Whoever reads
// the export decodes them, and the journal export does itself; a redaction
// of the text as written would see neither the address nor the email. So
// each key and value of a JSON document is decoded, redacted, and written
// again in its own form when redaction changed it; the rest of the document
// keeps its bytes, and stays as valid as it was.

// textRedactor redacts text as written, with no encoding to read.
type textRedactor func(string) string

// redactEncoded returns s with the personal data plain finds replaced,
// also where a JSON document in s encodes it: from the first '{' of s, a
// valid document is redacted text by text (see above); the text around
// it, plainly.
func redactEncoded(s string, plain textRedactor) string { return redactNested(s, plain, 0, nil) }

// redactedDoc is a JSON document a line holds and its redaction.
type redactedDoc struct{ doc, red string }

// redactNested is redactEncoded of a text depth documents deep. At the
// top, it appends to docs (unless nil) each document it redacted.
func redactNested(s string, plain textRedactor, depth int, docs *[]redactedDoc) string {
	open := strings.IndexByte(s, '{')
	if open < 0 || depth >= maxJSONNesting {
		return plain(s)
	}
	doc, end, ok := redactJSONDoc(s[open:], plain, depth)
	if !ok {
		return plain(s)
	}
	if docs != nil {
		*docs = append(*docs, redactedDoc{doc: s[open : open+end], red: doc})
	}
	return plain(s[:open]) + doc + redactNested(s[open+end:], plain, depth, docs)
}

// jsonEdit replaces doc[from:to] with text.
type jsonEdit struct {
	from, to int
	text     []byte
}

// redactJSONDoc redacts the JSON document that opens doc, and returns it
// and its length in doc; ok is false when doc opens no valid document.
func redactJSONDoc(doc string, plain textRedactor, depth int) (string, int, bool) {
	var edits []jsonEdit
	var keys jsonKeyPath
	d := []byte(doc)
	end, ok := envelope.EachJSONText(d, func(t envelope.JSONText) {
		if text, changed := redactJSONText(t, keys.visit(d, t), plain, depth); changed {
			edits = append(edits, jsonEdit{from: t.From, to: t.To, text: text})
		}
	})
	if !ok || !json.Valid(d[:end]) {
		return "", 0, false
	}
	var b strings.Builder
	last := 0
	for _, ed := range edits {
		b.WriteString(doc[last:ed.from])
		b.Write(ed.text)
		last = ed.to
	}
	b.WriteString(doc[last:end])
	return b.String(), end, true
}

// redactJSONText redacts what one key or value says, and returns it
// written again in its form when redaction changed it: a number (a long
// id, or a learned one its key names) becomes a string, which a pseudonym
// needs. key is the path of the key naming the value, "" for none (see
// jsonKeyPath): the value is redacted as a line writes it after its key
// (see afterKey).
func redactJSONText(t envelope.JSONText, key string, plain textRedactor, depth int) ([]byte, bool) {
	v := string(t.Value)
	var red string
	if t.Form == envelope.JSONToken {
		red = redactBareUnder(key, v, plain)
	} else {
		red = redactQuotedUnder(key, v, plain, depth+1)
	}
	if red == v {
		return nil, false
	}
	if t.Form == envelope.JSONBytes {
		return appendByteValues(nil, red), true
	}
	return appendJSONValue(nil, red), true
}

// redactBareUnder redacts a bare value v (a number) written under the key
// path key, as a line would write it (user_id=113933), so that a learned
// id is replaced where its key says what it is: written as its digits
// (-200903), or otherwise (113256.0, see numberAt).
func redactBareUnder(key, v string, plain textRedactor) string {
	if !namesID(key) {
		return plain(v)
	}
	if red, ok := afterKey(idKeyWord(key), v, plain); ok {
		return red
	}
	return plain(v)
}

// redactQuotedUnder is redactQuoted of a string under the key path key,
// as a line would write it (count="2"), so that a quoted number is an id
// only where its key may say so (see quotedIDFits). Only a string that
// opens as a number does (113256, -2, +1e5) may be one: the key of any
// other is not read.
func redactQuotedUnder(key, v string, plain textRedactor, depth int) string {
	if v == "" || !mayOpenNumber(v[0]) {
		return redactQuoted(v, plain, depth)
	}
	word := keyContext(key)
	if word == "" {
		return redactQuoted(v, plain, depth)
	}
	written := word + `="`
	red, ok := strings.CutPrefix(redactNested(written+v+`"`, plain, depth, nil), written)
	if inner, quoted := strings.CutSuffix(red, `"`); ok && quoted {
		return inner
	}
	return redactQuoted(v, plain, depth)
}

// afterKey redacts text as a line writes it after the key word
// (word=text), and returns it less the key; ok is false when redaction
// changed the key.
func afterKey(word, text string, redact textRedactor) (string, bool) {
	written := word + "="
	return strings.CutPrefix(redact(written+text), written)
}

// mayOpenNumber reports the bytes a number may open with.
func mayOpenNumber(c byte) bool { return c >= '0' && c <= '9' || c == '-' || c == '+' }

// cutQuotes returns s less the double quotes around it.
func cutQuotes(s string) (string, bool) {
	if inner, ok := strings.CutPrefix(s, `"`); ok {
		return strings.CutSuffix(inner, `"`)
	}
	return s, false
}

// appendJSONValue writes s as a JSON string, or, when it is not valid
// UTF-8, as byte values, which keep its bytes exactly.
func appendJSONValue(dst []byte, s string) []byte {
	if utf8.ValidString(s) {
		return AppendJSONString(dst, s)
	}
	return appendByteValues(dst, s)
}

// redactQuoted redacts a string's value as it stands in its document,
// between quotes, which is where a short id is replaced.
func redactQuoted(v string, plain textRedactor, depth int) string {
	if inner, ok := cutQuotes(redactNested(`"`+v+`"`, plain, depth, nil)); ok {
		return inner
	}
	return redactNested(v, plain, depth, nil)
}

// appendByteValues writes s as journalctl writes a binary value: [104,105].
func appendByteValues(dst []byte, s string) []byte {
	dst = append(dst, '[')
	for i := 0; i < len(s); i++ {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendUint(dst, uint64(s[i]), 10)
	}
	return append(dst, ']')
}

// redactJournalFields writes a line read as journal JSON that is no valid
// JSON (the reader takes such a line as leniently as journalctl's output
// needs) again from the fields the reader reads in it, each name and value
// redacted: a reader of the export then decodes only what the redactor
// saw. ok is false when the line is no journal JSON.
func redactJournalFields(line []byte, plain textRedactor) (string, bool) {
	b := []byte{'{'}
	ok := envelope.JournalJSONFields(line, func(name, value []byte) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		key := string(envelope.JSONStringValue(name))
		b = appendJSONValue(b, redactQuoted(key, plain, 0))
		b = append(b, ':')
		b = appendJSONValue(b, redactQuotedUnder(key, string(value), plain, 0))
	})
	return string(append(b, '}')), ok
}

package envelope

import "bytes"

// A docker json-file record and a journalctl -o json line write their text
// as JSON: the table shows `processing "health" request` where the line
// holds `processing \"health\" request`, and a message journalctl found
// unprintable is an array of byte values. A search of such a line also
// reads it decoded (AppendJSONDecoded), and only when one of its escapes
// can give a character the search looks for (EachJSONEscape): a docker
// record's one escape is most often the \n that ends its log string.

// WritesTextAsJSON reports whether a line of the envelope named name (as
// model.Origin.Envelope names it) is a JSON document that writes its
// payload as a JSON value, escaped. A record of connlog's own ndjson
// export is not: its entry is read back with its sender's raw line and
// envelope.
func WritesTextAsJSON(name string) bool {
	return name == dockerJSONName || name == journalJSONName
}

var (
	dockerJSONName  = DockerJSON.String()
	journalJSONName = JournalJSON.String()
)

// JSONDecoded is the memory AppendJSONDecoded works in, kept by a caller
// that decodes many lines so that it is allocated once.
type JSONDecoded struct {
	Text    []byte // the last line decoded
	scratch []byte
}

// Decode sets d.Text to line, a JSON document, with every string's escapes
// resolved and every array of byte values written as its bytes, each still
// between quotes, and the rest as it is: what the table and the detail
// pane show of its values, in the line's order. It reports false when
// line does not open with a document it can read (Text is then empty).
func (d *JSONDecoded) Decode(line []byte) bool {
	out, at := d.Text[:0], 0
	end, ok := eachJSONText(line, &d.scratch, func(t JSONText) {
		if t.Form == JSONToken {
			return
		}
		out = append(out, line[at:t.From]...)
		out = append(append(append(out, '"'), t.Value...), '"')
		at = t.To
	})
	if !ok {
		d.Text = out[:0]
		return false
	}
	d.Text = append(append(out, line[at:end]...), line[end:]...)
	return true
}

// EachJSONEscape calls fn with what each escape of the JSON document line
// decodes to, in order: a rune (a lone surrogate as itself), or -1 for an
// array of byte values, which may decode to any byte. A line without a
// backslash or an array of numbers calls it never.
func EachJSONEscape(line []byte, fn func(r rune)) {
	for i := 0; ; {
		k := bytes.IndexByte(line[i:], '\\')
		if k < 0 {
			break
		}
		e := i + k
		n, ok := escapeLen(line, e)
		if !ok {
			i = e + 1
			continue
		}
		fn(escapedRune(line, e))
		i = e + n
	}
	for i := 0; ; {
		k := bytes.IndexByte(line[i:], '[')
		if k < 0 {
			return
		}
		i += k + 1
		if j := skipSpace(line, i); j < len(line) && isDigit(line[j]) {
			fn(-1)
			return
		}
	}
}

// escapedRune decodes the escape at line[e], which escapeLen has checked
// (a \u escape as one UTF-16 unit). Any other character after the
// backslash ('"', '\\', '/' and anything scanString let through) stands
// for itself.
func escapedRune(line []byte, e int) rune {
	switch c := line[e+1]; c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'u':
		return hex4(line, e+2)
	default:
		return rune(c)
	}
}

package envelope

// JSONTextForm is how a JSON document writes one of its texts.
type JSONTextForm uint8

// The forms of a text.
const (
	JSONString JSONTextForm = iota // a key or a string value, quoted, with its escapes
	JSONBytes                      // an array of byte values: journalctl's form of a value that is not printable text
	JSONToken                      // a number, true, false, null, or any other bare word
)

// JSONText is one key or value of a JSON document: where the document
// writes it and what it says.
type JSONText struct {
	From, To int    // its bytes in the document, quotes or brackets included
	Value    []byte // what it says: escapes resolved, byte values as bytes, a token as written
	Form     JSONTextForm
}

// EachJSONText calls fn with every key and every value held in the JSON
// object or array that opens doc (doc[0] is '{' or '['), in order, and
// returns the index just past its closing bracket. An array whose first
// value is a number is a binary value (a byte each, as journalctl writes a
// value that is not printable text), read whole when every value is a
// byte. It checks no more of the grammar than strings and brackets: a
// string with an unknown escape or no end, or brackets that do not close,
// make ok false; whether the rest is JSON is the caller's to check. Value
// is valid during the call only.
func EachJSONText(doc []byte, fn func(JSONText)) (end int, ok bool) {
	var buf []byte
	return eachJSONText(doc, &buf, fn)
}

// eachJSONText is EachJSONText with the buffer the values are decoded
// into, so that a caller that reads many documents reuses one.
func eachJSONText(doc []byte, buf *[]byte, fn func(JSONText)) (end int, ok bool) {
	if len(doc) == 0 || doc[0] != '{' && doc[0] != '[' {
		return 0, false
	}
	depth := 0
	for i := 0; i < len(doc); {
		switch c := doc[i]; {
		case c == '{' || c == '[':
			if j, ok := byteArrayAt(doc, i, buf, fn); ok {
				if depth == 0 {
					return j, true
				}
				i = j
				continue
			}
			depth++
			i++
		case c == '}' || c == ']':
			depth--
			i++
			if depth == 0 {
				return i, true
			}
		case c == '"':
			s, j, ok := scanString(doc, i)
			if !ok {
				return i, false
			}
			*buf = appendUnescaped((*buf)[:0], doc[s.start:s.end])
			fn(JSONText{From: i, To: j, Value: *buf, Form: JSONString})
			i = j
		case c == ',' || c == ':' || isSpace(c):
			i++
		default:
			j := tokenEnd(doc, i)
			fn(JSONText{From: i, To: j, Value: doc[i:j], Form: JSONToken})
			i = j
		}
	}
	return len(doc), false
}

// byteArrayAt reads the binary value that opens at doc[i], if it is one,
// and reports it to fn.
func byteArrayAt(doc []byte, i int, buf *[]byte, fn func(JSONText)) (end int, ok bool) {
	first := skipSpace(doc, i+1)
	if doc[i] != '[' || first >= len(doc) || !isDigit(doc[first]) {
		return i, false
	}
	v, b, end, ok := journalByteArray(doc, first, (*buf)[:0])
	*buf = b
	if !ok {
		return i, false
	}
	fn(JSONText{From: i, To: end, Value: v, Form: JSONBytes})
	return end, true
}

// tokenEnd returns the end of the bare token at doc[i] where skipValue
// ends it: at whitespace, a comma or a closing bracket.
func tokenEnd(doc []byte, i int) int {
	j, _ := skipValue(doc, i)
	return j
}

// JSONStringValue returns what the content of a JSON string (between its
// quotes, as JournalJSONFields gives a key) says, its escapes resolved.
func JSONStringValue(content []byte) []byte { return appendUnescaped(nil, content) }

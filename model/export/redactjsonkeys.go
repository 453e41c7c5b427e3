package export

import "connlog/model/envelope"

// jsonKeyPath follows the keys of a JSON document as EachJSONText visits its
// texts, so that a value can be read with the key that names it, and the
// key of the object that holds it ({"user":{"id":113933}} names the number
// user.id): a number is an id only where its key says so (see keyedID).
// Between two texts a document holds no string, so the brackets found
// there open and close its objects and arrays.
type jsonKeyPath struct {
	parents []jsonFrame // the objects and arrays open, outermost first
	key     string      // the key read last, while its value is to come
	last    int         // where the text visited last ended
}

// jsonFrame is an object or an array open in a document, and the key whose
// value it is ("" for none). An array's values, and the objects in it,
// take the array's key: {"user":[113933]} lists users.
type jsonFrame struct {
	key   string
	array bool
}

// visit reads the document up to text t and returns the path naming t when
// t is a value under a key ("user_id", "user.id"), "" otherwise.
func (p *jsonKeyPath) visit(doc []byte, t envelope.JSONText) string {
	for _, c := range doc[p.last:t.From] {
		switch c {
		case '{', '[':
			p.parents = append(p.parents, jsonFrame{key: p.valueKey(), array: c == '['})
			p.key = ""
		case '}', ']':
			if n := len(p.parents); n > 0 {
				p.parents = p.parents[:n-1]
			}
			p.key = ""
		case ',':
			p.key = ""
		}
	}
	p.last = t.To
	if t.Form == envelope.JSONString && followedByColon(doc, t.To) {
		p.key = string(t.Value)
		return ""
	}
	if n := len(p.parents); p.key != "" && n > 0 && !p.parents[n-1].array && p.parents[n-1].key != "" {
		return p.parents[n-1].key + "." + p.key
	}
	return p.valueKey()
}

// valueKey is the key the next value is under: the key read last, or in an
// array the array's.
func (p *jsonKeyPath) valueKey() string {
	if n := len(p.parents); p.key == "" && n > 0 && p.parents[n-1].array {
		return p.parents[n-1].key
	}
	return p.key
}

// followedByColon reports whether the next byte of doc from i that is not
// a blank is a ':', which makes the string before it a key.
func followedByColon(doc []byte, i int) bool {
	for ; i < len(doc); i++ {
		switch doc[i] {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return doc[i] == ':'
	}
	return false
}

package payload

import (
	"strconv"

	"connlog/model"
)

// fieldList collects a result's fields up to a bound, so that a hostile
// record cannot grow one entry without limit.
type fieldList struct {
	fs  model.Fields
	max int
}

func newFieldList(capacity, max int) fieldList {
	return fieldList{fs: make(model.Fields, 0, capacity), max: max}
}

func (fl *fieldList) full() bool { return len(fl.fs) >= fl.max }

func (fl *fieldList) add(f model.Field) {
	if len(fl.fs) < fl.max {
		fl.fs = append(fl.fs, f)
	}
}

// addAll adds fs in order, as many as the bound leaves room for: what
// adding each would do, in one copy.
func (fl *fieldList) addAll(fs []model.Field) {
	fl.fs = append(fl.fs, fs[:min(len(fs), max(fl.max-len(fl.fs), 0))]...)
}

// str adds a text field.
func (fl *fieldList) str(key, value string) { fl.add(model.Field{Key: key, Value: value}) }

// num adds a numeric field whose text is the number as written.
func (fl *fieldList) num(key, text string, n float64) {
	fl.add(model.Field{Key: key, Value: text, Num: n, IsNum: true})
}

// scalar adds a JSON leaf as it is: strings as text, numbers numeric,
// booleans as "true"/"false". A null carries nothing and is left out, so
// that a query on the key treats it as missing.
func (fl *fieldList) scalar(key string, v scalar) {
	switch v.kind {
	case kindString:
		fl.str(key, v.text)
	case kindNumber:
		if v.isNum {
			fl.num(key, v.text, v.num)
		} else {
			fl.str(key, v.text)
		}
	case kindBool:
		fl.str(key, v.text)
	}
}

// numeric adds a field the schema says is a number. A number written as a
// string ("rx":"12") is accepted as that number; anything else is kept as
// text so that nothing is lost.
func (fl *fieldList) numeric(key string, v scalar) {
	if v.kind == kindString {
		if f, ok := parseNumber(v.text); ok {
			fl.num(key, v.text, f)
			return
		}
	}
	fl.scalar(key, v)
}

// id adds an identifier, which Twingate writes as a string holding a number
// but other producers may write as a number: both become the decimal text.
func (fl *fieldList) id(key string, v scalar) {
	if v.kind == kindNumber {
		fl.str(key, decimalText(v))
		return
	}
	fl.scalar(key, v)
}

// decimalText renders a JSON number as plain decimal text: integers as
// written, other forms (8.4014e4) through their float value.
func decimalText(v scalar) string {
	if isPlainInt(v.text) || !v.isNum {
		return v.text
	}
	return strconv.FormatFloat(v.num, 'f', -1, 64)
}

func isPlainInt(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseNumber accepts a decimal number written as text, rejecting the
// forms strconv allows but JSON does not (hex, underscores, Inf, NaN).
func parseNumber(s string) (float64, bool) {
	if s == "" || len(s) > 64 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// joinPath appends key to a dotted path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// flatten adds every scalar under the next value to fl, keyed by its dotted
// path; array elements repeat their parent's key. It stops descending at
// maxDepth and stops adding at fl's bound, but always consumes the value.
func flatten(sc *scanner, fl *fieldList, path string, depth, maxDepth int) {
	switch k := sc.next(); k {
	case kindObject:
		if depth >= maxDepth || fl.full() {
			sc.skip()
			return
		}
		sc.object(func(key string) {
			if !fl.full() {
				flatten(sc, fl, joinPath(path, key), depth+1, maxDepth)
			}
		})
	case kindArray:
		if depth >= maxDepth || fl.full() {
			sc.skip()
			return
		}
		sc.array(func(int) {
			if !fl.full() {
				flatten(sc, fl, path, depth+1, maxDepth)
			}
		})
	default:
		v := sc.scalarOf(k)
		if path == "" {
			// A bare JSON scalar (a string on its own, or an element of a
			// top-level array) is the record's message.
			path = model.KeyMessage
		}
		fl.scalar(path, v)
	}
}

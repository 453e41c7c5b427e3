package model

import (
	"strconv"
)

// Field is one parsed key/value of an entry. Keys are dotted JSON paths as in
// the original record ("connection.rx", "user.email", "location.city"); a key
// may repeat when the record holds a list ("relays.ip" once per relay).
//
// Value is always the text as shown and as matched by globs. Numeric fields
// also carry Num, so that comparisons (rx>10MB) need no re-parsing. By
// convention durations are in milliseconds and sizes in bytes.
type Field struct {
	Key   string
	Value string
	Num   float64
	IsNum bool
}

// Fields is an entry's ordered list of parsed fields.
type Fields []Field

// Str builds a string field.
func Str(key, value string) Field { return Field{Key: key, Value: value} }

// Int builds an integer field.
func Int(key string, n int64) Field {
	return Field{Key: key, Value: strconv.FormatInt(n, 10), Num: float64(n), IsNum: true}
}

// Float builds a floating-point field.
func Float(key string, f float64) Field {
	return Field{Key: key, Value: strconv.FormatFloat(f, 'f', -1, 64), Num: f, IsNum: true}
}

// Bool builds a boolean field with the value "true" or "false".
func Bool(key string, b bool) Field { return Field{Key: key, Value: strconv.FormatBool(b)} }

// Get returns the first field with the key.
func (fs Fields) Get(key string) (Field, bool) {
	for _, f := range fs {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Value returns the first value of key, or "".
func (fs Fields) Value(key string) string {
	f, _ := fs.Get(key)
	return f.Value
}

// Num returns the numeric value of key and whether it had one.
func (fs Fields) Num(key string) (float64, bool) {
	f, ok := fs.Get(key)
	return f.Num, ok && f.IsNum
}

// All returns every value of a repeated key, in order.
func (fs Fields) All(key string) []string {
	var out []string
	for _, f := range fs {
		if f.Key == key {
			out = append(out, f.Value)
		}
	}
	return out
}

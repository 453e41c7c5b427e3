package envelope

// JournalJSONFields calls fn with each field of a line of `journalctl -o
// json`, in the line's order, its value as the journal holds it: a string
// unescaped, a number as written, an array of byte values (a value that is
// not printable text) as those bytes, and each value of an array of values
// (a field the entry has more than once) as a field of its own. A null
// (journalctl's word for a value it did not print) gives no field. The key
// is given as written, escapes unresolved; name and value are valid during
// the call only. ok is false, and fn is not called, when line is not a
// whole journal JSON object (see looksJournalJSON).
func JournalJSONFields(line []byte, fn func(name, value []byte)) (ok bool) {
	if !looksJournalJSON(line) {
		return false
	}
	it, _ := newObjIter(line)
	var buf []byte
	for {
		key, val, ok := it.next()
		if !ok {
			return true
		}
		buf = eachJournalValue(line, val, buf[:0], func(value []byte) { fn(key, value) })
		it.skip(val)
	}
}

// eachJournalValue calls fn with each value the JSON value at line[val]
// holds (see JournalJSONFields), decoding into buf, which it returns.
func eachJournalValue(line []byte, val int, buf []byte, fn func(value []byte)) []byte {
	if line[val] != '[' {
		if v, ok := journalScalar(line, val); ok {
			fn(v)
		}
		return buf
	}
	end, _ := skipValue(line, val) // whole: looksJournalJSON read it
	i := skipSpace(line, val+1)
	if line[i] != '"' && line[i] != '[' { // a binary value
		v, buf := journalBytes(line, i, buf)
		fn(v)
		return buf
	}
	// A field given more than once. The brackets match, but the array
	// between them may be no JSON: each step moves on, or ends it.
	for i < end-1 {
		var v []byte
		if line[i] == '[' {
			v, buf = journalBytes(line, skipSpace(line, i+1), buf)
			fn(v)
		} else if v, ok := journalScalar(line, i); ok {
			fn(v)
		}
		next, ok := skipValue(line, i)
		if !ok || next <= i {
			break
		}
		i = skipSpace(line, next)
		if i < end && line[i] == ',' {
			i = skipSpace(line, i+1)
		}
	}
	return buf
}

// journalScalar is the value of the string or number at line[val]; ok is
// false for anything else (null).
func journalScalar(line []byte, val int) ([]byte, bool) {
	v := journalValue(line, val)
	return v, v != nil || line[val] == '"'
}

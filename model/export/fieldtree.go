package export

import (
	"slices"
	"strings"

	"connlog/model"
)

// maxKeyDepth bounds how many dotted segments become nested objects; the
// rest of a longer (hostile) key stays one name, so nesting cannot recurse
// without limit.
const maxKeyDepth = 32

// valueKey names a node's own value when it also has children: "a" and "a.b"
// give {"a":{"_value":…,"b":…}}.
const valueKey = "_value"

// alwaysArray lists the keys that are arrays even with one value, so that
// their JSON type does not depend on how many relays a record names.
var alwaysArray = map[string]bool{model.KeyRelayIP: true, model.KeyRelayName: true, model.KeyRelayPort: true}

// fieldTree turns an entry's dotted keys into nested JSON objects. It keeps
// its scratch slices between entries.
type fieldTree struct {
	fs    model.Fields
	order []int // field indexes, sorted by key segment by segment
	pos   []int // per field: where its current segment starts
}

// appendObject appends fs as one JSON object with sorted keys.
func (t *fieldTree) appendObject(dst []byte, fs model.Fields) []byte {
	t.fs = fs
	t.order = t.order[:0]
	t.pos = t.pos[:0]
	for i := range fs {
		t.order = append(t.order, i)
		t.pos = append(t.pos, 0)
	}
	slices.SortStableFunc(t.order, func(a, b int) int { return compareKeys(fs[a].Key, fs[b].Key) })
	dst = t.object(dst, t.order, 0, nil)
	t.fs = nil
	return dst
}

// compareKeys orders keys byte by byte with "." before every other byte, so
// that all the keys under one parent are next to each other.
func compareKeys(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if ra, rb := keyRank(a[i]), keyRank(b[i]); ra != rb {
			return ra - rb
		}
	}
	return len(a) - len(b)
}

func keyRank(c byte) int {
	if c == '.' {
		return 0
	}
	return int(c) + 1
}

// segment returns field i's key segment at the given depth and where it ends.
func (t *fieldTree) segment(i, depth int) (string, int) {
	key, p := t.fs[i].Key, t.pos[i]
	if depth < maxKeyDepth {
		if dot := strings.IndexByte(key[p:], '.'); dot >= 0 {
			return key[p : p+dot], p + dot
		}
	}
	return key[p:], len(key)
}

// object appends the fields idx, which share every segment before depth, as
// one object; leaves are the fields whose key ends at the parent.
func (t *fieldTree) object(dst []byte, idx []int, depth int, leaves []int) []byte {
	dst = append(dst, '{')
	first := true
	if len(leaves) > 0 {
		dst = appendJSONKey(dst, valueKey)
		dst = t.values(dst, leaves)
		first = false
	}
	for i := 0; i < len(idx); {
		seg, _ := t.segment(idx[i], depth)
		j := i + 1
		for j < len(idx) {
			if s, _ := t.segment(idx[j], depth); s != seg {
				break
			}
			j++
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = appendJSONKey(dst, seg)
		dst = t.member(dst, idx[i:j], depth)
		i = j
	}
	return append(dst, '}')
}

// member appends the value of one name: the fields in group share the
// segment at depth. Those whose key ends there are its values; the others
// are its children.
func (t *fieldTree) member(dst []byte, group []int, depth int) []byte {
	k := 0
	for k < len(group) {
		if _, end := t.segment(group[k], depth); end != len(t.fs[group[k]].Key) {
			break
		}
		k++
	}
	leaves, children := group[:k], group[k:]
	if len(children) == 0 {
		return t.values(dst, leaves)
	}
	for _, c := range children {
		_, end := t.segment(c, depth)
		t.pos[c] = end + 1
	}
	return t.object(dst, children, depth+1, leaves)
}

// values appends one value, or an array when the key repeats.
func (t *fieldTree) values(dst []byte, idx []int) []byte {
	if len(idx) == 1 && !alwaysArray[t.fs[idx[0]].Key] {
		return appendFieldValue(dst, t.fs[idx[0]])
	}
	dst = append(dst, '[')
	for n, i := range idx {
		if n > 0 {
			dst = append(dst, ',')
		}
		dst = appendFieldValue(dst, t.fs[i])
	}
	return append(dst, ']')
}

// appendFieldValue writes numbers as numbers, "true" and "false" as
// booleans and everything else as a string.
func appendFieldValue(dst []byte, f model.Field) []byte {
	switch {
	case f.IsNum:
		return appendJSONNumber(dst, f.Value, f.Num)
	case f.Value == "true", f.Value == "false":
		return append(dst, f.Value...)
	}
	return AppendJSONString(dst, f.Value)
}

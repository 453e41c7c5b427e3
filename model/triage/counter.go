package triage

import (
	"sort"
	"strings"
)

// Other names the row that counts every value past a table's cap.
const Other = "(other)"

// counter counts the distinct values of one column up to a cap; values
// that arrive once the table is full are counted together as other.
type counter struct {
	max    int
	counts map[string]*count // a pointer, so that counting is one lookup
	other  int64
	total  int64
}

// count is how often a value was seen, and the keys it was read from (a
// mask of sources), which its filter names.
type count struct {
	n    int64
	keys uint32
}

func newCounter(max int) *counter { return &counter{max: max, counts: map[string]*count{}} }

// add counts v k times. v may alias a buffer that is reused: it is copied
// when it becomes a key.
func (c *counter) add(v string, k int64) { c.addKeyed(countKey(v, ""), k, 0) }

// addFrom counts v once, read from source s.
func (c *counter) addFrom(v string, s source) { c.addKeyed(countKey(v, ""), 1, s.bit()) }

// addKeyed counts a value under its key (countKey): long values are told
// apart by the whole of them, and cut only when shown.
func (c *counter) addKeyed(v string, k int64, keys uint32) {
	if v == "" {
		return
	}
	c.total += k
	if n := c.counts[v]; n != nil {
		n.n += k
		n.keys |= keys
		return
	}
	if len(c.counts) >= c.max {
		c.other += k
		return
	}
	c.counts[strings.Clone(v)] = &count{n: k, keys: keys}
}

// Value is one row of a top-N table.
type Value struct {
	Value string  `json:"value"`
	Count int64   `json:"count"`
	Share float64 `json:"share"` // of every counted value, other included
	// Other is true on the row that counts the values past the table's cap.
	Other bool `json:"other,omitempty"`
	// Truncated is true when Value is a value longer than maxValueLen
	// bytes, shown as its start and end around "…"; it was counted whole.
	Truncated bool `json:"truncated,omitempty"`
	// key is what the value was counted under (see countKey).
	key string
	// Buckets are the value's counts per histogram bucket, for a sparkline.
	Buckets []uint32 `json:"-"`
	// Keys are the keys a user, client IP or resource was read from, which
	// Term names.
	Keys []string `json:"-"`
}

// countedKey is the key v was counted under, in its table and the
// tables beside it (sparks, module errors).
func (v *Value) countedKey() string {
	if v.key != "" {
		return v.key
	}
	return v.Value
}

// top returns the n most frequent values, most frequent first (ties in
// value order), followed by the other row when values were turned away.
func (c *counter) top(n int) []Value {
	out := make([]Value, 0, min(n, len(c.counts))+1)
	for key, k := range c.counts {
		shown, cut := shownOf(key)
		out = append(out, Value{Value: shown, Truncated: cut, key: key, Count: k.n, Keys: keysOf(k.keys)})
	}
	sortValues(out)
	if len(out) > n {
		out = out[:n]
	}
	if c.other > 0 {
		out = append(out, Value{Value: Other, Count: c.other, Other: true})
	}
	for i := range out {
		out[i].Share = share(out[i].Count, c.total)
	}
	return out
}

func sortValues(vs []Value) {
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		if vs[i].Value != vs[j].Value {
			return vs[i].Value < vs[j].Value
		}
		return vs[i].key < vs[j].key // two long values shown alike
	})
}

func share(k, total int64) float64 {
	if total == 0 {
		return 0
	}
	return float64(k) / float64(total)
}

// get returns the count of the value counted under key.
func (c *counter) get(key string) int64 {
	if n := c.counts[key]; n != nil {
		return n.n
	}
	return 0
}

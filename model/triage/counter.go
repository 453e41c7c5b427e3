package triage

import (
	"sort"
	"strings"
)

// maxValueLen bounds a counted value's bytes: a hostile 20 KiB user name is
// counted under its first maxValueLen bytes.
const maxValueLen = 200

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
func (c *counter) add(v string, k int64) { c.addKeyed(v, k, 0) }

// addFrom counts v once, read from source s.
func (c *counter) addFrom(v string, s source) { c.addKeyed(v, 1, s.bit()) }

func (c *counter) addKeyed(v string, k int64, keys uint32) {
	if v == "" {
		return
	}
	if len(v) > maxValueLen {
		v = v[:maxValueLen]
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
	// Buckets are the value's counts per histogram bucket, for a sparkline.
	Buckets []uint32 `json:"-"`
	// Keys are the keys a user, client IP or resource was read from, which
	// Term names.
	Keys []string `json:"-"`
}

// top returns the n most frequent values, most frequent first (ties in
// value order), followed by the other row when values were turned away.
func (c *counter) top(n int) []Value {
	out := make([]Value, 0, min(n, len(c.counts))+1)
	for v, k := range c.counts {
		out = append(out, Value{Value: v, Count: k.n, Keys: keysOf(k.keys)})
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
		return vs[i].Value < vs[j].Value
	})
}

func share(k, total int64) float64 {
	if total == 0 {
		return 0
	}
	return float64(k) / float64(total)
}

// get returns the count of v.
func (c *counter) get(v string) int64 {
	if n := c.counts[v]; n != nil {
		return n.n
	}
	return 0
}

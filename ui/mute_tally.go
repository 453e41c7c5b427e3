package ui

import (
	"sync"
	"sync/atomic"

	"connlog/model"
)

// muteTally holds the counts of hidden lines kept by the filter built
// last: its view's build and every extension add to them, so that the
// counts follow the lines that arrive. A filter built before keeps its own
// counts, which nobody reads any more.
type muteTally struct {
	counts atomic.Pointer[hiddenCounts]
	// built says the filter's view is built: its counts are whole, even
	// when they are nothing (the filter keeps none of the muted lines).
	built atomic.Bool
}

// hiddenCounts counts the lines a filter hid, per muted template and per
// eviction block of the store (model.EvictionBlock): the store evicts
// whole blocks, so the lines it still holds are the counts of the blocks
// from its first entry's on, however many it evicted. The filter runs on
// several goroutines at once.
type hiddenCounts struct {
	templates int
	blocks    sync.Map // eviction block -> []atomic.Int64, a count per template
	// any says a line was counted, whether or not the store holds it still.
	any atomic.Bool
}

func newHiddenCounts(templates int) *hiddenCounts { return &hiddenCounts{templates: templates} }

// add counts line seq, of the template at index i, as hidden.
func (c *hiddenCounts) add(seq int64, i int) {
	b := model.EvictionBlock(seq)
	counts, ok := c.blocks.Load(b)
	if !ok {
		counts, _ = c.blocks.LoadOrStore(b, make([]atomic.Int64, c.templates))
	}
	counts.([]atomic.Int64)[i].Add(1)
	if !c.any.Load() {
		c.any.Store(true)
	}
}

// held returns, per template, how many of the lines counted the store
// still holds when first is the Seq of its oldest entry.
func (c *hiddenCounts) held(first int64) []int64 {
	out := make([]int64, c.templates)
	from := model.EvictionBlock(first)
	c.blocks.Range(func(b, counts any) bool {
		if b.(int64) >= from {
			for i := range counts.([]atomic.Int64) {
				out[i] += counts.([]atomic.Int64)[i].Load()
			}
		}
		return true
	})
	return out
}

// forget drops the counts of the blocks evicted before first, the Seq of
// the store's oldest entry: a file read tail first may store other lines
// where evicted ones were, which must not add to their counts.
func (c *hiddenCounts) forget(first int64) {
	from := model.EvictionBlock(first)
	c.blocks.Range(func(b, _ any) bool {
		if b.(int64) < from {
			c.blocks.Delete(b)
		}
		return true
	})
}

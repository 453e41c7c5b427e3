package decode

import (
	"sync"

	"connlog/model"
)

// FieldPool keeps the blocks that prepared entries' indexed fields were
// carved from, once the entries are stored, for the batches prepared next
// (Preparer.ReuseFields). Loading a 1 GiB file carves about a gigabyte of
// fields, all of it garbage once the store has copied it; reused, the
// collector runs a fraction as often. Blocks nobody asks for again (the
// load is over) are let go at the next collections, as from a sync.Pool.
// It is safe for several goroutines.
type FieldPool struct {
	free sync.Pool // of *[]model.Field
}

// FieldBlocks are the blocks one batch's fields were carved from.
type FieldBlocks []*[]model.Field

// get returns an empty block, from the pool when it has one.
func (p *FieldPool) get() *[]model.Field {
	if b, ok := p.free.Get().(*[]model.Field); ok {
		*b = (*b)[:0]
		return b
	}
	b := make([]model.Field, 0, indexFieldBlock)
	return &b
}

// Put takes back blocks that nothing reads any more.
func (p *FieldPool) Put(bs FieldBlocks) {
	for _, b := range bs {
		p.free.Put(b)
	}
}

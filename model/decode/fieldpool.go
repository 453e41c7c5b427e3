package decode

import (
	"sync"

	"connlog/model"
)

// FieldPool keeps the blocks that prepared entries' indexed fields were
// carved from, once the entries are stored, for the batches prepared next
// (Preparer.ReuseFields). Loading a 1 GiB file carves about a gigabyte of
// fields, all of it garbage once the store has copied it; reused, the
// collector runs a fraction as often. It is safe for several goroutines.
type FieldPool struct {
	mu   sync.Mutex
	free [][]model.Field
}

// FieldBlocks are the blocks one batch's fields were carved from.
type FieldBlocks [][]model.Field

// fieldPoolMax bounds the blocks a pool keeps: more than the batches in
// flight between the reader and the store hold (a few dozen blocks), so
// that theirs seldom come from fresh memory.
const fieldPoolMax = 256

// get returns an empty block, from the pool when it has one.
func (p *FieldPool) get() []model.Field {
	p.mu.Lock()
	defer p.mu.Unlock()
	if k := len(p.free); k > 0 {
		b := p.free[k-1]
		p.free = p.free[:k-1]
		return b[:0]
	}
	return make([]model.Field, 0, indexFieldBlock)
}

// Put takes back blocks that nothing reads any more.
func (p *FieldPool) Put(bs FieldBlocks) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, b := range bs {
		if len(p.free) == fieldPoolMax {
			return
		}
		p.free = append(p.free, b)
	}
}

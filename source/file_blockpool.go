package source

import (
	"sync"

	"connlog/model"
)

// blockPoolMax is how many blocks' memory a pool keeps: about the blocks
// in flight between the reader and the store (the channels between them
// hold a dozen batches, two blocks' worth), so that a block is seldom read
// into fresh memory and the pool holds little more than they do.
const blockPoolMax = 4

// blockPool keeps the memory of backfill blocks that have been stored for
// the blocks read next (FileOptions.ReuseBlocks): a 1 GiB file read tail
// first is a thousand blocks, and reading each into fresh memory cost a
// tenth of the load's time in page faults, clearing and collections.
type blockPool struct {
	size int // bytes a pooled block holds: the largest read of a block
	mu   sync.Mutex
	free []*blockMem
}

// blockMem is one block's memory: the bytes read and the records framed
// over them.
type blockMem struct {
	buf  []byte
	recs []model.Record
}

// onRelease, set by tests, is given a block's bytes as they come back:
// overwriting them catches anything that still reads them.
var onRelease func(buf []byte)

func newBlockPool(size int) *blockPool { return &blockPool{size: size} }

// get returns a block's memory for n bytes, or nil when n is more than a
// pooled block holds (a line longer than a block).
func (p *blockPool) get(n int) *blockMem {
	if p == nil || n > p.size {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if k := len(p.free); k > 0 {
		m := p.free[k-1]
		p.free = p.free[:k-1]
		m.buf = m.buf[:n]
		return m
	}
	return &blockMem{buf: make([]byte, n, p.size)}
}

// put takes back a block's memory once nothing reads it any more; m may
// be nil (a block read into fresh memory).
func (p *blockPool) put(m *blockMem) {
	if m == nil {
		return
	}
	if onRelease != nil {
		onRelease(m.buf)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < blockPoolMax {
		p.free = append(p.free, m)
	}
}

package journalfile

import (
	"errors"
	"fmt"
	"io"
)

// Page cache tuning: journal objects are small and written close together,
// so reading the file in pages turns thousands of tiny preads into one.
const (
	pageShift = 16 // 64 KiB pages
	pageSize  = 1 << pageShift
	pageSlots = 128 // 8 MiB at most per open file
)

// page is one cached piece of the file; n is how many of its bytes the file
// held when it was read (less than pageSize at the end of the file).
type page struct {
	no   int64
	n    int
	buf  []byte
	used bool
}

// pager reads a file with pread through a small direct-mapped page cache.
// A view it returns is valid until the next call; callers copy what they keep.
type pager struct {
	r       io.ReaderAt
	slots   [pageSlots]page
	scratch []byte
}

// reset drops every cached page: the file changed (it grew, or was rewritten
// in place where journald updates links and counters).
func (p *pager) reset() {
	for i := range p.slots {
		p.slots[i].used = false
	}
}

// view returns n bytes at off. A short file gives ErrTruncated.
func (p *pager) view(off int64, n int) ([]byte, error) {
	if off < 0 || n < 0 || off > 1<<62 {
		return nil, fmt.Errorf("offset %d: %w", off, ErrCorrupt)
	}
	no := off >> pageShift
	if (off+int64(n)-1)>>pageShift == no || n == 0 {
		pg, err := p.load(no)
		if err != nil {
			return nil, err
		}
		start := int(off - no<<pageShift)
		if start+n <= pg.n {
			return pg.buf[start : start+n : start+n], nil
		}
		return nil, fmt.Errorf("%d bytes at offset %d: %w", n, off, ErrTruncated)
	}
	if cap(p.scratch) < n {
		p.scratch = make([]byte, n)
	}
	return p.readAt(p.scratch[:n], off)
}

// readAt fills b from off exactly.
func (p *pager) readAt(b []byte, off int64) ([]byte, error) {
	k, err := p.r.ReadAt(b, off)
	if k == len(b) {
		return b, nil
	}
	if err == nil || errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%d bytes at offset %d: %w", len(b), off, ErrTruncated)
	}
	return nil, fmt.Errorf("read %d bytes at offset %d: %w", len(b), off, err)
}

// load returns page no, reading it when it is not cached.
func (p *pager) load(no int64) (*page, error) {
	pg := &p.slots[no%pageSlots]
	if pg.used && pg.no == no {
		return pg, nil
	}
	if pg.buf == nil {
		pg.buf = make([]byte, pageSize)
	}
	k, err := p.r.ReadAt(pg.buf, no<<pageShift)
	if err != nil && !errors.Is(err, io.EOF) {
		pg.used = false
		return nil, fmt.Errorf("read at offset %d: %w", no<<pageShift, err)
	}
	pg.no, pg.n, pg.used = no, k, true
	return pg, nil
}

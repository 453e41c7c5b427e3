package journalfile

import (
	"errors"
	"fmt"
	"io"
)

// Page cache tuning: journal objects are small and written close together,
// so reading the files in pages turns thousands of tiny preads into one.
// The cache is shared by the files of a Journal, so that its memory does
// not grow with the number of files.
const (
	pageShift   = 12 // 4 KiB pages: a miss costs little, and misses are mostly lone objects
	pageSize    = 1 << pageShift
	pageOverlap = 4 << 10 // each page holds this much of the next, so small objects never straddle two
	pageWays    = 8       // pages per set: an object read by every entry keeps its page
	pageSets    = 256     // 2048 pages of 8 KiB: 16 MiB at most
)

// page is one cached piece of a file; n is how many of its bytes the file
// held when it was read (less at the end of the file).
type page struct {
	file uint32 // the reader's serial number
	no   int64
	n    int
	used uint64 // the cache's clock when last used; 0 = empty
	buf  []byte
}

// pageCache holds pages of one or more files.
type pageCache struct {
	sets   [pageSets][pageWays]page
	clock  uint64
	serial uint32 // the last serial number handed to a reader
}

// newReaderSerial returns a serial number for a new reader of the cache.
func (c *pageCache) newReaderSerial() uint32 {
	c.serial++
	return c.serial
}

// forget drops the pages of one reader: its file changed (it grew, or was
// rewritten in place where journald updates links and counters).
func (c *pageCache) forget(file uint32) {
	for s := range c.sets {
		for w := range c.sets[s] {
			if c.sets[s][w].file == file {
				c.sets[s][w].used = 0
			}
		}
	}
}

// pager reads one file with pread through a shared page cache. A view it
// returns is valid until the next read of any file of the cache; callers
// copy what they keep.
type pager struct {
	r       io.ReaderAt
	cache   *pageCache
	serial  uint32
	scratch []byte
	last    *page // the page read last: most reads come back to it
}

// reset drops this file's cached pages.
func (p *pager) reset() { p.cache.forget(p.serial) }

// view returns n bytes at off. A short file gives ErrTruncated.
func (p *pager) view(off int64, n int) ([]byte, error) {
	if off < 0 || n < 0 || off > 1<<62 {
		return nil, fmt.Errorf("offset %d: %w", off, ErrCorrupt)
	}
	no := off >> pageShift
	start := int(off - no<<pageShift)
	if start+n <= pageSize+pageOverlap {
		pg, err := p.load(no)
		if err != nil {
			return nil, err
		}
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

// load returns page no of this file, reading it when it is not cached.
func (p *pager) load(no int64) (*page, error) {
	c := p.cache
	c.clock++
	if pg := p.last; pg != nil && pg.used != 0 && pg.file == p.serial && pg.no == no {
		pg.used = c.clock
		return pg, nil
	}
	set := &c.sets[((uint64(no)+uint64(p.serial)<<40)*0x9e3779b97f4a7c15)>>32%pageSets]
	victim := &set[0]
	for w := range set {
		pg := &set[w]
		if pg.used != 0 && pg.file == p.serial && pg.no == no {
			pg.used = c.clock
			p.last = pg
			return pg, nil
		}
		if pg.used < victim.used {
			victim = pg
		}
	}
	if victim.buf == nil {
		victim.buf = make([]byte, pageSize+pageOverlap)
	}
	k, err := p.r.ReadAt(victim.buf, no<<pageShift)
	if err != nil && !errors.Is(err, io.EOF) {
		victim.used = 0
		return nil, fmt.Errorf("read at offset %d: %w", no<<pageShift, err)
	}
	victim.file, victim.no, victim.n, victim.used = p.serial, no, k, c.clock
	p.last = victim
	return victim, nil
}

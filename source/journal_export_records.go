package source

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"
)

// ExportRecords re-reads the records of a journal export file by their
// cursors, with every field: the source keeps only the fields connlog uses,
// and a journal export gives back the rest from the file, as JournalEntries
// does from journal files. Nothing is read until it is first asked. The
// record after the one found last is looked at first, so that an export of
// the file's entries in its order reads the file once and indexes nothing;
// the first record not found so makes one pass over the file that notes
// where each record with a cursor begins (16 bytes a record, no field
// kept), and a look-up reads its record there again: in a plain file at
// once, in a compressed one by reading on, or from its start again for a
// record behind the last one read. A record is given only when its cursor
// and time are still the entry's: a file changed since gives nothing, not
// another record's fields. A record without a cursor is not looked for. It
// is safe for concurrent use.
type ExportRecords struct {
	path string
	// holds tells whether a file is one the source read (see File.Holds).
	holds func(fs.FileInfo) bool

	mu      sync.Mutex
	f       *os.File
	err     error // why the file cannot be re-read
	plain   bool  // not compressed: read at any offset
	seed    maphash.Seed
	index   []recordAt // by cursor hash, then offset
	indexed int64      // the input's bytes indexed, up to a record's start
	scanned int64      // the input's bytes read when it was indexed
	// indexedAll says the whole file was indexed once; next is where the
	// record after the one found last begins, the one looked at first.
	indexedAll bool
	next       int64
	seq        *exportScanner
	release    func()       // seq's decoder's
	rec        recordFields // the record read last
}

// recordAt is where a record begins in the input (decompressed), by the
// hash of its cursor.
type recordAt struct {
	hash   uint64
	offset int64
}

// newExportRecords returns the records of the file at path, which the
// source holds when holds says so: the file there now, or one the source
// holds open (a compressed file it holds only while reading it).
func newExportRecords(path string, holds func(fs.FileInfo) bool) *ExportRecords {
	first, _ := os.Stat(path)
	read := func(fi fs.FileInfo) bool { return first != nil && os.SameFile(first, fi) || holds(fi) }
	return &ExportRecords{path: path, holds: read, seed: maphash.MakeSeed()}
}

// errExportChanged says the file at the input's path is not one it read.
var errExportChanged = errors.New("journal export: the file is no longer the one read")

// JournalEntry calls fn with each field ("NAME=value", valid during the
// call only) of the record whose cursor is cursor and whose time is
// realtime, in the order the file has them; found is false when the file
// holds no such record (any more).
func (r *ExportRecords) JournalEntry(cursor string, realtime time.Time, fn func(field []byte)) (found bool, err error) {
	if cursor == "" {
		return false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil && r.err == nil {
		r.err = r.open()
	}
	if r.err != nil {
		return false, r.err
	}
	if r.nextIs(cursor, realtime, fn) {
		return true, nil
	}
	if !r.indexedAll {
		if r.err = r.indexFrom(0); r.err != nil {
			return false, r.err
		}
		r.indexedAll = true
	}
	h := maphash.String(r.seed, cursor)
	found, err = r.find(h, cursor, realtime, fn)
	if err == nil && !found && r.grew() {
		// Written since it was indexed (a followed file): index on.
		if err = r.indexFrom(r.indexed); err == nil {
			found, err = r.find(h, cursor, realtime, fn)
		}
	}
	return found, err
}

// open opens the file at the input's path, if it is one the source read.
func (r *ExportRecords) open() error {
	f, err := os.Open(r.path)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err == nil && !r.holds(fi) {
		err = errExportChanged
	}
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.plain = f, !startsCompressed(f)
	return nil
}

// nextIs gives fn the fields of the record after the one found last, when
// it is the entry's: an export in the file's order finds each record so,
// one after the other, without indexing the file.
func (r *ExportRecords) nextIs(cursor string, realtime time.Time, fn func(field []byte)) bool {
	rec, end, err := r.readOnce(r.next, false)
	if err != nil || end < 0 || !rec.are(cursor, realtime) {
		return false
	}
	rec.each(fn)
	r.next = end
	return true
}

// grew reports whether a plain file holds more than it did when it was
// indexed.
func (r *ExportRecords) grew() bool {
	fi, err := r.f.Stat()
	return r.plain && err == nil && fi.Size() > r.scanned
}

// indexFrom notes where the records from offset on begin, by cursor, and
// sorts the index for look-ups. A record the input's end cuts is indexed
// again the next time, when it may be whole.
func (r *ExportRecords) indexFrom(offset int64) error {
	s, err := r.scannerAt(offset)
	if err != nil {
		return err
	}
	s.keep = func(name []byte) bool { return string(name) == "__CURSOR" }
	r.index = slices.DeleteFunc(r.index, func(a recordAt) bool { return a.offset >= offset })
	var cursor []byte // the record's last, when it has one
	var has bool
	take := func(_, value []byte) { cursor, has = append(cursor[:0], value...), true }
	for {
		has = false
		start, err := s.next(take)
		if errors.Is(err, io.EOF) && start < 0 {
			break
		}
		if err != nil && !errors.Is(err, errRecordTooLong) {
			return err
		}
		if has {
			r.index = append(r.index, recordAt{maphash.Bytes(r.seed, cursor), start})
		}
		r.indexed = s.pos
		if !s.ended {
			r.indexed = start
		}
	}
	r.scanned = s.pos
	slices.SortFunc(r.index, func(a, b recordAt) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.offset, b.offset))
	})
	return nil
}

// find gives fn the fields of the record of hash h whose cursor and time
// are the entry's.
func (r *ExportRecords) find(h uint64, cursor string, realtime time.Time, fn func(field []byte)) (bool, error) {
	i, _ := slices.BinarySearchFunc(r.index, h, func(a recordAt, h uint64) int { return cmp.Compare(a.hash, h) })
	for ; i < len(r.index) && r.index[i].hash == h; i++ {
		fields, err := r.readAt(r.index[i].offset)
		if err != nil {
			return false, err
		}
		if fields.are(cursor, realtime) {
			fields.each(fn)
			return true, nil
		}
	}
	return false, nil
}

// readAt reads the record at offset, every field.
func (r *ExportRecords) readAt(offset int64) (*recordFields, error) {
	rec, end, err := r.readOnce(offset, true)
	if err == nil && end < 0 && r.plain {
		// It ended where the file did when it was read on to: the file may
		// hold the rest of it now.
		r.closeSeq()
		rec, _, err = r.readOnce(offset, true)
	}
	if err == nil {
		r.next = max(end, offset)
	}
	return rec, err
}

// readOnce reads the record at offset (at or after it, unless exact), every
// field; end is where the empty line that ended it ends, -1 when the
// input's end did.
func (r *ExportRecords) readOnce(offset int64, exact bool) (_ *recordFields, end int64, err error) {
	s, err := r.scannerAt(offset)
	if err != nil {
		return nil, -1, err
	}
	rec := &r.rec
	rec.buf, rec.ends = rec.buf[:0], rec.ends[:0]
	s.keep = keepEvery
	start, err := s.next(rec.add)
	if err == nil && (start < 0 || exact && start != offset) {
		err = errExportChanged // no record begins there now
	}
	if !s.ended {
		return rec, -1, err
	}
	return rec, s.pos, err
}

// keepEvery keeps every field.
func keepEvery([]byte) bool { return true }

// scannerAt returns the scanner of the input, at offset: the one that read
// last, reading on when offset lies not far ahead (in a compressed input,
// however far); else in a plain file one reading from offset, in a
// compressed one from the start again.
func (r *ExportRecords) scannerAt(offset int64) (*exportScanner, error) {
	s := r.seq
	switch {
	case s != nil && s.pos <= offset && (offset-s.pos <= maxExportSkip || !r.plain):
	case r.plain:
		r.closeSeq()
		sr := io.NewSectionReader(r.f, offset, math.MaxInt64-offset)
		if s == nil {
			s = &exportScanner{br: bufio.NewReaderSize(sr, streamReadBytes)}
		}
		s.br.Reset(sr) // its buffer kept
		s.pos, r.seq, r.release = offset, s, func() {}
	default:
		r.closeSeq()
		dec, _, release, err := decompressor(io.NewSectionReader(r.f, 0, math.MaxInt64))
		if err != nil {
			release()
			return nil, err
		}
		s = &exportScanner{br: bufio.NewReaderSize(dec, streamReadBytes)}
		r.seq, r.release = s, release
	}
	return s, s.discardTo(offset)
}

// maxExportSkip is how far ahead a plain file is read on to a record rather
// than read again from there: records looked up in order are read once.
const maxExportSkip = 1 << 20

// closeSeq releases the compressed input's scanner, if any.
func (r *ExportRecords) closeSeq() {
	if r.release != nil {
		r.release()
	}
	r.seq, r.release = nil, nil
}

// Close closes the file, if it was opened; a look-up after it finds
// nothing.
func (r *ExportRecords) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closeSeq()
	r.index, r.err = nil, errEntriesClosed
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// recordFields are a record's fields as read again, "NAME=value" each.
type recordFields struct {
	buf  []byte
	ends []int
}

// add keeps a field.
func (rf *recordFields) add(name, value []byte) {
	rf.buf = append(append(append(rf.buf, name...), '='), value...)
	rf.ends = append(rf.ends, len(rf.buf))
}

// each calls fn with each field, in order.
func (rf *recordFields) each(fn func(field []byte)) {
	from := 0
	for _, end := range rf.ends {
		fn(rf.buf[from:end])
		from = end
	}
}

// are reports whether the record is the entry of cursor and realtime: its
// cursor is that, and its time, when it has one the framer takes, too.
func (rf *recordFields) are(cursor string, realtime time.Time) bool {
	// The framer takes the last of a field given twice.
	var same bool
	var us int64
	rf.each(func(field []byte) {
		name, value, _ := bytes.Cut(field, []byte{'='})
		switch string(name) {
		case "__CURSOR":
			same = string(value) == cursor
		case "__REALTIME_TIMESTAMP":
			if t, err := strconv.ParseInt(string(value), 10, 64); err == nil && t > 0 {
				us = t
			}
		}
	})
	return same && (us == 0 || us == realtime.UnixMicro())
}

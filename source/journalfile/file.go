package journalfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// File is one open journal file. Its entries are indexed once at Open and
// extended by Refresh as journald appends. Not safe for concurrent use.
type File struct {
	path    string
	fh      *os.File
	pages   pager
	hdr     Header
	size    uint64 // the file's size at the last Refresh: no object may pass it
	compact bool
	fields  fieldCache
	// entries are the offsets of the ENTRY objects, in the file's order,
	// divided by 8 (objects are 8-aligned): 4 bytes an entry, for files of
	// up to maxFileSize.
	entries []uint32
	// Where the walk of the entry arrays stopped, so Refresh continues there.
	arrayOff  uint64 // the array being filled (0 before the first)
	arrayUsed int    // items of it already taken
	// damage is why the entry arrays could not be read to the end: the
	// entries before it are read all the same. Reported once.
	damage         error
	damageReported bool
	// cutCounted is set when Refresh found the file cut and read the
	// header's entry count at the cut.
	cutCounted bool
}

// TakeDamage returns, once, why the file's index stops short (nil if it
// does not): a truncated or corrupted file whose readable entries are read.
func (f *File) TakeDamage() error {
	if f.damage == nil || f.damageReported {
		return nil
	}
	f.damageReported = true
	return fmt.Errorf("%s: %w", f.path, f.damage)
}

// checkNotCut fails when the file no longer holds its last indexed entry:
// it was truncated (or rewritten shorter) while read. journald only ever
// appends to a file, so this is a loss, not a file that is still written.
func (f *File) checkNotCut() error {
	n := len(f.entries)
	if n == 0 {
		return nil
	}
	if last := f.EntryOffset(n - 1); last+minObjectSize[objectEntry] > f.size {
		return fmt.Errorf("the file was cut to %d bytes, before its entry at %d: %w", f.size, last, ErrTruncated)
	}
	return nil
}

// cutBehind reports whether a file Refresh found cut lost nothing to a
// reader that has read its first read entries: the header read at the cut
// counts no entry past those indexed, and the reader read them all. The
// entries cut away are in its hands already.
func (f *File) cutBehind(read int) bool {
	return f.cutCounted && read >= len(f.entries) && f.hdr.NEntries <= uint64(len(f.entries))
}

// unindexed is how many entries the header counts past those indexed (a
// file cut short, or whose entry arrays are damaged), as far as the file
// could hold them: a damaged header's count is not believed beyond that.
func (f *File) unindexed() uint64 {
	n := uint64(len(f.entries))
	if f.hdr.NEntries <= n || f.hdr.NEntries-n > f.size/minObjectSize[objectEntry] {
		return 0
	}
	return f.hdr.NEntries - n
}

// maxFileSize is the largest file indexed: the offsets below it, divided
// by 8, fit in 32 bits. journald's files are 128 MiB at most unless
// configured otherwise, and a compact file's offsets are 32-bit.
const maxFileSize = 32 << 30

// Open opens and indexes a journal file.
func Open(path string) (*File, error) { return openCached(path, &pageCache{}) }

// openCached opens a file whose pages share cache with other files.
func openCached(path string, cache *pageCache) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	f := &File{path: path, fh: fh}
	f.pages = pager{r: fh, cache: cache, serial: cache.newReaderSerial()}
	if err := f.Refresh(); err != nil {
		fh.Close()
		var unsupported *UnsupportedError
		if errors.As(err, &unsupported) {
			unsupported.Path = path
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Close closes the file and drops its cached pages.
func (f *File) Close() error {
	f.pages.reset()
	return f.fh.Close()
}

// Path is the file's name as opened.
func (f *File) Path() string { return f.path }

// Header returns the header as last read.
func (f *File) Header() Header { return f.hdr }

// Len is how many entries the file held at the last Refresh.
func (f *File) Len() int { return len(f.entries) }

// Stat describes the open file (it may have been renamed since).
func (f *File) Stat() (os.FileInfo, error) { return f.fh.Stat() }

// EntryOffset returns the offset of entry i (0 <= i < Len).
func (f *File) EntryOffset(i int) uint64 { return uint64(f.entries[i]) << 3 }

// Refresh re-reads the header and indexes the entries appended since. It
// reports an error when the header changed in a way appending cannot
// explain (the file was replaced or rewritten).
func (f *File) Refresh() error {
	f.pages.reset()
	b := make([]byte, headerReadSize)
	k, err := f.fh.ReadAt(b, 0)
	if k < headerMinSize {
		if err == nil {
			err = ErrTruncated
		}
		return fmt.Errorf("read the header: %w (%d bytes): %w", err, k, errHeaderUnwritten)
	}
	h, err := parseHeader(b[:k])
	if err != nil {
		return err
	}
	// The size is taken after the header: journald grows the file before
	// it counts an entry in the header, so every entry the header counts
	// lies within it, and one past it means the file was cut (takeItems).
	st, err := f.fh.Stat()
	if err != nil {
		return err
	}
	f.size = uint64(max(st.Size(), 0))
	if err := f.checkNotCut(); err != nil {
		if h.FileID == f.hdr.FileID {
			f.hdr, f.cutCounted = h, true // what it counted when cut: see cutBehind
		}
		return err
	}
	if f.size > maxFileSize {
		return &UnsupportedError{TooLarge: true}
	}
	if len(f.entries) > 0 && (h.FileID != f.hdr.FileID || h.Incompatible != f.hdr.Incompatible) {
		return fmt.Errorf("the file was replaced while being read: %w", ErrCorrupt)
	}
	if h.NEntries < uint64(len(f.entries)) {
		return fmt.Errorf("the file holds %d entries, fewer than the %d read before: %w",
			h.NEntries, len(f.entries), ErrCorrupt)
	}
	f.hdr, f.compact = h, h.Compact()
	if err := f.indexEntries(); err != nil && f.damage == nil {
		f.damage = err
	}
	return nil
}

// indexEntries walks the entry arrays from where the last walk stopped and
// appends the offsets of new entries, up to the header's entry count.
// Offsets must increase strictly, which also rules out loops.
func (f *File) indexEntries() error {
	want := f.hdr.NEntries
	if f.arrayOff == 0 {
		if f.hdr.EntryArrayOffset == 0 || want == 0 {
			return nil
		}
		f.arrayOff, f.arrayUsed = f.hdr.EntryArrayOffset, 0
	}
	// Room for the entries the header announces, at once: growing the
	// index by appends copied it over and over (a third of opening a
	// journal of a million entries). The header is not trusted: no more
	// room than the file could hold entries. make, not slices.Grow, which
	// clears all the room it adds, where fresh memory is clear already.
	if n := min(want, f.size/minObjectSize[objectEntry]); n > uint64(cap(f.entries)) {
		grown := make([]uint32, len(f.entries), n)
		copy(grown, f.entries)
		f.entries = grown
	}
	buf := f.arrayBuffer(want - uint64(len(f.entries)))
	for uint64(len(f.entries)) < want {
		next, n, err := f.entryArrayHead(f.arrayOff)
		if err != nil {
			return err
		}
		done, err := f.takeArray(n, want, buf)
		if err != nil || done {
			return err
		}
		if next == 0 {
			return nil
		}
		if next <= f.arrayOff {
			return fmt.Errorf("entry array at %d links back to %d: %w", f.arrayOff, next, ErrCorrupt)
		}
		f.arrayOff, f.arrayUsed = next, 0
	}
	return nil
}

// itemsPerRead is how many items of an entry array are read at once; a
// variable for the tests, which read in pieces of a few items.
var itemsPerRead uint64 = 8 << 10

// takeArray appends the items of the current array (room for n) past
// arrayUsed, read through buf; done when the walk ends in it (an unused
// slot, or want).
func (f *File) takeArray(n int, want uint64, buf []byte) (done bool, err error) {
	for f.arrayUsed < n {
		b, err := f.arrayPiece(f.arrayOff, f.arrayUsed, n, buf)
		if err != nil {
			return true, err
		}
		if done, err := f.takeItems(b, want); err != nil || done {
			return true, err
		}
	}
	return uint64(len(f.entries)) >= want, nil
}

// takeItems appends the items in b, the array's from arrayUsed on; done at
// an unused (zero) slot or at want entries.
func (f *File) takeItems(b []byte, want uint64) (done bool, err error) {
	size := f.arrayItemSize()
	for ; len(b) >= size; b = b[size:] {
		if uint64(len(f.entries)) >= want {
			return true, nil
		}
		off := f.arrayItem(b)
		if off == 0 {
			return true, nil
		}
		if n := len(f.entries); off%8 != 0 || off >= maxFileSize || (n > 0 && off <= f.EntryOffset(n-1)) {
			return true, fmt.Errorf("entry array item %d is offset %d: %w", f.arrayUsed, off, ErrCorrupt)
		}
		// An entry past the end of a cut file is left out of the index, so
		// that a seek, which bisects the index, finds only readable entries.
		if off+minObjectSize[objectEntry] > f.size {
			return true, fmt.Errorf("entry at offset %d lies past the file's end at %d: %w", off, f.size, ErrTruncated)
		}
		f.entries = append(f.entries, uint32(off>>3))
		f.arrayUsed++
	}
	return false, nil
}

// arrayItem reads the entry offset at the start of b.
func (f *File) arrayItem(b []byte) uint64 {
	if f.compact {
		return uint64(binary.LittleEndian.Uint32(b))
	}
	return binary.LittleEndian.Uint64(b)
}

func (f *File) arrayItemSize() int {
	if f.compact {
		return compactArrayItem
	}
	return regularArrayItem
}

// entryArrayHead reads the head of the ENTRY_ARRAY object at off: the next
// array's offset and how many items it has room for.
func (f *File) entryArrayHead(off uint64) (next uint64, n int, err error) {
	_, size, err := f.objectHead(off, objectEntryArray)
	if err != nil {
		return 0, 0, err
	}
	b, err := f.pages.view(int64(off)+objectHeaderSize, 8)
	if err != nil {
		return 0, 0, err
	}
	return binary.LittleEndian.Uint64(b), int(size-arrayItemsOffset) / f.arrayItemSize(), nil
}

// arrayPiece reads into buf the items of the entry array at off (room for
// n) from item from on, as many as buf holds: arrays are read in pieces
// through one small buffer, as an array read whole (the last of a chain
// holds about half of its entries) took fresh memory as big as the index.
func (f *File) arrayPiece(off uint64, from, n int, buf []byte) ([]byte, error) {
	size := f.arrayItemSize()
	k := min(n-from, len(buf)/size)
	return f.pages.readAt(buf[:k*size], int64(off)+arrayItemsOffset+int64(from*size))
}

// arrayBuffer is the buffer arrayPiece reads up to want items through.
func (f *File) arrayBuffer(want uint64) []byte {
	return make([]byte, min(want, itemsPerRead)*uint64(f.arrayItemSize()))
}

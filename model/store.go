package model

import (
	"sync"
	"sync/atomic"
	"time"
)

// row is an entry's fixed-size index: 32 bytes whatever the line's size.
// Field values live in the word arena and the symbol table; raw bytes in the
// byte arena or, for file-backed sources, in the file itself.
type row struct {
	time   int64  // unix nanoseconds
	raw    uint64 // arena offset, or file offset when rawInFile is set
	rawLen uint32
	attrs  uint32 // word offset of the indexed fields; 0 = none
	origin uint32 // index into the origin table
	meta   uint32 // kind:4 | level:4 | flags:8 | item:16
}

// rawInFile marks row.raw as a file offset to re-read through a RawReader.
const rawInFile = 1 << 63

func packMeta(k Kind, l Level, f Flags, item int) uint32 {
	return uint32(k&0xf) | uint32(l&0xf)<<4 | uint32(f)<<8 | uint32(min(item, 0xffff))<<16
}

func (r *row) kind() Kind   { return Kind(r.meta & 0xf) }
func (r *row) level() Level { return Level(r.meta >> 4 & 0xf) }
func (r *row) flags() Flags { return Flags(r.meta >> 8) }
func (r *row) item() int    { return int(r.meta >> 16) }

// StoreOptions configure a store.
type StoreOptions struct {
	// MaxMemory is the byte budget for entries; the oldest are evicted past
	// it, and every eviction is counted in the loss ledger. 0 = unlimited.
	MaxMemory int64
	// Reparse rebuilds an entry's payload, full fields and parse error from
	// its raw bytes (decode.Reparse). Without it a full load returns the
	// indexed fields only.
	Reparse func(e *Entry)
}

// Store holds every entry read so far. One goroutine appends; any number
// read through snapshots, which never block the writer for long.
type Store struct {
	opt StoreOptions

	mu   sync.Mutex // guards the writer state below against Snapshot and PairOf
	rows []*[rowChunkRows]row
	// chunkArena[i] is where the byte arena stood when row chunk i began.
	chunkArena []uint64
	first      int64 // Seq of the oldest entry still held
	end        int64 // Seq the next entry will get
	arena      byteArena
	words      wordArena
	origins    originTable
	readers    map[SourceID]RawReader
	mem        int64
	ledger     Ledger
	conns      connIndex

	syms    *symtab
	snap    atomic.Pointer[Snapshot]
	wordBuf []uint32
}

// NewStore returns an empty store.
func NewStore(opt StoreOptions) *Store {
	s := &Store{opt: opt, first: 1, end: 1, syms: newSymtab(),
		readers: map[SourceID]RawReader{}, conns: newConnIndex(), origins: newOriginTable()}
	s.publish()
	return s
}

// SetRawReader registers the reader that re-reads raw bytes of src's
// file-backed records; their bytes are then not kept in memory.
func (s *Store) SetRawReader(src SourceID, r RawReader) {
	s.mu.Lock()
	m := make(map[SourceID]RawReader, len(s.readers)+1) // copy on write: snapshots share the map
	for k, v := range s.readers {
		m[k] = v
	}
	m[src] = r
	s.readers = m
	s.mu.Unlock()
	s.publish()
}

// Append adds entries in order, assigning each its Seq (written back into
// es). Only one goroutine may call Append.
func (s *Store) Append(es []Entry) {
	s.mu.Lock()
	for i := range es {
		s.appendOne(&es[i])
	}
	s.evictOverBudget()
	s.mu.Unlock()
	s.publish()
}

func (s *Store) appendOne(e *Entry) {
	e.Seq = s.end
	idx := s.end - 1
	if int(idx/rowChunkRows) >= len(s.rows) {
		s.rows = append(s.rows, new([rowChunkRows]row))
		s.chunkArena = append(s.chunkArena, s.arena.mark())
		s.mem += rowChunkRows * rowBytes
	}
	r := &s.rows[idx/rowChunkRows][idx%rowChunkRows]
	*r = row{time: e.Time.UnixNano(), rawLen: uint32(len(e.Raw)), meta: packMeta(e.Kind, e.Level, e.Flags, e.Item)}
	r.origin = s.origins.id(e.Source, e.Origin)
	if _, ok := s.readers[e.Source]; ok && e.Origin.Offset >= 0 {
		r.raw = uint64(e.Origin.Offset) | rawInFile
	} else {
		r.raw = s.arena.put(e.Raw)
		s.mem += int64(len(e.Raw))
	}
	var lo lineOrigin
	if e.Origin.Journal != nil {
		lo.cursor = e.Origin.Journal.Cursor
	}
	if rt := e.Origin.Received.UnixNano(); !e.Origin.Received.IsZero() && (rt-r.time > int64(time.Microsecond) || r.time-rt > int64(time.Microsecond)) {
		lo.received = rt
	}
	s.wordBuf = s.encodeAttrs(e.Fields, lo, s.wordBuf)
	if len(s.wordBuf) > 0 {
		r.attrs = s.words.put(s.wordBuf)
		s.mem += int64(len(s.wordBuf)) * 4
	}
	s.conns.add(e)
	if e.Kind == KindGap {
		n, _ := e.Fields.Num(KeyGapCount)
		s.ledger.add(e.Fields.Value(KeyGapReason), int64(n), e.Time)
	}
	s.end++
}

// rowBytes is the size of one row, for the memory account.
const rowBytes = 32

// Len returns how many entries the store holds now.
func (s *Store) Len() int {
	sn := s.Snapshot()
	return int(sn.end - sn.first)
}

// Stats describes the store for the status line.
type Stats struct {
	Entries   int64 // held now
	Appended  int64 // ever appended
	Evicted   int64 // dropped to stay within the budget
	MemBytes  int64 // estimated bytes used by entries
	MaxMemory int64 // the budget, 0 = none
	Loss      Ledger
}

// Stats returns the store's counters.
func (s *Store) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{Entries: s.end - s.first, Appended: s.end - 1, Evicted: s.first - 1,
		MemBytes: s.mem + s.syms.bytes + s.conns.bytes(), MaxMemory: s.opt.MaxMemory, Loss: s.ledger.clone()}
}

// now exists so that eviction gap times are testable.
var now = time.Now

// Prepend adds entries that belong before every entry held, in order (a
// backfill block of a file opened tail first). Not yet supported: until it
// is, they are appended, so nothing is lost, only out of place.
func (s *Store) Prepend(es []Entry) { s.Append(es) }

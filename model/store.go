package model

import (
	"bytes"
	"hash/maphash"
	"sync"
	"sync/atomic"
	"time"
)

// StoreOptions configure a store.
type StoreOptions struct {
	// MaxMemory is the byte budget for entries; the oldest are evicted past
	// it, and every eviction is counted in the loss ledger. 0 = unlimited.
	MaxMemory int64
	// Reparse rebuilds an entry's payload, full fields and parse error from
	// its raw bytes (decode.Reparse). Without it a full load returns the
	// indexed fields only.
	Reparse func(e *Entry)
	// Payloads sets each entry's payload from its raw bytes, leaving its
	// fields as they are (decode.Payloads): what a LoadPayload adds. It is
	// given the entries of a LoadMany together, so that what it sets up
	// per call is paid once per batch. Without it a LoadPayload is a
	// LoadFull.
	Payloads func(es []*Entry)
	// MessageInRaw reports whether every message a parse of e (its raw
	// bytes read) yields is a part of those bytes (decode.MessageInRaw):
	// a view whose filter has a MaybeUnparsed then skips such a line
	// without parsing it when MaybeUnparsed says no. Without it every line
	// is loaded as the filter's Load says.
	MessageInRaw func(e *Entry) bool
	// FieldsWhole reports whether e, as appended, holds every field a full
	// parse of its line yields (decode.FieldsWhole): a view whose filter
	// asks for a full load then matches the entries of a kind whose every
	// entry was whole on their index (see wholeKinds). Without it every
	// such load re-parses.
	FieldsWhole func(e *Entry) bool
}

// Store holds every entry read so far, in order. Entries arrive at the back
// (Append) and, for a file opened tail first, at the front (Prepend). Each
// gets a Seq: its position in the store, ordered, never reused and never 0
// (0 means "no entry" everywhere). Appended entries count up from 1;
// prepended ones count down from the oldest held, skipping 0, so they may
// be negative. One goroutine writes; any number read through snapshots,
// which never block the writer for long.
type Store struct {
	opt StoreOptions

	mu sync.Mutex // guards the writer state below against Snapshot and PairOf
	// rows is the directory of row chunks; rows[0][0] is at position base.
	// Positions are Seqs without the hole at 0 (see posOf).
	rows  []*rowChunk
	held  []*chunkRefs // the arena chunks each row chunk refers to, aligned with rows
	base  int64
	first int64 // position of the oldest entry held
	end   int64 // position the next appended entry will take
	// lowest is the position of the oldest entry ever held, evicted
	// since or not: where an entry's number in the order read counts from
	// (see Snapshot.Ordinal).
	lowest int64
	added  int64 // entries ever stored
	// dropped counts the lines the budget cost: evicted, or refused at
	// the front once it was full. One gap entry tells of them all, in
	// front of the oldest line held (frontGap says the row at first is
	// it); gapGen counts its rewrites (see Snapshot.FrontGap). full says
	// so to other goroutines.
	dropped  int64
	frontGap bool
	gapGen   uint64
	full     atomic.Bool
	// earliest says when the earliest line read was (see firstRead).
	earliest firstRead

	arena   byteArena // raw bytes that cannot be re-read from a file
	values  byteArena // field values too unique to intern, off the heap
	words   wordArena
	origins originTable
	calls   putCalls // numbers the calls of Append and Prepend (see beginCall)
	readers map[SourceID]RawReader
	// lastReader is whether the source of the entry put last has a reader:
	// a load's entries mostly come from one source.
	lastReader readerOf
	// mem counts the row chunks held plus every byte put into the byte arena
	// (attrs.go adds field values as it stores them); memUsed turns it into
	// what the chunks really hold.
	mem    int64
	ledger Ledger
	// conns pairs connection events once asked to (see conn_lazy.go):
	// connsOn, under mu, says the writer indexes what it puts.
	conns     connIndex
	connsOn   bool
	connsOnce sync.Once

	syms      *symtab
	symCache  *symCache         // the writer's shortcut to syms
	setCache  *setCache         // the writer's shortcut to shared sets
	sets      map[uint64]setRef // shared attribute sets, by a hash of their words (see putAttrs)
	setSeed   maphash.Seed
	setBytes  int64
	kinds     kindKeys // the keys each kind's entries carry
	whole     wholeKinds
	snap      atomic.Pointer[Snapshot]
	rowWriter rowWriter
	wordBuf   []uint32
	// The writer's state for split words (see attrsplit.go).
	spans          []fieldSpan
	keyStats       []keyStat
	numbers        numberStats
	tplBuf, ownBuf []uint32
	noSplit        bool // store every entry's words whole (tests compare the two)
}

// posOf maps a Seq to its position: Seqs skip 0, positions do not, so that
// position arithmetic (lengths, chunk indexes) stays simple.
func posOf(seq int64) int64 {
	if seq > 0 {
		return seq - 1
	}
	return seq
}

// seqOf maps a position to its Seq.
func seqOf(pos int64) int64 {
	if pos >= 0 {
		return pos + 1
	}
	return pos
}

// NewStore returns an empty store.
func NewStore(opt StoreOptions) *Store {
	s := &Store{opt: opt, syms: newSymtab(), symCache: &symCache{}, setCache: &setCache{}, arena: newByteArena(opt.MaxMemory), values: newValueArena(), words: newWordArena(),
		readers: map[SourceID]RawReader{}, conns: newConnIndex(), origins: newOriginTable(),
		sets: map[uint64]setRef{}, setSeed: maphash.MakeSeed()}
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
	s.lastReader = readerOf{}
	s.mu.Unlock()
	s.publish()
}

// Append adds entries after the newest, in order, assigning each its Seq
// (written back into es). Only one goroutine may write to the store.
func (s *Store) Append(es []Entry) {
	s.mu.Lock()
	s.setSide(sideBack)
	s.beginCall()
	for i := range es {
		s.put(&es[i], s.end)
		s.countGap(&es[i])
		s.earliest.note(&es[i])
		s.end++
		if s.connsOn {
			s.conns.add(&es[i])
		}
	}
	s.endCall()
	s.keepFrontGap(s.evictOverBudget())
	s.mu.Unlock()
	s.publish()
}

// Prepend adds entries before the oldest held, in the order given (a
// backfill block of a file opened tail first), assigning each its Seq:
// they are lower than every Seq held. Only one goroutine may write to the
// store. The budget still evicts the oldest entries, which may be the ones
// just prepended; once it has cost lines, what is held is the newest
// stretch, and an older block is counted in the front gap, not stored
// (its entries get Seq 0).
func (s *Store) Prepend(es []Entry) {
	if len(es) == 0 {
		return
	}
	s.mu.Lock()
	if s.budgetFull() {
		s.keepFrontGap(s.refuse(es))
		s.mu.Unlock()
		s.publish()
		return
	}
	s.setSide(sideFront)
	start := s.first - int64(len(es))
	// From the end: each row is written next to those already written, as
	// a row's offset is found from them (see row_chain.go).
	s.beginCall()
	for i := len(es) - 1; i >= 0; i-- {
		s.put(&es[i], start+int64(i))
		s.countGap(&es[i])
		s.earliest.note(&es[i])
	}
	s.endCall()
	s.first = start
	s.lowest = min(s.lowest, start)
	s.keepFrontGap(s.evictOverBudget())
	// Connections are indexed once eviction is done: none of the entries
	// just dropped needs one.
	for i := range es {
		if s.connsOn && posOf(es[i].Seq) >= s.first {
			s.conns.add(&es[i])
		}
	}
	s.mu.Unlock()
	s.publish()
}

// beginCall and endCall bracket the putting of the caller's entries of
// one Append or Prepend, which do not change meanwhile: the writer may know
// their strings by address until the call ends (see addrSyms).
func (s *Store) beginCall() {
	if s.calls.begin() {
		s.symCache.keys.forget()
		s.symCache.vals.forget()
		s.setCache.forget()
	}
	s.origins.beginCall()
}

func (s *Store) endCall() { s.calls.end(); s.origins.endCall() }

// setSide directs arena writes to the chunks of one end of the store.
func (s *Store) setSide(side arenaSide) { s.arena.side, s.values.side, s.words.side = side, side, side }

// slot returns the chunk of position p, the row's index in it and the
// chunk's references, adding row chunks at either end of the directory as
// needed. A chunk added at the front goes into a new directory: snapshots
// share the old one.
func (s *Store) slot(p int64) (*rowChunk, int64, *chunkRefs) {
	for p < s.base {
		rows, mem := newRowChunk()
		s.rows = append([]*rowChunk{rows}, s.rows...)
		s.held = append([]*chunkRefs{{mem: mem}}, s.held...)
		s.base -= rowChunkRows
		s.mem += rowChunkBytes
	}
	k := (p - s.base) / rowChunkRows
	for k >= int64(len(s.rows)) {
		rows, mem := newRowChunk()
		s.rows = append(s.rows, rows)
		s.held = append(s.held, &chunkRefs{mem: mem})
		s.mem += rowChunkBytes
	}
	return s.rows[k], (p - s.base) % rowChunkRows, s.held[k]
}

// put writes entry e at position p, which no published snapshot covers.
func (s *Store) put(e *Entry, p int64) {
	e.Seq = seqOf(p)
	c, i, refs := s.slot(p)
	refs.times.note(e)
	s.arena.owner, s.values.owner, s.words.owner = &refs.bytes, &refs.values, &refs.words
	r := row{time: rowTimeOf(e.Time)}
	lo := lineOrigin{at: r.time}
	r.meta, lo.origin = packMeta(e.Kind, e.Level, e.Flags, s.origins.id(e.Source, &e.Origin))
	lo.item, lo.template = int64(e.Item), e.Template
	if e.Flags.Has(FlagSharedLine) {
		lo.setOthers(e.Others)
	}
	if s.fileBacked(e) {
		r.raw, lo.rawLen = packRaw(true, uint64(e.Origin.Offset), len(e.Raw))
	} else {
		r.raw, lo.rawLen = packRaw(false, s.arena.put(e.Raw), len(e.Raw))
		s.mem += int64(len(e.Raw))
		if e.Origin.Offset >= 0 { // lines joined from a file: where they begin
			lo.offset = e.Origin.Offset + 1
		}
	}
	if e.Origin.Journal != nil {
		lo.cursor, lo.end, lo.audit = e.Origin.Journal.Cursor, e.Origin.Journal.EndCursor, e.Origin.Journal.AuditStamp
	}
	// The receive time is kept whenever it is not the row's time, to the
	// nanosecond: an audit record's microseconds under a docker-ts prefix
	// differ from it by less than a microsecond, and an export says so.
	if rt := e.Origin.Received.UnixNano(); !e.Origin.Received.IsZero() && rt != r.time {
		lo.received = rt
	}
	var cached bool
	r.attrs, cached = s.indexFields(e, &lo)
	if !cached || !s.whole.settled(e) {
		s.whole.note(e, s.opt.FieldsWhole)
	}
	s.mem += s.rowWriter.put(c, refs, i, r, s.arena.side)
	s.arena.owner, s.values.owner, s.words.owner = nil, nil, nil
	s.added++
}

// countGap counts a gap entry stored in the ledger. The front gap is
// counted as it grows (see keepFrontGap).
func (s *Store) countGap(e *Entry) { s.ledger.AddGap(e) }

// indexFields stores e's indexed fields with its per-line origin, and
// returns their word offset (0 for none) and whether they were the set of
// an entry put before (see cachedAttrs).
func (s *Store) indexFields(e *Entry, lo *lineOrigin) (uint32, bool) {
	off, ok, set := s.cachedAttrs(e, lo)
	if ok {
		return off, true
	}
	var shareable bool
	// A gap or boundary has no raw bytes to rebuild its message from: the
	// index keeps it, so that the table, the detail pane and a search show it.
	s.wordBuf, shareable = s.encodeAttrs(e.Fields, lo, e.IsMark(), e.Kind, s.wordBuf)
	if len(s.wordBuf) == 0 {
		return 0, false
	}
	if onEncoded != nil {
		onEncoded(e.Kind, s.wordBuf)
	}
	off = s.storeAttrs(s.wordBuf, shareable)
	if shareable {
		s.cacheAttrs(e, lo, &set, off)
	}
	return off, false
}

// onEncoded, set by tests, is given each entry's words as encodeAttrs
// made them, and its kind.
var onEncoded func(k Kind, ws []uint32)

// fileBacked reports whether e's raw bytes are re-read from its file rather
// than held: a single line at an offset the row can hold. An entry joined
// from several lines (an indented block, a split container line, a JSON
// document) is held: its lines need not lie together in the file, and a
// file is re-read one whole line at a time. (e.OneLine spares the scan of
// every line's bytes: 5% of a load's CPU, on the goroutine that stores.)
func (s *Store) fileBacked(e *Entry) bool {
	return s.hasReader(e.Source) && e.Origin.Offset >= 0 && e.Origin.Offset <= maxFileOffset && (e.OneLine || bytes.IndexByte(e.Raw, '\n') < 0)
}

// readerOf says whether source src has a RawReader (set: known).
type readerOf struct {
	src      SourceID
	has, set bool
}

// hasReader reports whether src's raw bytes are re-read through a
// RawReader. The readers change only in SetRawReader, which forgets what
// this remembers.
func (s *Store) hasReader(src SourceID) bool {
	if r := s.lastReader; r.set && r.src == src {
		return r.has
	}
	_, ok := s.readers[src]
	s.lastReader = readerOf{src: src, has: ok, set: true}
	return ok
}

// memUsed is the store's memory account: row chunks, the arena chunks
// actually held (mem counts what was put into the byte arena; released
// chunks give back their whole size), interned strings and pairs.
func (s *Store) memUsed() int64 {
	rowsMem := s.mem - s.arena.putBytes
	return rowsMem + s.arena.live + s.values.live + s.words.live + s.syms.bytes + s.conns.bytes() + s.setBytes
}

// Len returns how many entries the store holds now.
func (s *Store) Len() int { return s.Snapshot().Len() }

// Stats describes the store for the status line.
type Stats struct {
	Entries   int64 // held now
	Appended  int64 // ever stored (appended or prepended)
	Evicted   int64 // lines dropped or not loaded to stay within the budget (the front gap's count)
	MemBytes  int64 // estimated bytes used by entries
	MaxMemory int64 // the budget, 0 = none
	Loss      Ledger
}

// Stats returns the store's counters.
func (s *Store) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{Entries: s.end - s.first, Appended: s.added, Evicted: s.dropped,
		MemBytes: s.memUsed(), MaxMemory: s.opt.MaxMemory, Loss: s.ledger.clone()}
}

// now exists so that eviction gap times are testable.
var now = time.Now

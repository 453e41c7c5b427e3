package model

import (
	"fmt"
	"runtime"
	"time"
)

// Snapshot is a consistent, immutable view of the store at one moment:
// the entries with Seq in [First, End) (Seq 0 is never one of them). Taking
// one is cheap (the store publishes a new one after every Append and
// Prepend); reading never blocks the writer.
type Snapshot struct {
	rows []*rowChunk
	// pins keep the off-heap memory of rows and words mapped for as long as
	// the snapshot may read it (see mapping).
	rowPins   []*chunkRefs
	wordPins  []*mapping
	valuePins []*mapping
	base      int64 // position of rows[0][0]
	first     int64 // positions, as in Store
	end       int64
	lowest    int64
	arena     [][]byte
	values    [][]byte
	words     [][]uint32
	syms      [][]string
	symtab    *symtab              // to find the symbols of a filter's keys
	kindKeys  [kindCount]symbolSet // the keys each kind's entries carry (see kindKeys)
	origins   []Origin
	sources   []SourceID
	readers   map[SourceID]RawReader
	reparse   func(*Entry)
	payloads  func([]*Entry)
	inRaw     func(*Entry) bool // StoreOptions.MessageInRaw
	whole     wholeKinds
	frontGap  bool      // the row at first is the store's front gap (see Store.keepFrontGap)
	earliest  time.Time // the earliest line read, zero when not known (see firstRead)
	newest    time.Time // the newest line read, zero when none had a time
	held      timeSpan  // of the entries held (see HeldSpan)
	gapGen    uint64    // how many times the store has written it
	manyHosts bool      // the entries read came from more than one host
}

// Load says how much of an entry to rebuild.
type Load uint8

// Load levels, cheapest first (LoadTemplate apart: see below).
const (
	LoadIndex    Load = iota // time, level, kind, flags, origin, indexed fields
	LoadRaw                  // ... and the raw bytes (a pread for file-backed sources)
	LoadTemplate             // the index, and the raw bytes and payload of a line whose template it lacks
	LoadPayload              // the raw bytes and the payload, the indexed fields kept (no re-parse)
	LoadFull                 // ... and every field and the parse error (a re-parse)
)

// LoadTemplate is what a count of templates needs: a line the decoder
// folded into its template (Entry.Template) is counted from the index
// alone, any other is masked from its payload. It does not include
// LoadRaw, though it sorts after it: a line with a template is not
// re-read, so a filter that reads raw bytes as well needs LoadPayload.

// of returns the load an entry holding what loadIndex put in e gets.
func (l Load) of(e *Entry) Load {
	switch {
	case l != LoadTemplate:
		return l
	case e.Template != "":
		return LoadIndex
	}
	return LoadPayload
}

func (s *Store) publish() {
	s.mu.Lock()
	sn := s.snapshotLocked()
	s.mu.Unlock()
	s.snap.Store(sn)
}

// snapshotLocked returns a snapshot of what the store holds now; the
// caller holds s.mu.
func (s *Store) snapshotLocked() *Snapshot {
	return &Snapshot{
		rows: s.rows, rowPins: s.held, wordPins: s.words.maps, valuePins: s.values.maps, values: s.values.chunks, base: s.base, first: s.first, end: s.end, lowest: s.lowest, arena: s.arena.chunks, words: s.words.chunks,
		syms: s.syms.directory(), symtab: s.syms, origins: s.origins.list, sources: s.origins.sources,
		readers: s.readers, reparse: s.opt.Reparse, payloads: s.opt.Payloads, inRaw: s.opt.MessageInRaw, whole: s.whole, kindKeys: s.kinds.publish(),
		frontGap: s.frontGap, gapGen: s.gapGen, manyHosts: s.origins.hosts.Many(), earliest: s.earliest.at(), newest: s.earliest.newest(), held: s.heldSpan(),
	}
}

// ManyHosts reports whether the entries read so far came from more than
// one host (a fleet, a journal of several machines, syslog files of
// several hosts): then every row must name its host, whether or not the
// rows on screen agree. Evicted entries still count.
func (sn *Snapshot) ManyHosts() bool { return sn.manyHosts }

// ReadSpan returns the times of the earliest and the newest line read,
// held or evicted, whatever the order they came in (lines of a pipe and
// of a file arrive as they are read, not in time order); the first is
// zero when it is not known (lines counted without being read), the last
// when no line had a time.
func (sn *Snapshot) ReadSpan() (first, last time.Time) { return sn.earliest, sn.newest }

// Snapshot returns the latest published snapshot.
func (s *Store) Snapshot() *Snapshot { return s.snap.Load() }

// FirstLine returns the Seq of the oldest entry held that is not the
// front gap (see FrontGap): what was counted of the entries before it was
// evicted, whatever stands at the front gap's Seq now.
func (sn *Snapshot) FirstLine() int64 {
	if sn.frontGap {
		return seqOf(sn.first + 1)
	}
	return sn.First()
}

// FrontGap returns the Seq of the gap entry that tells of the lines the
// memory budget cost, which always stands first, and how many times the
// store has written it: each time, at the place of an evicted entry (the
// one before the oldest line held) or of the gap before, with the count
// grown. What was remembered about that Seq from an older snapshot with a
// different count of writes is stale. 0, 0 when the budget cost nothing.
func (sn *Snapshot) FrontGap() (seq int64, writes uint64) {
	if !sn.frontGap {
		return 0, sn.gapGen
	}
	return seqOf(sn.first), sn.gapGen
}

// First returns the Seq of the oldest entry in the snapshot (End when it
// is empty).
func (sn *Snapshot) First() int64 { return seqOf(sn.first) }

// End returns the Seq the next appended entry will get: one past the newest
// entry's Seq, or 1 when the newest is -1.
func (sn *Snapshot) End() int64 { return seqOf(sn.end) }

// Ordinal returns entry seq's number in the order its input was read,
// counting from 1 at the oldest entry the store ever held: the number a
// headless export gives it. A file opened tail first has its tail
// numbered after its head once the head is read, though the Seqs of the
// head, prepended, are negative; until then, its numbers count from the
// oldest entry read so far.
func (sn *Snapshot) Ordinal(seq int64) int64 { return posOf(seq) - sn.lowest + 1 }

// Len returns how many entries the snapshot holds.
func (sn *Snapshot) Len() int { return int(sn.end - sn.first) }

// Has reports whether seq is in the snapshot.
func (sn *Snapshot) Has(seq int64) bool {
	p := posOf(seq)
	return seq != 0 && p >= sn.first && p < sn.end
}

// row returns a copy of entry seq's row: rows live outside the heap, and
// the snapshot keeps them mapped only while it is reachable, so no pointer
// into them outlives the read.
func (sn *Snapshot) row(seq int64) row {
	c, i := sn.chunkOf(seq)
	r := c.get(i)
	runtime.KeepAlive(sn)
	return r
}

// rowAfter is row for a run of reads in order, with cur the last row
// the run read.
func (sn *Snapshot) rowAfter(seq int64, cur *rowCursor) row {
	c, i := sn.chunkOf(seq)
	r := c.getAfter(i, cur)
	runtime.KeepAlive(sn)
	return r
}

// rowHead is row without the raw word, which costs more to unpack: for
// what needs only the time, level, kind or fields.
func (sn *Snapshot) rowHead(seq int64) row {
	c, i := sn.chunkOf(seq)
	r, _ := c.head(i)
	runtime.KeepAlive(sn)
	return r
}

// chunkOf returns the chunk that holds entry seq's row, and the row's index
// in it; the chunk is mapped only while sn is reachable.
func (sn *Snapshot) chunkOf(seq int64) (*rowChunk, uint64) {
	p := uint64(posOf(seq) - sn.base) // not negative: seq is held
	return sn.rows[p/rowChunkRows], p % rowChunkRows
}

// Meta returns an entry's time, level and kind without loading it: one
// read of its row for the three, which a count over every row wants.
func (sn *Snapshot) Meta(seq int64) (time.Time, Level, Kind) {
	r := sn.rowHead(seq)
	return timeOfRow(r.time), r.level(), r.kind()
}

// Time returns an entry's time without loading it.
func (sn *Snapshot) Time(seq int64) time.Time { r := sn.rowHead(seq); return timeOfRow(r.time) }

// Level returns an entry's level without loading it.
func (sn *Snapshot) Level(seq int64) Level { r := sn.rowHead(seq); return r.level() }

// Kind returns an entry's kind without loading it.
func (sn *Snapshot) Kind(seq int64) Kind { r := sn.rowHead(seq); return r.kind() }

// fillMeta fills e with only the time, level and kind of entry seq, whose row
// r is — what a view's Maybe test looks at — and returns it.
func (r row) fillMeta(seq int64, e *Entry) *Entry {
	e.Seq, e.Time, e.Level, e.Kind, e.Fields, e.Raw = seq, timeOfRow(r.time), r.level(), r.kind(), e.Fields[:0], nil
	return e
}

// Load rebuilds entry seq into e, reusing e's field slice. It fails when
// seq is not in the snapshot or the raw bytes can no longer be read (the
// file was truncated or removed since); e then still holds the index part.
func (sn *Snapshot) Load(seq int64, e *Entry, what Load) error {
	return sn.load(seq, e, what, nil)
}

// load is Load; with only set and a load short of LoadFull, it rebuilds
// just the fields whose key symbols are in it (see Filter.Keys). A full
// load re-parses a line with raw bytes of its own without decoding its
// indexed fields first (the re-parse replaces them), unless its raw bytes
// cannot be read: it is then judged on its index.
func (sn *Snapshot) load(seq int64, e *Entry, what Load, only symbolSet) error {
	if what == LoadFull {
		only = nil
	}
	full := sn.reparses(what)
	r, n, err := sn.loadIndex(seq, e, only, full, nil)
	if err != nil {
		return err
	}
	late := full && r.rawStandsAlone()
	if what = what.of(e); what == LoadIndex {
		return nil
	}
	if err := sn.loadRaw(&r, n, e); err != nil {
		if late {
			sn.loadLateFields(e, nil)
		}
		return err
	}
	if late {
		sn.loadLateFields(e, sn.originOnly())
	}
	if what >= LoadPayload {
		sn.parse([]*Entry{e}, what)
	}
	return nil
}

// reparses reports whether a load of what re-parses lines, so that their
// indexed fields, which the re-parse replaces, need not be decoded.
func (sn *Snapshot) reparses(what Load) bool { return what == LoadFull && sn.reparse != nil }

// originOnly is the set of the pseudo-fields that carry a line's origin:
// what a full load decodes of a line's index before re-parsing it.
func (sn *Snapshot) originOnly() symbolSet {
	return newSymbolSet(sn.symtab.lookupAll(originKeys, nil))
}

// loadIndex rebuilds the index part of entry seq into e, and returns its
// row and the length of its raw bytes. With late, a line that locates its
// raw bytes and origin without its fields (row.rawStandsAlone) is left
// without them, for loadLateFields. With cur, a run of loads in order
// unpacks each row after the last (see rowAfter).
func (sn *Snapshot) loadIndex(seq int64, e *Entry, only symbolSet, late bool, cur *rowCursor) (row, int, error) {
	if !sn.Has(seq) {
		return row{}, 0, fmt.Errorf("entry %d is not in the store (held: %d to %d)", seq, sn.First(), seqOf(sn.end-1))
	}
	var r row
	if cur != nil {
		r = sn.rowAfter(seq, cur)
	} else {
		r = sn.row(seq)
	}
	*e = Entry{Seq: seq, Time: timeOfRow(r.time), Level: r.level(), Kind: r.kind(), Flags: r.flags(), Fields: e.Fields[:0], Others: e.Others[:0]}
	var lo lineOrigin
	if r.attrs != 0 && !(late && r.rawStandsAlone()) {
		e.Fields, lo = decodeAttrs(sn.words, r.attrs, sn.syms, sn.values, e.Fields, only, r.time)
	}
	oid := r.origin(&lo)
	e.Source, e.Origin = sn.sources[oid], sn.origins[oid]
	e.Origin.Offset = -1
	if r.inFile() {
		e.Origin.Offset = int64(r.offset())
	}
	e.Origin.Received = e.Time
	setLineOrigin(e, &lo)
	return r, r.rawLen(&lo), nil
}

// loadLateFields decodes the fields (those in only, when set) of an entry
// loadIndex left without them, with the rest of its line's origin.
func (sn *Snapshot) loadLateFields(e *Entry, only symbolSet) {
	r := sn.rowHead(e.Seq)
	if r.attrs == 0 {
		return
	}
	var lo lineOrigin
	e.Fields, lo = decodeAttrs(sn.words, r.attrs, sn.syms, sn.values, e.Fields[:0], only, r.time)
	setLineOrigin(e, &lo)
}

// setLineOrigin sets what lo, decoded with e's fields, adds to e's origin.
func setLineOrigin(e *Entry, lo *lineOrigin) {
	e.Item, e.Template = int(lo.item), lo.template
	e.Others = lo.othersOf(e.Others)
	if (lo.cursor != "" || lo.end != "" || lo.audit != "") && e.Origin.Journal != nil {
		j := *e.Origin.Journal
		j.Cursor, j.EndCursor, j.AuditStamp = lo.cursor, lo.end, lo.audit
		e.Origin.Journal = &j
	}
	if lo.received != 0 {
		e.Origin.Received = time.Unix(0, lo.received)
	}
	if lo.offset != 0 {
		e.Origin.Offset = lo.offset - 1
	}
}

// parse rebuilds what a load past LoadRaw adds to entries whose raw
// bytes were read: their payload, or their payload and every field.
// Without a payload function a LoadPayload re-parses.
func (sn *Snapshot) parse(es []*Entry, what Load) {
	switch {
	case what == LoadPayload && sn.payloads != nil:
		sn.payloads(es)
	case what >= LoadPayload && sn.reparse != nil:
		for _, e := range es {
			sn.reparse(e)
		}
	}
}

func (sn *Snapshot) loadRaw(r *row, n int, e *Entry) error {
	if !r.inFile() {
		e.Raw = arenaGet(sn.arena, r.offset(), n)
		if e.Raw == nil && n > 0 {
			return fmt.Errorf("entry %d: raw bytes were released", e.Seq)
		}
		return nil
	}
	rd := sn.readers[e.Source]
	raw, err := rd.ReadRaw(e.Origin.Offset, n, nil)
	if err != nil {
		return fmt.Errorf("re-read entry %d: %w", e.Seq, err)
	}
	e.Raw = raw
	return nil
}

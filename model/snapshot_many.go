package model

import (
	"bytes"
	"cmp"
	"slices"
)

// SpanReader is a RawReader that can also read a span of bytes holding
// many lines, unchecked (source.File is one): LoadMany reads neighbouring
// lines with one call instead of one per line, and checks each line as
// ReadRaw would.
type SpanReader interface {
	ReadSpan(offset int64, n int, buf []byte) ([]byte, error)
}

// Bounds of one span read by LoadMany: at most maxSpan bytes, and lines at
// most maxSpanGap bytes apart (the bytes between two lines are read for
// nothing, which costs less than a read of their own up to a few pages).
const (
	maxSpan    = 1 << 20
	maxSpanGap = 4 << 10
)

// LoadMany loads each entry of es, its Seq set, as Load(e.Seq, e, what)
// would, with only the fields of keys when keys is not nil (as Filter.Keys
// restricts a view's loads; LoadFull ignores it), but reads the raw bytes
// of neighbouring lines of a file with one read, appended to buf, which it
// returns: the entries' Raw and Payload may point into it, so the caller
// reuses it only once done with them. An entry that cannot be loaded keeps
// what a failed Load leaves: its index part, or nothing when it is not in
// the snapshot. Loading a whole view in chunks this way spends a read per
// megabyte instead of a read per line.
func (sn *Snapshot) LoadMany(es []*Entry, what Load, keys []string, buf []byte) []byte {
	_, buf = sn.loadMany(es, manyLoad{what: what, keys: keys}, buf, &loadScratch{})
	return buf
}

// loadScratch is what loadMany notes of each entry, kept by a caller that
// loads chunk after chunk (a view's scan): a search of a million lines is
// a thousand chunks, and their notes were a third of its allocations.
type loadScratch struct {
	st     []lineState
	inFile []spanLine
	read   []*Entry
}

// reset makes the scratch ready for n entries.
func (s *loadScratch) reset(n int) {
	if cap(s.st) < n {
		s.st, s.inFile, s.read = make([]lineState, n), make([]spanLine, 0, n), make([]*Entry, 0, n)
	}
	s.st = s.st[:n]
	clear(s.st)
	s.inFile, s.read = s.inFile[:0], s.read[:0]
}

// manyLoad is how loadMany loads a view's candidates.
type manyLoad struct {
	what          Load
	keys          []string
	rawOnly       bool              // Filter.RawOnly: leave the fields of a line with raw bytes of its own unread
	maybeUnparsed func(*Entry) bool // Filter.MaybeUnparsed: leave out the lines it rejects
	// forMatch says the entries are loaded for a filter's Match alone, and
	// that it reads neither a payload nor a parse error (Filter.FieldsSuffice):
	// a full load of an entry of a kind whole in the index then reads its
	// index, not a parse.
	forMatch bool
}

// lineState is what loadMany knows of one entry.
type lineState uint8

const (
	fieldsLate lineState = 1 << iota // its fields wait for its raw bytes (see loadMany)
	rawRead                          // its raw bytes were read
	onIndex                          // a full load is its index (manyLoad.forMatch)
)

// loadMany is LoadMany for a view: it returns the entries of es that are
// loaded, in order, reusing es's array, and buf; scr is its scratch.
//
// The fields of a line with raw bytes of its own are decoded once those
// bytes are read, and only as far as needed (see finishLate). A line whose
// raw bytes cannot be read is judged on its index, as is, for a Match, a
// line of a kind whole in the index (see wholeKinds).
func (sn *Snapshot) loadMany(es []*Entry, how manyLoad, buf []byte, scr *loadScratch) ([]*Entry, []byte) {
	p := sn.planLoad(how)
	scr.reset(len(es))
	st, inFile := scr.st, scr.inFile
	var cur rowCursor
	for i, e := range es {
		only, late := p.only, p.late
		if p.full && how.forMatch && sn.Has(e.Seq) && sn.whole.holds(sn.rowHead(e.Seq).kind()) {
			st[i] |= onIndex
			only, late = p.indexOnly, false
		}
		r, n, err := sn.loadIndex(e.Seq, e, only, late, &cur)
		if err == nil && late && r.rawStandsAlone() {
			st[i] |= fieldsLate
		}
		switch {
		case err != nil || how.what.of(e) == LoadIndex:
		case r.inFile():
			inFile = append(inFile, spanLine{e: e, n: n, i: i})
		case sn.loadRaw(&r, n, e) == nil:
			st[i] |= rawRead
		}
	}
	buf = sn.readSpans(inFile, st, buf)
	kept, read := es[:0], scr.read
	for i, e := range es {
		if st[i]&fieldsLate != 0 && !sn.finishLate(&p, e, st[i]) {
			continue
		}
		kept = append(kept, e)
		if st[i]&(rawRead|onIndex) == rawRead {
			read = append(read, e)
		}
	}
	what := how.what
	if what == LoadTemplate {
		what = LoadPayload // for the lines read: those without a template
	}
	if what >= LoadPayload {
		sn.parse(read, what)
	}
	return kept, buf
}

// loadPlan is what loadMany decides once for all its entries.
type loadPlan struct {
	how  manyLoad
	full bool // a full load that re-parses
	// prunes says how.maybeUnparsed may leave lines out; late, that the
	// fields of a line with raw bytes of its own wait for them.
	prunes, late bool
	// The fields decoded: of a line as its load asks; of a line matched
	// or tested on its index, the keys Match reads; of a line to re-parse,
	// its origin.
	only, indexOnly, originOnly symbolSet
}

// planLoad decides how loadMany loads its entries.
func (sn *Snapshot) planLoad(how manyLoad) loadPlan {
	p := loadPlan{how: how, only: sn.keyProbe(Filter{Load: how.what, Keys: how.keys}, 0).only}
	p.prunes = how.maybeUnparsed != nil && sn.inRaw != nil
	p.full = sn.reparses(how.what)
	p.late = how.rawOnly || p.prunes || p.full
	if p.full || p.prunes {
		p.indexOnly = sn.keyProbe(Filter{Load: LoadIndex, Keys: how.keys}, 0).only
	}
	if p.full || how.rawOnly {
		p.originOnly = sn.originOnly()
	}
	return p
}

// finishLate decodes what a line whose fields waited for its raw bytes
// needs of them, and reports whether it is kept: none for a word search
// (rawOnly) but, for a line that shares its raw bytes with other entries,
// its origin, which says the parts that are theirs (Entry.Others); the keys Match reads for a line how.maybeUnparsed is asked
// of, which it may leave out; the origin for a line to re-parse, whose
// fields the re-parse replaces; and all that the load asks of a line
// whose raw bytes could not be read, which is judged on its index.
func (sn *Snapshot) finishLate(p *loadPlan, e *Entry, s lineState) bool {
	switch {
	case s&rawRead == 0:
		sn.loadLateFields(e, p.only)
	case p.prunes && sn.whole.exact(e.Kind) && sn.inRaw(e):
		sn.loadLateFields(e, p.indexOnly)
		return p.how.maybeUnparsed(e)
	case p.full, p.how.rawOnly && e.Flags.Has(FlagSharedLine):
		sn.loadLateFields(e, p.originOnly)
	case !p.how.rawOnly:
		sn.loadLateFields(e, p.only)
	}
	return true
}

// readSpans reads the raw bytes of the lines of files in inFile, a span
// at a time, into buf, and marks in st those read.
func (sn *Snapshot) readSpans(inFile []spanLine, st []lineState, buf []byte) []byte {
	// Lines of several files interleave in a view: each file's are read
	// together.
	slices.SortFunc(inFile, func(a, b spanLine) int {
		return cmp.Or(cmp.Compare(a.e.Source, b.e.Source), cmp.Compare(a.e.Origin.Offset, b.e.Origin.Offset))
	})
	for len(inFile) > 0 {
		run := spanRun(inFile, sn.readers)
		buf = sn.readRun(inFile[:run], buf)
		for _, l := range inFile[:run] {
			if l.e.Raw != nil {
				st[l.i] |= rawRead
			}
		}
		inFile = inFile[run:]
	}
	return buf
}

// spanLine is an entry whose raw bytes, n of them, are to be read from its
// file at e.Origin.Offset.
type spanLine struct {
	e *Entry
	n int
	i int // its index among loadMany's entries
}

// end returns the offset just past the line.
func (l spanLine) end() int64 { return l.e.Origin.Offset + int64(l.n) }

// spanRun returns how many of ls, from the first, one span can read: lines
// of one file that reads spans, in order, close together, within maxSpan.
func spanRun(ls []spanLine, readers map[SourceID]RawReader) int {
	if _, ok := readers[ls[0].e.Source].(SpanReader); !ok {
		return 1
	}
	start := ls[0].e.Origin.Offset
	i := 1
	for ; i < len(ls); i++ {
		prev, l := ls[i-1], ls[i]
		off := l.e.Origin.Offset
		if l.e.Source != prev.e.Source || off < prev.end() || off-prev.end() > maxSpanGap || l.end()-start >= maxSpan {
			break
		}
	}
	return i
}

// readRun reads the raw bytes of a run of lines (see spanRun) into buf,
// with one read when it can: the span is read with the byte after its last
// line, and each line must hold no newline and be followed by one, as
// ReadRaw checks. A line that fails (the last line of a file read without
// its newline, a line cut at the length limit, bytes changed since) and
// every line of a span that cannot be read is read alone.
func (sn *Snapshot) readRun(run []spanLine, buf []byte) []byte {
	first, last := run[0], run[len(run)-1]
	start := len(buf)
	var err error
	if len(run) > 1 {
		rd := sn.readers[first.e.Source].(SpanReader)
		buf, err = rd.ReadSpan(first.e.Origin.Offset, int(last.end()-first.e.Origin.Offset)+1, buf)
	}
	span := buf[start:]
	for _, l := range run {
		at := int(l.e.Origin.Offset - first.e.Origin.Offset)
		if len(run) > 1 && err == nil && lineAt(span, at, l.n) {
			l.e.Raw = span[at : at+l.n : at+l.n]
			continue
		}
		r := sn.row(l.e.Seq)
		if sn.loadRaw(&r, l.n, l.e) != nil {
			l.e.Raw = nil
		}
	}
	return buf
}

// lineAt reports whether span holds, at at, n bytes without a newline
// followed by a newline.
func lineAt(span []byte, at, n int) bool {
	return at+n < len(span) && span[at+n] == '\n' && bytes.IndexByte(span[at:at+n], '\n') < 0
}

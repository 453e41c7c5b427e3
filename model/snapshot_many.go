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
	return sn.loadMany(es, what, keys, false, buf)
}

// loadMany is LoadMany; with rawOnly (Filter.RawOnly) an entry with raw
// bytes of its own is loaded without its fields.
func (sn *Snapshot) loadMany(es []*Entry, what Load, keys []string, rawOnly bool, buf []byte) []byte {
	only := sn.keyProbe(Filter{Load: what, Keys: keys}, 0).only
	inFile := make([]spanLine, 0, len(es))
	read := make([]*Entry, 0, len(es)) // those whose raw bytes were read
	for _, e := range es {
		r, n, err := sn.loadIndex(e.Seq, e, only, rawOnly)
		switch {
		case err != nil || what.of(e) == LoadIndex:
		case r.inFile():
			inFile = append(inFile, spanLine{e: e, n: n})
		case sn.loadRaw(&r, n, e) == nil:
			read = append(read, e)
		}
	}
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
				read = append(read, l.e)
			}
		}
		inFile = inFile[run:]
	}
	if what == LoadTemplate {
		what = LoadPayload // for the lines read: those without a template
	}
	if what >= LoadPayload {
		sn.parse(read, what)
	}
	return buf
}

// spanLine is an entry whose raw bytes, n of them, are to be read from its
// file at e.Origin.Offset.
type spanLine struct {
	e *Entry
	n int
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

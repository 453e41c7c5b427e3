package model

import (
	"context"
	"runtime"
)

// scanner filters the positions of a snapshot with one filter, for one
// core: it keeps what the scans it makes can share (the key probe, the
// remembered answers, the buffers of a load of raw bytes).
type scanner struct {
	sn    *Snapshot
	f     Filter
	keys  keyProbe
	judge *templateJudge // Filter.MaybeFields; nil: not asked
	memo  bool           // candidates are decided once per dictionary entry
	chunk *rowChunk      // the chunk seen holds the decisions for
	seen  []decision     // by dictionary index
	// For a filter that reads raw bytes (see scanChunks).
	es      []Entry
	ps      []*Entry
	buf     []byte
	scratch loadScratch
}

// decision is an answer of candidate.
type decision uint8

const (
	notAsked    decision = iota // not remembered yet
	cannotMatch                 // skip the entry
	mayMatch                    // load it and ask Match
	mustMatch                   // it matches: no need to load it
)

// scanner prepares scans of about span entries with f.
//
// When f's Maybe does not read the time, whether a row cannot, may or must
// match depends only on what it shares through its chunk's dictionary (its
// level, kind and field set), as thousands of service lines do: it is
// decided once per dictionary entry of the chunk being scanned, and most
// rows cost a byte's lookup.
func (sn *Snapshot) scanner(f Filter, span int64) *scanner {
	sc := &scanner{sn: sn, f: f, keys: sn.keyProbe(f, span), judge: sn.templateJudge(f, span)}
	sc.memo = (f.Maybe == nil || f.MaybeTimeless) && (f.Maybe != nil || sc.keys.need != nil || sc.judge != nil)
	if sc.memo {
		sc.seen = make([]decision, rowChunkRows)
	}
	return sc
}

// scan appends the Seqs at positions [lo, hi) that match. An entry whose
// raw bytes cannot be re-read is judged on what could be loaded. A filter
// that reads the raw bytes (a word search, a message term) loads them a
// chunk at a time (scanChunks).
func (sc *scanner) scan(ctx context.Context, lo, hi int64, out []int64) []int64 {
	if sc.f.Load >= LoadRaw {
		return sc.scanChunks(ctx, lo, hi, out)
	}
	var e Entry
	for p := lo; p < hi; p++ {
		if p&0xfff == 0 && ctx.Err() != nil {
			return out
		}
		seq := seqOf(p)
		switch sc.decide(seq, &e) {
		case cannotMatch:
			continue
		case mustMatch:
			out = append(out, seq)
			continue
		}
		_ = sc.sn.load(seq, &e, sc.f.Load, sc.keys.only)
		if sc.f.Match == nil || sc.f.Match(&e) {
			out = append(out, seq)
		}
	}
	return out
}

// filterChunk is how many entries scanChunks loads at a time.
const filterChunk = 1024

// scanChunks is scan for a filter that reads raw bytes: the candidates of
// each chunk of positions are loaded together (LoadMany), the lines of a
// file with a read per span of them instead of one per line.
func (sc *scanner) scanChunks(ctx context.Context, lo, hi int64, out []int64) []int64 {
	n := int(min(hi-lo, filterChunk)) // an extension by a few rows loads a few
	if len(sc.es) < n {
		sc.es, sc.ps = make([]Entry, n), make([]*Entry, 0, n)
	}
	var scratch Entry
	for p := lo; p < hi; {
		if ctx.Err() != nil {
			return out
		}
		ps := sc.ps[:0]
		for end := min(p+int64(n), hi); p < end; p++ {
			// An entry that must match is loaded all the same: the
			// entries of a chunk are matched together, in order.
			if seq := seqOf(p); sc.decide(seq, &scratch) != cannotMatch {
				e := &sc.es[len(ps)]
				e.Seq = seq
				ps = append(ps, e)
			}
		}
		ps, sc.buf = sc.sn.loadMany(ps, manyLoad{what: sc.f.Load, keys: sc.f.Keys, rawOnly: sc.f.RawOnly, maybeUnparsed: sc.f.MaybeUnparsed, forMatch: sc.f.FieldsSuffice}, sc.buf[:0], &sc.scratch)
		for _, e := range ps {
			if sc.f.Match == nil || sc.f.Match(e) {
				out = append(out, e.Seq)
			}
		}
	}
	return out
}

// decide decides whether the entry at seq cannot, may or must match; e is
// scratch.
func (sc *scanner) decide(seq int64, e *Entry) decision {
	if !sc.memo {
		return sc.candidate(seq, e)
	}
	chunk, i := sc.sn.chunkOf(seq)
	if chunk != sc.chunk {
		sc.chunk = chunk
		clear(sc.seen)
	}
	d := &sc.seen[chunk.dictIndex(i)]
	runtime.KeepAlive(sc.sn) // the rows are off the heap: mapped while sn lives
	if *d == notAsked {
		*d = sc.candidate(seq, e)
	}
	return *d
}

// candidate decides whether the entry at seq cannot, may or must match the
// filter, asking its Maybe, its Sure, its key probe and its MaybeFields; e
// is scratch.
func (sc *scanner) candidate(seq int64, e *Entry) decision {
	sn, f := sc.sn, sc.f
	r := sn.rowHead(seq)
	if f.Maybe != nil {
		if !f.Maybe(r.fillMeta(seq, e)) {
			return cannotMatch
		}
		if f.Sure != nil && f.Sure(e) {
			return mustMatch
		}
	}
	// A template that rules an entry in or out has read what the key probe
	// would read of it: the probe is for the rest.
	if may, judged := sc.judge.verdict(sn, r, sc.keys); judged {
		if !may {
			return cannotMatch
		}
		return mayMatch
	}
	if sc.keys.need != nil && !sn.meetsDemand(r, sc.keys) {
		return cannotMatch
	}
	return mayMatch
}

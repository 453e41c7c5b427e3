package model

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// MaxNeedGroups is how many groups of Filter.NeedKeys a view checks: their
// bits fit a byte.
const MaxNeedGroups = 8

// Filter selects entries for a view. Load is the least an entry must be
// loaded for Match to decide (LoadIndex for level or field terms on indexed
// keys, LoadRaw for bare words, LoadFull for message terms).
type Filter struct {
	Match func(*Entry) bool // nil matches everything
	Load  Load
	// Maybe, when set, is asked first with only the entry's time, level and
	// kind filled in; false skips the entry without loading it. It must not
	// reject an entry Match would accept (query.MayMatch).
	Maybe func(*Entry) bool
	// MaybeTimeless says that Maybe (and Sure) read the level and kind
	// only, never the time: their answers then hold for every entry with
	// the same level and kind, and a scan asks them once for the many rows
	// that share them.
	MaybeTimeless bool
	// RawOnly says that Match reads of an entry only its raw bytes and
	// what its row holds (time, level, kind, origin), unless it is a gap or
	// boundary: a word search. A load leaves the other entries' fields
	// unread. Whoever wraps Match with a test of its own must clear it.
	RawOnly bool
	// MaybeUnparsed, when set, is asked of a line a LoadFull would parse,
	// loaded with its row, its raw bytes and its indexed fields (those of
	// Keys) but not parsed, when the store says its message is a part of
	// its raw bytes and its index holds its fields as a parse yields them
	// (StoreOptions.MessageInRaw, wholeKinds): false skips it
	// (query.MayMatchUnparsed). It must not reject a line Match would
	// accept: whoever wraps Match with a test that could accept what the
	// query rejects must clear it.
	MaybeUnparsed func(e *Entry) bool
	// FieldsSuffice says that Match reads of an entry its fields, raw
	// bytes and row, never its payload or parse error: a full load may then
	// take an entry's fields from the index when its kind is whole there
	// (StoreOptions.FieldsWhole) instead of re-parsing its line. Whoever
	// wraps Match with a test that reads more must clear it.
	FieldsSuffice bool
	// Sure, when set, is asked of an entry Maybe accepted, with the same
	// fields filled in: true means the entry matches whatever its fields
	// and raw line say, and a view built with LoadIndex takes it without
	// loading it (a tab's kinds, level>=info). It must not accept an entry
	// Match would reject (query.SureMatch): whoever wraps Match with a test
	// of its own must clear it.
	Sure func(*Entry) bool
	// NeedKeys, when set, are groups of field keys: a matching entry
	// carries, for every group, one of its keys among its indexed fields
	// (query.NeedKeys); an entry that fails a group is skipped without being
	// loaded. It is not used with LoadFull, whose fields come from a full
	// parse rather than the index. The first MaxNeedGroups groups are
	// checked.
	NeedKeys [][]string
	// Keys, when set, are the only field keys Match reads: a load short of
	// LoadFull rebuilds just those fields, leaving the rest of an event's
	// two dozen unread (query.ReadKeys). Whoever wraps Match with a test
	// that reads other fields must widen or clear it.
	Keys []string
	// MaybeFields, when its Ask is set, is asked of an entry stored split
	// around a template it shares with others (a connection event: see
	// attrsplit.go) before it is loaded, knowing only the template's
	// fields; its answer holds for every entry with that template whose
	// own fields have the same keys. Not used with LoadFull, whose fields
	// come from a parse rather than the index.
	MaybeFields MaybeFields
}

// MaybeFields is a test of an entry of which some fields are known.
type MaybeFields struct {
	// Ask reports whether an entry could match when, for every key
	// unknown says false of, its fields with that key are exactly those
	// of e.Fields with it (none, if e has none); the other keys' fields,
	// its time, level, kind and raw bytes may be anything. false rules the
	// entry out. It must not reject an entry Match would accept
	// (query.MayMatchFields): whoever wraps Match with a test that could
	// accept what the query rejects must clear it.
	Ask func(e *Entry, unknown func(key string) bool) bool
	// Keys are every field key Ask reads: e holds only fields with these
	// keys, and Ask must take any other key for unknown.
	Keys []string
}

// View is the result of a filter over the store: the Seqs of the matching
// entries, in store order. It is extended as entries arrive at either end
// (Extend) and rebuilt off the UI goroutine when the filter changes
// (BuildView).
type View struct {
	all bool // the filter matches everything: no Seq is materialised
	// front holds the matching Seqs prepended since the view was built
	// (the head of a file read after its tail), negated, so that they
	// ascend as they are prepended and a batch is appended to it: a copy
	// of the whole view at every batch made the load of a file opened
	// with a broad filter hold twice its Seqs and more. seqs holds the
	// rest.
	front seqChunks
	seqs  seqChunks
	// low and next bound, as store positions (see posOf), the entries
	// examined so far; with all they are also the matching range.
	low  int64
	next int64
	// gapWrites is how many times the store had written its front gap
	// when the view last examined it (see Snapshot.FrontGap).
	gapWrites uint64
}

// Len returns how many entries match.
func (v *View) Len() int {
	if v.all {
		return int(v.next - v.low)
	}
	return v.front.len() + v.seqs.len()
}

// At returns the Seq of the i-th matching entry.
func (v *View) At(i int) int64 {
	if v.all {
		return seqOf(v.low + int64(i))
	}
	if nf := v.front.len(); i < nf {
		return -v.front.at(nf - 1 - i)
	}
	return v.seqs.at(i - v.front.len())
}

// Index returns the position of the first matching entry with Seq >= seq
// (Len() when there is none).
func (v *View) Index(seq int64) int {
	if v.all {
		return int(min(max(posOf(seq), v.low), v.next) - v.low)
	}
	nf := v.front.len()
	if nf > 0 && seq <= -v.front.at(0) {
		// The Seqs below seq are the front's last ones.
		return nf - v.front.search(func(neg int64) bool { return -neg < seq })
	}
	return nf + v.seqs.search(func(s int64) bool { return s >= seq })
}

// Next returns the first Seq the view has not examined yet at the back.
func (v *View) Next() int64 { return seqOf(v.next) }

// Pending reports whether sn holds entries the view has not examined yet,
// at either end.
func (v *View) Pending(sn *Snapshot) bool { return sn.end > v.next || sn.first < v.low }

// PendingFront reports whether sn holds entries before the view's first
// examined one: prepended (the head of a file read tail first) since the
// view was last extended.
func (v *View) PendingFront(sn *Snapshot) bool { return sn.first < v.low }

// Extend examines the entries stored since the view was last extended and
// returns how many matched. It is O(new entries), never a recompute.
func (v *View) Extend(sn *Snapshot, f Filter) int {
	front, back := v.ExtendEnds(sn, f)
	return front + back
}

// ExtendEnds is Extend, telling apart the matches prepended before the
// view's first row (front) from those appended after its last (back): the
// UI moves its cursor down by front to stay on the same entry.
func (v *View) ExtendEnds(sn *Snapshot, f Filter) (front, back int) {
	if v.low >= v.next && sn.first > v.next {
		v.low, v.next = sn.first, sn.first // empty, and everything examined was evicted
	}
	lo := max(v.next, sn.first)
	if v.all {
		if sn.first < v.low {
			front, v.low = int(v.low-sn.first), sn.first
		}
		if sn.end > lo {
			back, v.next = int(sn.end-lo), sn.end
		}
		return front, back
	}
	if sn.first < v.low {
		head := filterRange(context.Background(), sn, f, sn.first, v.low, nil)
		front, v.low = len(head), sn.first
		for i := len(head) - 1; i >= 0; i-- {
			v.front.push(-head[i])
		}
	}
	if sn.end > lo {
		tail := filterRange(context.Background(), sn, f, lo, sn.end, nil)
		v.seqs.pushAll(tail)
		back, v.next = len(tail), sn.end
	}
	return front, back
}

// Trim drops Seqs the store has evicted; it returns how many went. The
// store's front gap, when written again since the view examined it, goes
// too: it takes the place of an evicted entry, or of the gap before with
// a smaller count, and the next extension examines it again.
func (v *View) Trim(sn *Snapshot) int {
	from := v.keptFrom(sn)
	if v.all {
		if v.low >= from {
			return 0
		}
		n := int(min(from, v.next) - v.low)
		v.low = min(from, v.next)
		return n
	}
	i := v.Index(seqOf(from))
	v.low = max(v.low, from)
	switch kept := v.front.len() - i; {
	case i == 0:
	case kept >= 0:
		v.front.keepFirst(kept)
	default:
		v.front = seqChunks{}
		v.seqs.dropFirst(-kept)
	}
	return i
}

// keptFrom returns the first position of sn whose entry the view may keep
// as it examined it: sn's first, or the one after when that is the front
// gap, written again since (see Snapshot.FrontGap).
func (v *View) keptFrom(sn *Snapshot) int64 {
	seq, writes := sn.FrontGap()
	if seq == 0 || writes == v.gapWrites {
		return sn.first
	}
	v.gapWrites = writes
	return sn.first + 1
}

// BuildView filters the whole snapshot, using every core: the range is cut
// into segments that the cores take in turn, and their results joined in
// order. It stops early, returning ctx's error, when ctx is cancelled (a
// newer filter was typed).
func BuildView(ctx context.Context, sn *Snapshot, f Filter) (*View, error) {
	_, writes := sn.FrontGap()
	if f.Match == nil {
		return &View{all: true, low: sn.first, next: sn.end, gapWrites: writes}, nil
	}
	n := sn.end - sn.first
	parts := make([]seqChunks, (n+buildSegment-1)/buildSegment)
	workers := max(1, min(runtime.GOMAXPROCS(0), sn.Len()/4096))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := sn.scanner(f, n/int64(workers))
			var found []int64 // a segment's matches, before they are packed
			for s := next.Add(1) - 1; s < int64(len(parts)) && ctx.Err() == nil; s = next.Add(1) - 1 {
				lo := sn.first + s*buildSegment
				found = sc.scan(ctx, lo, min(lo+buildSegment, sn.end), found[:0])
				parts[s].pushAll(found)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v := &View{low: sn.first, next: sn.end, gapWrites: writes}
	for i := range parts {
		for j := range parts[i].len() {
			v.seqs.push(parts[i].at(j))
		}
		parts[i] = seqChunks{} // collectable once copied
	}
	return v, nil
}

// buildSegment is how many positions a view builder scans at a time: a
// segment's matches grow in the cache, and are copied once into the view,
// rather than a core's half of a view of millions copied at each doubling.
const buildSegment = 4 * rowChunkRows

// filterRange appends the Seqs at positions [lo, hi) that match f.
func filterRange(ctx context.Context, sn *Snapshot, f Filter, lo, hi int64, out []int64) []int64 {
	return sn.scanner(f, hi-lo).scan(ctx, lo, hi, out)
}

package ui

import (
	"context"
	"runtime"
	"sync"

	"connlog/model"
	"connlog/model/triage"
)

// triageChunk is how many entries a loader reads at a time. The chunks in
// flight (a few per core, each with its entries' fields and raw bytes) are
// most of what the heap holds while a view counts, and the collector's goal
// doubles them: chunks of 4,096 took the TUI's peak RSS on the 1 GiB corpus
// from 199 to 264-270 MiB once top-N and templates were open; chunks of
// 1,024, to 208-210 MiB, and took no more CPU an entry.
const triageChunk = 1024

// loadedChunk is rows [.., hi) of a view, loaded; evicted rows are left
// out of entries, so hi says where the chunk ends. The entries' bytes live
// in the chunk's raw buffer, which goes back to the pool with them (see
// recycle).
type loadedChunk struct {
	*chunkBuf
	hi int
}

// chunkBuf is what a loader fills: the entries, those it loads past their
// row grouped by how (see loadPlan), and the raw bytes those point into.
type chunkBuf struct {
	entries []model.Entry
	groups  []planGroup
	raw     []byte
	// keys are the entries' template keys, when keyed (the parts fold
	// templates), held in keyBuf: made by the loaders, on every core,
	// rather than by the single goroutine that counts.
	keyed  bool
	keys   [][]byte
	keyBuf []byte
	ends   []int
}

// loadPlan is how far a loader reads an entry, and which of its indexed
// fields (nil: all of them; see Parts.Keys and Parts.ReadsIndex).
type loadPlan struct {
	what model.Load
	keys []string
}

// planGroup is the entries of a chunk loaded by one plan.
type planGroup struct {
	loadPlan
	es []*model.Entry
}

// planOf returns the load plan of an entry of kind k and level l, and false
// when parts read nothing of it beyond its time, level and kind.
func planOf(parts triage.Parts, k model.Kind, l model.Level) (loadPlan, bool) {
	if !parts.ReadsFields(k, l) {
		return loadPlan{}, false
	}
	p := loadPlan{what: parts.Load(k), keys: parts.Keys(k)}
	if !parts.ReadsIndex(k, l) {
		p.keys = noKeys
	}
	return p, true
}

// noKeys restricts a load to no field.
var noKeys = []string{}

// same reports whether two plans are one: their keys come from the same
// few lists, so comparing the lists' identities suffices.
func (p loadPlan) same(q loadPlan) bool {
	return p.what == q.what && len(p.keys) == len(q.keys) && (p.keys == nil) == (q.keys == nil) &&
		(len(p.keys) == 0 || &p.keys[0] == &q.keys[0])
}

// group adds e to the group of plan p.
func (c *chunkBuf) group(p loadPlan, e *model.Entry) {
	for i := range c.groups {
		if c.groups[i].same(p) {
			c.groups[i].es = append(c.groups[i].es, e)
			return
		}
	}
	if len(c.groups) == cap(c.groups) {
		c.groups = append(c.groups, planGroup{})
	} else {
		c.groups = c.groups[:len(c.groups)+1]
	}
	g := &c.groups[len(c.groups)-1]
	g.loadPlan, g.es = p, append(g.es[:0], e)
}

// loadInOrder loads rows [from, to) of a view, in chunks, on every core,
// as much as parts read of each (the index alone, its template included,
// or a re-read for the lines whose templates need their text), and hands
// the chunks to the caller in view order: loading costs more than
// counting, so it is what is spread. The channel closes when every chunk
// was sent or ctx is cancelled; an entry whose bytes cannot be re-read
// comes with what the index holds, and an entry evicted since is left out.
func loadInOrder(ctx context.Context, sn *model.Snapshot, vc *model.View, from, to int, parts triage.Parts) <-chan loadedChunk {
	workers := max(1, runtime.GOMAXPROCS(0))
	order := make(chan chan loadedChunk, 2*workers)
	work := make(chan loadTask)
	go func() { // hands out the chunks, remembering their order
		defer close(order)
		defer close(work)
		for lo := from; lo < to; lo += triageChunk {
			out := make(chan loadedChunk, 1)
			t := loadTask{lo: lo, hi: min(lo+triageChunk, to), out: out}
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case work <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for t := range work {
				t.out <- loadedChunk{chunkBuf: loadRows(sn, vc, t.lo, t.hi, parts), hi: t.hi}
			}
		}()
	}
	chunks := make(chan loadedChunk)
	go func() { // passes the chunks on in order
		defer close(chunks)
		for out := range order {
			select {
			case c := <-out:
				select {
				case chunks <- c:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return chunks
}

// loadTask is one chunk to load: rows [lo, hi) of the view, sent to out.
type loadTask struct {
	lo, hi int
	out    chan<- loadedChunk
}

// loadRows loads rows [lo, hi) of a view, as much of each as parts read,
// into a chunk from the pool: loading into entries loaded before reuses
// their field slices, which would otherwise be grown anew for every entry.
// The rows read past their time, level and kind are loaded together, plan
// by plan (model.Snapshot.LoadMany): the lines of a file with a read per
// span of them rather than one per line.
func loadRows(sn *model.Snapshot, vc *model.View, lo, hi int, parts triage.Parts) *chunkBuf {
	c := chunkPool.Get().(*chunkBuf)
	es := c.entries[:0]
	for i := lo; i < hi; i++ {
		seq := vc.At(i)
		if !sn.Has(seq) {
			continue
		}
		if len(es) < cap(es) {
			es = es[:len(es)+1]
		} else {
			es = append(es, model.Entry{})
		}
		e := &es[len(es)-1]
		at, l, k := sn.Meta(seq)
		*e = model.Entry{Seq: seq, Time: at, Level: l, Kind: k, Fields: e.Fields[:0]}
	}
	c.groups = c.groups[:0]
	for i := range es {
		if p, ok := planOf(parts, es[i].Kind, es[i].Level); ok {
			c.group(p, &es[i])
		}
	}
	c.entries, c.raw = es, c.raw[:0]
	for _, g := range c.groups {
		c.raw = sn.LoadMany(g.es, g.what, g.keys, c.raw)
	}
	c.keys, c.keyed = c.keys[:0], parts.FoldsTemplates()
	if c.keyed {
		c.makeKeys()
	}
	return c
}

// makeKeys makes the template key of every entry of the chunk but those
// the decoder folded (Entry.Template), which the counter finds by their
// template alone (a nil key).
func (c *chunkBuf) makeKeys() {
	c.keyBuf, c.ends = c.keyBuf[:0], c.ends[:0]
	for i := range c.entries {
		end := -1
		if e := &c.entries[i]; e.Template == "" {
			c.keyBuf = triage.TemplateKey(c.keyBuf, e)
			end = len(c.keyBuf)
		}
		c.ends = append(c.ends, end)
	}
	start := 0
	for _, end := range c.ends {
		if end < 0 {
			c.keys = append(c.keys, nil)
			continue
		}
		c.keys = append(c.keys, c.keyBuf[start:end:end])
		start = end
	}
}

// count counts the chunk's entries into tr, with their keys when made.
func (c *chunkBuf) count(tr *triage.Triage) {
	if c.keyed {
		tr.AddKeyed(c.entries, c.keys)
		return
	}
	tr.Add(c.entries)
}

// chunkPool holds loaded chunks for reuse once counted (see recycle).
var chunkPool = sync.Pool{New: func() any {
	return &chunkBuf{entries: make([]model.Entry, 0, triageChunk)}
}}

// recycle gives a chunk back once its entries were counted: a Triage keeps
// nothing of an entry but copies (strings, which loads never overwrite).
func recycle(c *chunkBuf) {
	chunkPool.Put(c)
}

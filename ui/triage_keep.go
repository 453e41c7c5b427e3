package ui

import (
	"context"
	"math"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
)

// triageKeeper keeps the triage of one view generation for one set of
// parts: the rows counted so far, extended by every batch the view adopts
// and by each opening of a triage view, so that neither recounts what was
// counted before. Its Triage is guarded by mu: the catch-ups run in Cmds.
type triageKeeper struct {
	parts triage.Parts
	mu    sync.Mutex
	tr    *triage.Triage
	// next is the Seq past the last row counted; it starts below every
	// Seq, a file's head read after its tail having negative ones.
	next int64
	// first is the Seq of the first row counted (0 before any): once the
	// store has evicted it, the counts hold rows the view no longer has.
	first int64
}

func newTriageKeeper(parts triage.Parts) *triageKeeper {
	k := &triageKeeper{parts: parts}
	k.reset()
	return k
}

// reset forgets every row counted.
func (k *triageKeeper) reset() {
	k.tr, k.next, k.first = triage.New(triage.Options{Parts: k.parts}), math.MinInt64, 0
}

// catchUp counts the rows of vc before row to not counted yet, in view
// order, and returns how many rows it examined. Cancelled, it stops at a
// chunk's edge: what was counted stays counted and the next catch-up goes
// on from there. done, when not nil, follows its progress as the row it
// has reached.
func (k *triageKeeper) catchUp(ctx context.Context, sn *model.Snapshot, vc *model.View, to int, done *atomic.Int64) int {
	from := vc.Index(k.next)
	if k.first == 0 && from < to {
		k.first = max(vc.At(from), sn.First()) // a row held now
	}
	if done != nil {
		done.Store(int64(from))
	}
	n := 0
	for c := range loadInOrder(ctx, sn, vc, from, to, k.parts) {
		c.count(k.tr)
		recycle(c.chunkBuf)
		k.next = vc.At(c.hi-1) + 1
		if done != nil {
			done.Store(int64(c.hi))
		}
		n = c.hi - from
	}
	return n
}

// report catches up with vc and reports, or fails with ctx's error.
func (k *triageKeeper) report(ctx context.Context, sn *model.Snapshot, vc *model.View, opts triage.ReportOptions, done *atomic.Int64) (triage.Report, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.stale(sn) {
		k.reset() // the tables are those of the rows the view holds
	}
	k.catchUp(ctx, sn, vc, vc.Len(), done)
	if err := ctx.Err(); err != nil {
		return triage.Report{}, err
	}
	return k.tr.Report(opts), nil
}

// keepUp counts the rows of vc before row to that the keeper has not
// counted: the batch the view adopted. It gives way to a catch-up in
// progress (which will count the batch, or the next keepUp will).
func (k *triageKeeper) keepUp(sn *model.Snapshot, vc *model.View, to int) {
	if !k.mu.TryLock() {
		return
	}
	defer k.mu.Unlock()
	if k.stale(sn) {
		return // the next opening counts afresh: no recount per batch
	}
	k.catchUp(context.Background(), sn, vc, to, nil)
}

// stale reports whether the store has evicted rows the keeper counted (a
// follow at its --max-memory): its counts then hold rows the view no
// longer has, and only counting afresh can take them out.
func (k *triageKeeper) stale(sn *model.Snapshot) bool {
	return k.first != 0 && !sn.Has(k.first)
}

// triageKeepers are the keepers of the current view generation, one per set
// of parts a triage view asked for; a new generation starts with none.
type triageKeepers struct {
	mu   sync.Mutex
	byPt map[triage.Parts]*triageKeeper
}

// get returns the keeper of parts, made on first use.
func (ks *triageKeepers) get(parts triage.Parts) *triageKeeper {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	if ks.byPt == nil {
		ks.byPt = map[triage.Parts]*triageKeeper{}
	}
	k := ks.byPt[parts]
	if k == nil {
		k = newTriageKeeper(parts)
		ks.byPt[parts] = k
	}
	return k
}

// keepUp returns a Cmd that extends every keeper with the rows of vc not
// counted yet (nil when there is none): the hook a view's extension calls.
func (ks *triageKeepers) keepUp(sn *model.Snapshot, vc model.View) tea.Cmd {
	ks.mu.Lock()
	list := make([]*triageKeeper, 0, len(ks.byPt))
	for _, k := range ks.byPt {
		list = append(list, k)
	}
	ks.mu.Unlock()
	if len(list) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, k := range list {
			k.keepUp(sn, &vc, vc.Len())
		}
		return nil
	}
}

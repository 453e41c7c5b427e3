package timeline

import (
	"context"
	"runtime"
	"sync"

	"connlog/model"
	"connlog/model/triage"
)

// countChunk is how many rows a counter handles between two looks at its
// context, and the least a core is given.
const countChunk = 1 << 14

// Count tallies rows [lo, hi) of a view over a snapshot, on every core. It
// reads the index only: time, level and kind, and for analytics events and
// audit records the indexed fields that say failed or denied — no line is
// re-read. A row the store has evicted since is skipped. It stops early,
// with what it has, when ctx is cancelled.
func Count(ctx context.Context, sn *model.Snapshot, vc *model.View, lo, hi int) Counts {
	lo, hi = max(lo, 0), min(hi, vc.Len())
	if hi <= lo {
		return Counts{}
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), (hi-lo)/countChunk))
	parts := make([]Counts, workers)
	step := (hi - lo + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		from, to := lo+w*step, min(lo+(w+1)*step, hi)
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = countRange(ctx, sn, vc, from, to)
		}()
	}
	wg.Wait()
	out := parts[0]
	for _, p := range parts[1:] {
		out.Add(p)
	}
	return out
}

func countRange(ctx context.Context, sn *model.Snapshot, vc *model.View, lo, hi int) Counts {
	var c Counts
	var e model.Entry
	for i := lo; i < hi; i++ {
		if (i-lo)%countChunk == 0 && ctx.Err() != nil {
			break
		}
		seq := vc.At(i)
		if !sn.Has(seq) {
			continue
		}
		p := pointOf(sn, seq, &e)
		c.addPoint(&p)
	}
	return c
}

// pointOf reads what counting needs of entry seq, loading the indexed
// fields only for the kinds whose marks live there.
func pointOf(sn *model.Snapshot, seq int64, e *model.Entry) point {
	at, l, k := sn.Meta(seq)
	p := point{ns: at.UnixNano(), level: l, kind: k}
	if p.kind == model.KindAnalytics || p.kind == model.KindAudit {
		if sn.Load(seq, e, model.LoadIndex) == nil {
			p.failed, p.denied = triage.Marks(e.Kind, e.Level, e.Fields)
		}
	}
	return p
}

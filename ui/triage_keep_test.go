package ui

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/triage"
	"connlog/source/synth"
)

// synthBatches decodes n generated connector lines (service lines and
// analytics events, as a level-7 connector writes them) and cuts them into
// batches of random sizes, as a follow hands them over.
func synthBatches(seed uint64, n int) [][]model.Entry {
	g := synth.New(int64(seed), synth.Options{})
	dec := decode.New(0, decode.Options{})
	rng := rand.New(rand.NewPCG(seed, 7))
	var out [][]model.Entry
	var es []model.Entry
	for i := 0; i < n; i++ {
		l, at, _ := g.Next(nil)
		es = dec.Decode(&model.Record{Raw: l, Offset: -1, Received: at}, es)
		if rng.IntN(300) == 0 {
			out, es = append(out, es), nil
		}
	}
	return append(out, append(es, dec.Flush(nil)...))
}

// keepFilters are the filters of the kept views: every entry, and the
// connection events with the errors.
var keepFilters = map[string]model.Filter{
	"all": {},
	"some": {Match: func(e *model.Entry) bool {
		return e.Kind == model.KindAnalytics || e.Level >= model.LevelError
	}},
}

// TestKeeperEqualsFromScratch: a keeper extended batch by batch as the
// view grows reports, after every batch, what counting the whole view
// afresh reports — for each view's parts and for two filters.
func TestKeeperEqualsFromScratch(t *testing.T) {
	batches := synthBatches(11, 6000)
	opts := triage.ReportOptions{Top: 50, Sessions: func(*triage.Session) bool { return true }}
	for name, f := range keepFilters {
		for _, parts := range []triage.Parts{topNParts, templatesParts, sessionsParts} {
			st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse})
			v, _ := model.BuildView(context.Background(), st.Snapshot(), f)
			k := newTriageKeeper(parts)
			for i, b := range batches {
				st.Append(append([]model.Entry(nil), b...))
				sn := st.Snapshot()
				v.Extend(sn, f)
				k.keepUp(sn, v, v.Len())
				want, err := triageReport(context.Background(), sn, v, parts, opts, nil)
				if err != nil {
					t.Fatal(err)
				}
				k.mu.Lock()
				got := k.tr.Report(opts)
				k.mu.Unlock()
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s, parts %b: after batch %d (%d rows) the kept report differs from a fresh count", name, parts, i, v.Len())
				}
			}
			if k.tr.Report(opts).Entries == 0 {
				t.Fatalf("%s: nothing was counted", name)
			}
		}
	}
}

// TestKeeperResumesAfterCancel: a catch-up cancelled part way keeps what
// it counted, and the next one counts the rest, once.
func TestKeeperResumesAfterCancel(t *testing.T) {
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse})
	for _, b := range synthBatches(12, 4*triageChunk) {
		st.Append(b)
	}
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	k := newTriageKeeper(topNParts)
	ctx, cancel := context.WithCancel(context.Background())
	k.mu.Lock()
	k.catchUp(ctx, sn, v, v.Len()/2, nil)
	k.mu.Unlock()
	cancel()
	if _, err := k.report(ctx, sn, v, triage.ReportOptions{}, nil); err == nil {
		t.Fatal("a cancelled catch-up reported")
	}
	got, err := k.report(context.Background(), sn, v, triage.ReportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := triageReport(context.Background(), sn, v, topNParts, triage.ReportOptions{}, nil)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("resumed: %d entries; a fresh count: %d", got.Entries, want.Entries)
	}
}

// TestKeeperUpkeepAndOpeningTogether: the per-batch upkeep and an opening
// of the view run at once (two Cmds) and still count every row once (run
// with -race).
func TestKeeperUpkeepAndOpeningTogether(t *testing.T) {
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse})
	v, _ := model.BuildView(context.Background(), st.Snapshot(), model.Filter{})
	ks := &triageKeepers{}
	k := ks.get(topNParts)
	type opening struct {
		sn *model.Snapshot
		vc model.View
	}
	openings := make(chan opening, 64)
	done := make(chan struct{})
	go func() { // openings, as the views' Cmds: on copies taken by the UI
		defer close(done)
		for o := range openings {
			_, _ = k.report(context.Background(), o.sn, &o.vc, triage.ReportOptions{}, nil)
		}
	}()
	for i, b := range synthBatches(13, 3000) {
		st.Append(b)
		sn := st.Snapshot()
		v.Extend(sn, model.Filter{})
		if i%2 == 0 {
			openings <- opening{sn, *v}
		}
		if cmd := ks.keepUp(sn, *v); cmd != nil {
			cmd()
		}
	}
	close(openings)
	<-done
	sn := st.Snapshot()
	got, _ := k.report(context.Background(), sn, v, triage.ReportOptions{}, nil)
	if got.Entries != int64(v.Len()) {
		t.Errorf("%d entries counted; the view has %d", got.Entries, v.Len())
	}
}

// TestKeeperCountsPrependedRows: the rows of a file's head, read after its
// tail and so prepended with Seqs below zero, are counted like the others
// (a keeper counted only from Seq 0 on).
func TestKeeperCountsPrependedRows(t *testing.T) {
	batches := synthBatches(14, 2000)
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse})
	st.Append(batches[len(batches)-1])
	for i := len(batches) - 2; i >= 0; i-- {
		st.Prepend(batches[i])
	}
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	if sn.First() >= 0 {
		t.Fatalf("the store's first Seq is %d: nothing was prepended", sn.First())
	}
	r, err := triageReport(context.Background(), sn, v, topNParts, triage.ReportOptions{}, nil)
	if err != nil || r.Entries != int64(v.Len()) {
		t.Errorf("%d entries counted (%v); the view has %d", r.Entries, err, v.Len())
	}
}

// TestKeeperAfterEvictions: once the store has evicted rows a keeper
// counted, its report is still that of the rows the view holds.
func TestKeeperAfterEvictions(t *testing.T) {
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, MaxMemory: 2 << 20})
	v, _ := model.BuildView(context.Background(), st.Snapshot(), model.Filter{})
	k := newTriageKeeper(topNParts)
	evicted := false
	for _, b := range synthBatches(15, 30000) {
		st.Append(b)
		sn := st.Snapshot()
		v.Trim(sn)
		v.Extend(sn, model.Filter{})
		k.keepUp(sn, v, v.Len())
		evicted = evicted || sn.First() > 1
	}
	if !evicted {
		t.Fatal("nothing was evicted: the test proves nothing")
	}
	sn := st.Snapshot()
	got, _ := k.report(context.Background(), sn, v, triage.ReportOptions{}, nil)
	want, _ := triageReport(context.Background(), sn, v, topNParts, triage.ReportOptions{}, nil)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after evictions the keeper reports %d entries; the view holds %d", got.Entries, want.Entries)
	}
}

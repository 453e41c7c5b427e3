package source

import (
	"context"
	"fmt"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// A big file read tail first into a store whose budget holds only its
// newest part: the store holds the newest lines, every one from the first
// held on, with one gap in front counting the lines dropped or never read,
// as the ledger does; and the backfill stops once the budget is full
// rather than read a head that could not be held.
func TestTailFirstUnderBudgetHoldsTheNewestStretch(t *testing.T) {
	const total, budget = 200000, 2 << 20
	lines := make([]string, total)
	at := time.Date(2026, 12, 5, 20, 0, 0, 0, time.UTC)
	for i := range lines {
		lines[i] = fmt.Sprintf("%s [DEBUG] [libsdwan] [controller] run_state_machine: tick %d", at.Add(time.Duration(i)*50*time.Millisecond).Format(time.RFC3339Nano), i)
	}
	path := logPath(t)
	appendTo(t, path, joinLines(lines))

	store := model.NewStore(model.StoreOptions{MaxMemory: budget, Reparse: decode.Reparse})
	sent := 0
	f := NewFile(path, 0, FileOptions{TailFirst: true, ReuseBlocks: true, BackfillFull: store.Full})
	f.tailSizes = tailFirstSizes{blockBytes: 64 << 10}
	store.SetRawReader(0, f)
	feeds := []Feed{{ID: 0, Source: f, Decode: decode.Options{Location: time.UTC}, Finite: true}}
	Ingest(context.Background(), feeds, func(es []model.Entry, front bool) {
		if front {
			store.Prepend(es)
		} else {
			store.Append(es)
		}
		for i := range es {
			if es[i].Kind != model.KindGap {
				sent++
			}
		}
	}, nil)

	sn, st := store.Snapshot(), store.Stats()
	if st.Evicted == 0 {
		t.Fatal("nothing was dropped: the test does not test")
	}
	var e model.Entry
	if err := sn.Load(sn.First(), &e, model.LoadIndex); err != nil || e.Kind != model.KindGap {
		t.Fatalf("the first entry held is %v (%v), not the gap", e.Kind, err)
	}
	count, _ := e.Fields.Num(model.KeyGapCount)
	if int64(count) != st.Loss.ByKind[model.GapEvictionReason] || st.Loss.Events != 1 {
		t.Errorf("the front gap says %d lines; the ledger %d in %d events", int64(count), st.Loss.ByKind[model.GapEvictionReason], st.Loss.Events)
	}
	held := sn.Len() - 1
	if int(count)+held != total {
		t.Errorf("%d lines held and %d counted lost, of %d", held, int64(count), total)
	}
	for i, seq := 0, sn.FirstLine(); seq < sn.End(); seq++ {
		if seq == 0 {
			continue // no entry's Seq
		}
		if err := sn.Load(seq, &e, model.LoadRaw); err != nil {
			t.Fatal(err)
		}
		if want := lines[total-held+i]; string(e.Raw) != want {
			t.Fatalf("held line %d is %q, want %q: the lines held are not the newest, in order", i, e.Raw, want)
		}
		i++
	}
	if !sn.Time(sn.First()).Equal(sn.Time(sn.FirstLine())) {
		t.Errorf("the gap is dated %v, the first line held %v", sn.Time(sn.First()), sn.Time(sn.FirstLine()))
	}
	// Once the budget is full, the blocks in flight are all the backfill
	// may still send: not the rest of the head.
	if sent >= total {
		t.Errorf("every line was sent (%d held): the backfill went on past the budget", held)
	}
}

package model

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// A word search reads lines without their fields (Filter.RawOnly): its view
// is the one a search loading the fields builds, through spans, single
// reads, failed reads and lines held in memory, and gaps, which have no
// line, are still found by their message.
func TestRawOnlySearchFindsWhatAFullLoadFinds(t *testing.T) {
	s, _, _ := manyStore(t, nil)
	gap := Entry{Kind: KindGap, Level: LevelWarn, Time: t0, Origin: Origin{Offset: -1},
		Fields: Fields{Str(KeyGapReason, GapTruncated), Str(KeyMessage, "file truncated: line 1 lost")}}
	s.Append([]Entry{gap})
	sn := s.Snapshot()
	var fieldsSeen atomic.Int64
	search := func(e *Entry) bool {
		if !e.IsMark() && len(e.Fields) > 0 {
			fieldsSeen.Add(1)
		}
		text := string(e.Raw)
		if e.IsMark() {
			text = e.Fields.Value(KeyMessage)
		}
		return strings.Contains(text, "line 1")
	}
	plain := Filter{Load: LoadRaw, Match: search}
	want, _ := BuildView(context.Background(), sn, plain)
	if fieldsSeen.Load() == 0 {
		t.Fatal("a load with fields gave no line any: the test no longer tells the loads apart")
	}
	fieldsSeen.Store(0)
	rawOnly := plain
	rawOnly.RawOnly = true
	got, _ := BuildView(context.Background(), sn, rawOnly)
	if !slices.Equal(seqs(got), seqs(want)) {
		t.Fatalf("raw only: %d matches; with fields: %d", got.Len(), want.Len())
	}
	if last := got.At(got.Len() - 1); last != sn.End()-1 {
		t.Errorf("the gap's message was not searched: the last match is %d, the gap %d", last, sn.End()-1)
	}
	if n := fieldsSeen.Load(); n != 0 {
		t.Errorf("a raw-only search loaded the fields of %d lines", n)
	}
}

// A row whose raw length or origin did not fit spills them into its
// fields: a raw-only load must read those; a gap or boundary is searched
// by its message, a field.
func TestRawStandsAlone(t *testing.T) {
	line, _ := packMeta(KindService, LevelInfo, 0, 7)
	far, _ := packMeta(KindService, LevelInfo, 0, originInAttrs+5)
	gap, _ := packMeta(KindGap, LevelWarn, 0, 7)
	short, _ := packRaw(true, 100, 80)
	huge, _ := packRaw(true, 100, rawLenMask+10)
	for _, c := range []struct {
		name string
		r    row
		want bool
	}{
		{"a line", row{raw: short, meta: line, attrs: 1}, true},
		{"a huge line", row{raw: huge, meta: line, attrs: 1}, false},
		{"a line of a far origin", row{raw: short, meta: far, attrs: 1}, false},
		{"a gap", row{meta: gap, attrs: 1}, false},
	} {
		if got := c.r.rawStandsAlone(); got != c.want {
			t.Errorf("%s: stands alone %v, want %v", c.name, got, c.want)
		}
	}
}

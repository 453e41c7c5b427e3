package model

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"
)

// untimedAt are the entries of TestStoreKeepsZeroTime without a time: the
// store's first row (which sets its block's and group's time bases), rows
// amid timed ones of a group, a whole group, the first rows of the second
// block, and the last row.
var untimedAt = map[int]bool{0: true, 5: true, 17: true, 1023: true, 1024: true, 1025: true, 2099: true}

func init() {
	for i := 32; i < 48; i++ {
		untimedAt[i] = true
	}
}

// An entry without a time (the zero time: a line held at time zero) comes
// back without one, whatever its row's place among timed ones, through
// every way the table, the views and the exports read the store: a row's
// time, a load, a load of many, a view's filter, a connection's partner.
// Its nanoseconds overflow int64, which read back as a day of 1754.
func TestStoreKeepsZeroTime(t *testing.T) {
	var es []Entry
	for i := range 2100 {
		at := t0.Add(time.Duration(i) * time.Millisecond)
		if untimedAt[i] {
			at = time.Time{}
		}
		e := service(fmt.Sprintf("line %d", i), at)
		if i == 5 {
			e = analytics("c-untimed", EventEstablished, at)
		}
		if i == 6 {
			e = analytics("c-untimed", EventClosed, at)
		}
		if i == 7 { // the one real time whose nanoseconds are the store's mark of none
			e.Time = time.Unix(0, math.MinInt64)
		}
		es = append(es, e)
	}
	s := NewStore(StoreOptions{})
	s.Append(es)
	sn := s.Snapshot()
	wantZero := func(how string, seq int64, got time.Time) {
		t.Helper()
		i := int(seq - es[0].Seq)
		switch {
		case i == 7 && got.IsZero():
			t.Errorf("%s: entry %d of 1677 reads back without a time", how, seq)
		case i != 7 && untimedAt[i] != got.IsZero():
			t.Errorf("%s: entry %d: time %v, want zero %v", how, seq, got, untimedAt[i])
		case i != 7 && !untimedAt[i] && !got.Equal(es[i].Time):
			t.Errorf("%s: entry %d: time %v, want %v", how, seq, got, es[i].Time)
		}
	}
	ptrs := make([]*Entry, len(es))
	for i, e := range es {
		wantZero("Time", e.Seq, sn.Time(e.Seq))
		for _, what := range []Load{LoadIndex, LoadRaw} {
			var got Entry
			if err := sn.Load(e.Seq, &got, what); err != nil {
				t.Fatal(err)
			}
			wantZero(fmt.Sprintf("Load(%d)", what), e.Seq, got.Time)
			if what == LoadRaw && string(got.Raw) != string(e.Raw) {
				t.Errorf("entry %d: raw %q, want %q", e.Seq, got.Raw, e.Raw)
			}
		}
		ptrs[i] = &Entry{Seq: e.Seq}
	}
	sn.LoadMany(ptrs, LoadRaw, nil, nil)
	for _, e := range ptrs {
		wantZero("LoadMany", e.Seq, e.Time)
	}
	seen := 0
	all := Filter{
		Maybe: func(e *Entry) bool { wantZero("a view's Maybe", e.Seq, e.Time); return true },
		Match: func(e *Entry) bool { wantZero("a view's Match", e.Seq, e.Time); seen++; return true },
	}
	if _, err := BuildView(context.Background(), sn, all); err != nil || seen != len(es) {
		t.Fatalf("a view matched %d of %d entries (%v)", seen, len(es), err)
	}
	if p, ok := s.PairOf(&es[6]); !ok || p.Partner != es[5].Seq || !p.PartnerTime.IsZero() {
		t.Errorf("the close's partner = %d at %v (%v), want %d without a time", p.Partner, p.PartnerTime, ok, es[5].Seq)
	}
}

// A row without a time takes a far entry of its own rather than setting
// its block's time base: as the store's first, it would leave every timed
// row after it in the block out of the base's reach, each with a far entry.
func TestUntimedFirstRowLeavesTimedRowsPacked(t *testing.T) {
	es := []Entry{service("no time", time.Time{})}
	for i := range 100 {
		es = append(es, service(fmt.Sprintf("line %d", i), t0.Add(time.Duration(i)*time.Millisecond)))
	}
	s := NewStore(StoreOptions{})
	s.Append(es)
	far := int64(0)
	for _, refs := range s.held {
		far += refs.farLen
	}
	if far != 1 {
		t.Errorf("%d far rows, want 1: the row without a time", far)
	}
	if got := s.Snapshot().Time(es[0].Seq); !got.IsZero() {
		t.Errorf("the first row's time = %v, want none", got)
	}
}

package model

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// judgedScan scans a store of 20,000 split events with a filter that
// matches and rules out by ask's words, and returns the scanner and what
// it found.
func judgedScan(t *testing.T, match func(*Entry) bool, ask func(*Entry, func(string) bool) bool, keys ...string) (*scanner, []int64) {
	t.Helper()
	s := NewStore(StoreOptions{})
	es := make([]Entry, 20_000)
	for i := range es {
		es[i] = event(i)
	}
	s.Append(es)
	sn := s.Snapshot()
	f := Filter{Match: match, Load: LoadIndex, NeedKeys: [][]string{keys}, Keys: keys, MaybeFields: MaybeFields{Ask: ask, Keys: keys}}
	sc := sn.scanner(f, int64(sn.Len()))
	if sc.judge == nil {
		t.Fatal("no judge")
	}
	return sc, sc.scan(context.Background(), sn.first, sn.end, nil)
}

// everyMatch returns the Seqs of the entries of event(0 … n-1) that match.
func everyMatch(n int, match func(*Entry) bool) []int64 {
	var seqs []int64
	for i := range n {
		if e := event(i); match(&e) {
			seqs = append(seqs, int64(i+1))
		}
	}
	return seqs
}

// A judge whose templates rule events out keeps judging, and its view is
// the entries' own matches.
func TestJudgeThatRulesOutKeepsJudging(t *testing.T) {
	match := func(e *Entry) bool { return strings.HasPrefix(e.Fields.Value(KeyUserEmail), "user1@") }
	ask := func(e *Entry, unknown func(string) bool) bool {
		return unknown(KeyUserEmail) || slices.ContainsFunc(e.Fields, func(f Field) bool { return f.Key == KeyUserEmail && strings.HasPrefix(f.Value, "user1@") })
	}
	sc, got := judgedScan(t, match, ask, KeyUserEmail)
	if want := everyMatch(20_000, match); !slices.Equal(got, want) || len(want) == 0 {
		t.Fatalf("the scan found %d entries, %d match", len(got), len(want))
	}
	if sc.judge.off || sc.judge.ruledOut == 0 {
		t.Fatalf("the judge stopped (%v) or ruled nothing out (%d of %d)", sc.judge.off, sc.judge.ruledOut, sc.judge.asked)
	}
}

// A judge that rules out nothing the key probe would not stops asking
// after its trial, and its view is still the entries' own matches.
func TestJudgeThatRulesNothingOutStops(t *testing.T) {
	match := func(e *Entry) bool { return strings.HasSuffix(e.Fields.Value(KeyConnID), "7-1") }
	ask := func(*Entry, func(string) bool) bool { return true }
	sc, got := judgedScan(t, match, ask, KeyConnID)
	if want := everyMatch(20_000, match); !slices.Equal(got, want) || len(want) == 0 {
		t.Fatalf("the scan found %d entries, %d match", len(got), len(want))
	}
	if !sc.judge.off || sc.judge.asked != judgeTrial {
		t.Fatalf("the judge asked %d times and is on", sc.judge.asked)
	}
}

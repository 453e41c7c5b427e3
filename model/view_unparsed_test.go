package model

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// A filter's MaybeUnparsed skips a line before it is parsed, but only a
// line whose message the store says is a part of its raw bytes: the view
// is the one a full load of every line builds, through spans, single
// reads, failed reads and lines held in memory, and no line MaybeUnparsed
// could reject is parsed.
func TestMaybeUnparsedSkipsLinesWithoutParsingThem(t *testing.T) {
	// A line with a 7 in it is not one whose message is in its raw bytes:
	// its parse adds the text searched for, so skipping it on its raw
	// bytes would lose it.
	inRaw := func(e *Entry) bool { return !strings.Contains(string(e.Raw), "7") }
	var parsed, parsedNeedlessly atomic.Int64
	reparse := func(e *Entry) {
		parsed.Add(1)
		msg := string(e.Raw)
		if !inRaw(e) {
			msg += " line 1"
		} else if !strings.Contains(msg, "line 1") {
			parsedNeedlessly.Add(1)
		}
		e.Fields = Fields{Str(KeyMessage, msg)}
	}
	s, _, _ := manyStore(t, reparse)
	sn := s.Snapshot()
	match := func(e *Entry) bool { return strings.Contains(e.Fields.Value(KeyMessage), "line 1") }
	plain := Filter{Load: LoadFull, Match: match}
	want, _ := BuildView(context.Background(), sn, plain)
	parsedPlain := parsed.Load()
	if want.Len() == 0 || parsedNeedlessly.Load() == 0 {
		t.Fatal("the full load found nothing or parsed nothing it could skip: the test no longer tells the loads apart")
	}

	s.opt.MessageInRaw = inRaw
	s.publish()
	sn = s.Snapshot()
	parsed.Store(0)
	parsedNeedlessly.Store(0)
	pruned := plain
	pruned.MaybeUnparsed = func(e *Entry) bool { return strings.Contains(string(e.Raw), "line 1") }
	got, _ := BuildView(context.Background(), sn, pruned)
	if !slices.Equal(seqs(got), seqs(want)) {
		t.Fatalf("with MaybeUnparsed: %d matches; a full load of every line: %d", got.Len(), want.Len())
	}
	if n := parsedNeedlessly.Load(); n != 0 {
		t.Errorf("%d lines MaybeUnparsed rejects were parsed", n)
	}
	if parsed.Load() >= parsedPlain {
		t.Errorf("MaybeUnparsed parsed %d lines, a full load %d", parsed.Load(), parsedPlain)
	}
}

// MaybeUnparsed is asked of a line with the indexed fields its filter
// reads, and only of a kind whose index holds them as a parse would: once
// an entry of the kind carried a field the index could not keep, every
// line of it is parsed.
func TestMaybeUnparsedReadsTheIndex(t *testing.T) {
	module := func(raw []byte) string { return "m" + string(raw[len(raw)-1]) }
	var parsed atomic.Int64
	reparse := func(e *Entry) {
		parsed.Add(1)
		e.Fields = Fields{Str(KeyModule, module(e.Raw)), Str(KeyMessage, string(e.Raw))}
	}
	s := NewStore(StoreOptions{Reparse: reparse, MessageInRaw: func(*Entry) bool { return true }})
	var es []Entry
	for i := range 300 {
		raw := []byte(fmt.Sprint([]string{"line ", "item ", "line "}[i%3], i))
		es = append(es, Entry{Kind: KindService, Time: t0, Raw: raw, Origin: Origin{Offset: -1}, Fields: Fields{Str(KeyModule, module(raw))}})
	}
	s.Append(es)
	match := func(e *Entry) bool {
		return e.Fields.Value(KeyModule) == "m1" && strings.Contains(e.Fields.Value(KeyMessage), "line")
	}
	unparsed := func(e *Entry) bool {
		return e.Fields.Value(KeyModule) == "m1" && strings.Contains(string(e.Raw), "line")
	}
	f := Filter{Load: LoadFull, Match: match, Keys: []string{KeyModule, KeyMessage}}
	want, _ := BuildView(context.Background(), s.Snapshot(), f)
	all := parsed.Swap(0)
	f.MaybeUnparsed = unparsed
	got, _ := BuildView(context.Background(), s.Snapshot(), f)
	if !slices.Equal(seqs(got), seqs(want)) || want.Len() == 0 {
		t.Fatalf("tested on the index: %d matches; a full load of every line: %d", got.Len(), want.Len())
	}
	if n := parsed.Swap(0); n != int64(want.Len()) {
		t.Errorf("%d lines parsed for %d matches: the module on the index did not skip the others", n, want.Len())
	}
	s.Append([]Entry{{Kind: KindService, Time: t0, Raw: []byte("x"), Origin: Origin{Offset: -1}, Fields: Fields{Int(keyItem, 1)}}})
	BuildView(context.Background(), s.Snapshot(), f)
	if n := parsed.Swap(0); n != all+1 {
		t.Errorf("%d lines parsed of %d, though the kind's index no longer holds its fields", n, all+1)
	}
}

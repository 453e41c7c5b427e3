package model

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// A filter's RawMaybe skips a line before it is parsed, but only a line
// whose message the store says is a part of its raw bytes: the view is the
// one a full load of every line builds, through spans, single reads,
// failed reads and lines held in memory, and no line RawMaybe could
// reject is parsed.
func TestRawMaybeSkipsLinesWithoutParsingThem(t *testing.T) {
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
	pruned.RawMaybe = func(raw []byte) bool { return strings.Contains(string(raw), "line 1") }
	got, _ := BuildView(context.Background(), sn, pruned)
	if !slices.Equal(seqs(got), seqs(want)) {
		t.Fatalf("with RawMaybe: %d matches; a full load of every line: %d", got.Len(), want.Len())
	}
	if n := parsedNeedlessly.Load(); n != 0 {
		t.Errorf("%d lines RawMaybe rejects were parsed", n)
	}
	if parsed.Load() >= parsedPlain {
		t.Errorf("RawMaybe parsed %d lines, a full load %d", parsed.Load(), parsedPlain)
	}
}

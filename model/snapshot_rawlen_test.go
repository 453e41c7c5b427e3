package model

import (
	"bytes"
	"testing"
	"time"
)

// RawLen reads every length a row can hold: a packed row's, a long line's
// (kept apart from the packed rows) and a huge line's (kept with its
// fields); an entry not held has none.
func TestSnapshotRawLen(t *testing.T) {
	s := NewStore(StoreOptions{})
	short := service("short", t0)
	long := service("long", t0.Add(time.Second))
	long.Raw = bytes.Repeat([]byte("l"), 5000)
	huge := service("huge", t0.Add(2*time.Second))
	huge.Raw = bytes.Repeat([]byte("h"), rawLenMask+5)
	s.Append([]Entry{short, long, huge})
	sn := s.Snapshot()
	for seq, want := range map[int64]int{1: len(short.Raw), 2: len(long.Raw), 3: len(huge.Raw), 4: 0, 0: 0} {
		if got := sn.RawLen(seq); got != want {
			t.Errorf("RawLen(%d) = %d, want %d", seq, got, want)
		}
	}
}

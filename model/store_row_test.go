package model

import (
	"bytes"
	"errors"
	"testing"
)

// What does not fit a row's bits goes with the fields and comes back
// whole: a record's item number, an origin past the 65,535th and a line
// longer than the row's 23-bit length.
func TestRowSpillsComeBackWhole(t *testing.T) {
	s := NewStore(StoreOptions{})
	var es []Entry
	for pid := range originInAttrs + 10 {
		e := service("x", t0)
		e.Origin.PID = pid
		es = append(es, e)
	}
	flow := service("flow", t0)
	flow.Item = 7
	big := service("big", t0)
	big.Raw = bytes.Repeat([]byte("y"), rawLenMask+5)
	es = append(es, flow, big)
	s.Append(es)
	sn := s.Snapshot()
	var e Entry
	for _, seq := range []int64{1, originInAttrs, originInAttrs + 1, originInAttrs + 10} {
		if err := sn.Load(seq, &e, LoadRaw); err != nil || e.Origin.PID != int(seq-1) || string(e.Raw) != "[DEBUG] [libsdwan] x" {
			t.Fatalf("seq %d: pid %d raw %q err %v", seq, e.Origin.PID, e.Raw, err)
		}
	}
	if err := sn.Load(originInAttrs+11, &e, LoadIndex); err != nil || e.Item != 7 {
		t.Fatalf("item %d, err %v", e.Item, err)
	}
	if err := sn.Load(originInAttrs+12, &e, LoadRaw); err != nil || !bytes.Equal(e.Raw, big.Raw) {
		t.Fatalf("big line: %d bytes back of %d, err %v", len(e.Raw), len(big.Raw), err)
	}
}

// A line further into a file than a row can point is kept in memory
// rather than re-read from the wrong place.
func TestRowKeepsFarFileLinesInMemory(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.SetRawReader(0, failingReader{})
	e := service("far", t0)
	e.Origin.Offset = maxFileOffset + 1
	near := service("near", t0)
	near.Origin.Offset = 10
	s.Append([]Entry{e, near})
	var got Entry
	if err := s.Snapshot().Load(1, &got, LoadRaw); err != nil || string(got.Raw) != string(e.Raw) {
		t.Fatalf("far line: %q, %v", got.Raw, err)
	}
	if err := s.Snapshot().Load(2, &got, LoadRaw); err == nil || got.Origin.Offset != 10 {
		t.Fatalf("near line must be re-read from offset 10 (the reader fails): offset %d, err %v", got.Origin.Offset, err)
	}
}

// failingReader is a file that cannot be read any more.
type failingReader struct{}

func (failingReader) ReadRaw(int64, int, []byte) ([]byte, error) {
	return nil, errors.New("gone")
}

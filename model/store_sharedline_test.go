package model

import (
	"bytes"
	"context"
	"slices"
	"testing"
)

// sharedLine is a line of three records, each an entry apart from the
// others' records (Entry.Others), as the decoder gives them.
const sharedLine = `{"rows":[{"id":"aa1"},{"id":"bb2"},{"id":"cc3"}]}`

func sharedLineEntries(src SourceID, off int64) []Entry {
	rows := []Span{{9, 21}, {22, 34}, {35, 47}}
	var es []Entry
	for i, own := range rows {
		var others []Span
		if i > 0 {
			others = append(others, Span{rows[0].Start, own.Start})
		}
		if i < len(rows)-1 {
			others = append(others, Span{own.End, rows[len(rows)-1].End})
		}
		es = append(es, Entry{Source: src, Kind: KindJSON, Time: t0, Flags: FlagSharedLine, Item: i,
			Raw: []byte(sharedLine), Origin: Origin{Offset: off}, Others: others,
			Fields: Fields{Str("id", string(sharedLine[own.Start+7:own.Start+10]))}})
	}
	return es
}

// ownTextHas is a word search over an entry's own text.
func ownTextHas(word string) func(*Entry) bool {
	return func(e *Entry) bool {
		for piece := range e.OwnText() {
			if bytes.Contains(piece, []byte(word)) {
				return true
			}
		}
		return false
	}
}

// The entries of one line keep the parts of it that are the others'
// through the store, whether their line is held or re-read from its file,
// and a word search, which loads no fields (RawOnly), still has them: the
// word of one record finds its entry alone, the line's wrapping all three.
func TestSharedLineEntriesKeepTheOthersParts(t *testing.T) {
	s := NewStore(StoreOptions{})
	s.SetRawReader(1, oneLineFile{[]byte(sharedLine + "\n")})
	s.Append(sharedLineEntries(1, 0))  // re-read from its file
	s.Append(sharedLineEntries(2, -1)) // held
	sn := s.Snapshot()
	for _, c := range []struct {
		word string
		want []int64
	}{
		{"bb2", []int64{2, 5}},
		{"aa1", []int64{1, 4}},
		{`"rows"`, []int64{1, 2, 3, 4, 5, 6}},
		{`"},{"`, nil}, // across a record's end: in no entry's own text
	} {
		for _, rawOnly := range []bool{false, true} {
			v, err := BuildView(context.Background(), sn, Filter{Load: LoadRaw, RawOnly: rawOnly, Match: ownTextHas(c.word)})
			if err != nil {
				t.Fatal(err)
			}
			if got := seqs(v); !slices.Equal(got, c.want) {
				t.Errorf("%s (raw only %v): matched %v, want %v", c.word, rawOnly, got, c.want)
			}
		}
	}
	var e Entry
	if err := sn.Load(6, &e, LoadRaw); err != nil || !slices.Equal(e.Others, []Span{{9, 35}}) || e.Item != 2 {
		t.Errorf("entry 6 loaded with others %v, item %d (err %v)", e.Others, e.Item, err)
	}
}

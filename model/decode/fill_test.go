package decode

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"connlog/model"
)

// An entry is made in memory its slice already had (a pooled batch's), so
// nothing of the entry that lay there before may be left in it: each line
// of the payload fixtures, decoded into a slice whose spare room holds an
// entry with every field set, is the entry decoded into a fresh slice.
func TestEntriesKeepNothingOfTheMemoryTheyAreMadeIn(t *testing.T) {
	dirty := model.Entry{Seq: 9, Time: time.Unix(1, 0), Level: model.LevelError, Kind: model.KindGap, Flags: model.FlagTruncated,
		Source: 7, Origin: model.Origin{Host: "h", Unit: "u", Ident: "i", PID: 3, Offset: 99, Envelope: "x", Journal: &model.JournalFields{Unit: "j"}},
		Fields: model.Fields{model.Str("k", "v")}, Raw: []byte("old"), Payload: []byte("old"), Err: "e", Item: 4,
		Others: []model.Span{{Start: 1, End: 2}}, Template: "t"}
	options := map[string]Options{
		"full":  {},
		"lean":  {LeanService: true, LeanAnalytics: true, LeanText: true},
		"index": {IndexService: true, IndexAnalytics: true, Templates: true},
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "payloads", "*.log"))
	if len(files) == 0 {
		t.Fatal("no payload fixtures")
	}
	for _, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for name, opts := range options {
			opts.Reference = readTime
			for i, rec := range fileRecords(content) {
				want := New(1, opts).Decode(&rec, nil)
				room := make([]model.Entry, 0, len(want)+1)
				for j := range cap(room) {
					room[:cap(room)][j] = dirty
				}
				got := New(1, opts).Decode(&rec, room)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s line %d, %s: decoded into used memory\n got %+v\nwant %+v", filepath.Base(f), i+1, name, got, want)
				}
			}
		}
	}
}

package decode

import (
	"testing"

	"connlog/model"
)

// A file source sends a line whose newline never came with NotePartialLine;
// the entry must say so.
func TestPartialLineNoteFlagsTheEntry(t *testing.T) {
	d := New(1, Options{})
	recs := []model.Record{
		{Raw: []byte("[INFO] [connector] State: Online"), Offset: 0},
		{Raw: []byte("[DEBUG] [libsdwan] half a li"), Offset: 33, Note: model.NotePartialLine},
	}
	var out []model.Entry
	for i := range recs {
		out = d.Decode(&recs[i], out)
	}
	if len(out) != 2 {
		t.Fatalf("got %d entries, want 2", len(out))
	}
	if out[0].Flags.Has(model.FlagPartial) || !out[1].Flags.Has(model.FlagPartial) {
		t.Errorf("flags = %v, %v; want only the second partial", out[0].Flags, out[1].Flags)
	}
}

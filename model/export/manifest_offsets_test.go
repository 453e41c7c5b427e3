package export

import (
	"testing"

	"connlog/model"
)

// end_offset is just past the furthest line and its newline, though the
// entries come in time order rather than the file's; a line the input
// ended without a newline ends at its last byte.
func TestManifestEndOffset(t *testing.T) {
	at := func(off int64, raw string, flags model.Flags) *model.Entry {
		e := textEntry(raw)
		e.Origin.Offset, e.Flags = off, flags
		return e
	}
	cases := []struct {
		name    string
		entries []*model.Entry
		last    int64
		end     int64
	}{
		{"in order", []*model.Entry{at(0, "one", 0), at(4, "two", 0)}, 4, 8},
		{"time order", []*model.Entry{at(4, "two", 0), at(0, "one", 0)}, 0, 8},
		{"no newline at the end", []*model.Entry{at(0, "one", 0), at(4, "two", model.FlagNoNewline)}, 4, 7},
		{"partial", []*model.Entry{at(0, "on", model.FlagPartial)}, 0, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newManifest(Options{})
			for _, e := range tc.entries {
				m.observe(e)
			}
			s := m.source(1)
			if *s.LastOffset != tc.last || *s.EndOffset != tc.end {
				t.Errorf("last_offset %d end_offset %d; want %d and %d", *s.LastOffset, *s.EndOffset, tc.last, tc.end)
			}
		})
	}
}

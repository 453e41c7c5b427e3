package export

import (
	"testing"

	"connlog/model"
)

// Flow and session rows fill level and source as the NDJSON export does
// (they were left empty); a sessions-only export keeps Pangolin's columns.
func TestCSVFlowAndSessionRowsHaveLevelAndSource(t *testing.T) {
	sources := []SourceInfo{{ID: 2, Name: "newt.log"}, {ID: 4, Name: "flows.json"}}
	entries := append([]*model.Entry{sessionEntry()}, flowEntries()...)
	for _, kinds := range [][]model.Kind{nil, {model.KindFlow}} {
		out := encode(t, entries, Options{Format: FormatCSV, Kinds: kinds, Sources: sources})
		_, rows := readCSV(t, out)
		for i, r := range rows {
			kind := r["kind"]
			if kinds != nil {
				kind = "flow"
			}
			wantSource, wantLevel := "flows.json", "none"
			if kind == "session" {
				wantSource, wantLevel = "newt.log", "info"
			}
			if r["source"] != wantSource || r["level"] != wantLevel {
				t.Errorf("kinds %v row %d (%s): level %q source %q, want %q %q", kinds, i, kind, r["level"], r["source"], wantLevel, wantSource)
			}
		}
	}
	header, _ := readCSV(t, encode(t, []*model.Entry{sessionEntry()}, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindSession}, Sources: sources}))
	if len(header) != 14 {
		t.Errorf("sessions-only header has %d columns, want Pangolin's 14: %v", len(header), header)
	}
}

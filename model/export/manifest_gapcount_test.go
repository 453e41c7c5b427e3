package export

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"connlog/model"
)

// TestManifestGapOfUnknownSizeHasNoCount: a gap whose size is not known is
// listed in the manifest without a count, as ndjson writes it: a count of
// 0 would say that nothing is missing.
func TestManifestGapOfUnknownSizeHasNoCount(t *testing.T) {
	var buf bytes.Buffer
	w := newTarBundle(t, &buf)
	unknown := &model.Entry{Kind: model.KindGap, Time: time.Unix(100, 0), Fields: model.GapFields("truncated", 0)}
	known := &model.Entry{Kind: model.KindGap, Time: time.Unix(101, 0), Fields: model.GapFields("rotation", 7)}
	for _, e := range []*model.Entry{unknown, known} {
		if err := w.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, &buf)
	var m struct {
		Gaps []map[string]any `json:"gaps"`
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Gaps) != 2 {
		t.Fatalf("gaps = %v", m.Gaps)
	}
	if count, ok := m.Gaps[0]["count"]; ok {
		t.Errorf("the gap of unknown size has count %v; want none", count)
	}
	if m.Gaps[1]["count"] != float64(7) {
		t.Errorf("the gap of 7 lines has count %v", m.Gaps[1]["count"])
	}
}

package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/ui/triageview"
)

// payloadFixtures are the files of testdata/payloads, one payload family
// each.
var payloadFixtures = []string{"analytics.log", "audit.log", "flow.log", "json.log", "service.log", "session.log", "text.log"}

// payloadEntries decodes the payload fixtures, each file through its own
// decoder, as separate files are read.
func payloadEntries(t *testing.T) []model.Entry {
	t.Helper()
	var out []model.Entry
	for i, name := range payloadFixtures {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "payloads", name))
		if err != nil {
			t.Fatal(err)
		}
		d := decode.New(model.SourceID(i+1), decode.Options{Location: time.UTC, Reference: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
		for line := range bytes.Lines(b) {
			line = bytes.TrimSuffix(line, []byte("\n"))
			out = d.Decode(&model.Record{Raw: line, Source: model.SourceID(i + 1), Offset: -1}, out)
		}
		out = d.Flush(out)
	}
	return out
}

// A value's count in a top-N table is the number of rows its filter
// shows: enter on a value counted once shows one row. Checked for every
// value of every table over every payload fixture, read together.
func TestTopValueCountIsTheRowsItsPivotShows(t *testing.T) {
	es := payloadEntries(t)
	all := topsOf(es)
	checked := 0
	for tb := triageview.Table(0); tb < triageview.TableCount; tb++ {
		for _, v := range tb.Values(&all) {
			term, exact := pivotTerm(tb, v)
			if v.Other || term == "" || !exact {
				continue
			}
			q, err := query.Compile(term, query.Options{Location: time.UTC})
			if err != nil {
				t.Fatalf("%s %q: the pivot %q does not compile: %v", tb, v.Value, term, err)
			}
			shown := int64(0)
			for i := range es {
				if q.Match(&es[i]) {
					shown++
				}
			}
			if shown != v.Count {
				t.Errorf("%s %q: counted %d, the pivot %q shows %d rows", tb, v.Value, v.Count, term, shown)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d values checked", checked)
	}
}

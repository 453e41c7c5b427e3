package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"connlog/source/synth"
)

// TestSummaryTemplatesAlikeFoldedByTheDecoders: a summary of every entry
// has its service lines folded into templates by the decoders, on every
// core; one with a window, by the triage as it counts the lines selected.
// Over a generated log with the payload fixtures' lines mixed in, a window
// that holds every line gives the templates the whole summary gives.
func TestSummaryTemplatesAlikeFoldedByTheDecoders(t *testing.T) {
	var extra [][]byte
	for _, f := range []string{"service.log", "text.log", "json.log", "analytics.log"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "payloads", f))
		if err != nil {
			t.Fatal(err)
		}
		extra = append(extra, bytes.Split(bytes.TrimSpace(data), []byte("\n"))...)
	}
	n := 0
	path := writeCorpus(t, 20000, 0, synth.Options{}, func(time.Time) []string {
		n++
		if n%40 != 0 {
			return nil
		}
		return []string{string(extra[(n/40)%len(extra)])}
	})
	all := summaryOf(t, "--top", "1000", path)
	windowed := summaryOf(t, "--top", "1000", "--since", "2000-01-01", path)
	if all.Entries != windowed.Entries || all.Entries < 20000 {
		t.Fatalf("%d entries summarised whole, %d in the window", all.Entries, windowed.Entries)
	}
	if len(all.Templates) < 20 {
		t.Fatalf("only %d templates", len(all.Templates))
	}
	if !reflect.DeepEqual(all.Templates, windowed.Templates) {
		t.Errorf("the templates differ:\nwhole:    %+v\nwindowed: %+v", all.Templates, windowed.Templates)
	}
}

package decode

import (
	"testing"

	"connlog/model"
)

// TestEntriesNameTheirInput: every entry a decoder makes carries the name
// of its input (Options.Input), whichever way it is made: a line decoded,
// a line a filter is asked of before its parse, a gap, and lines prepared
// in a batch as big inputs are; a query's file: term reads it.
func TestEntriesNameTheirInput(t *testing.T) {
	const name = "/var/log/b.log"
	var asked []string
	opts := Options{Reference: readTime, Input: name, Unparsed: func(e *model.Entry) bool {
		asked = append(asked, e.Origin.Input)
		return true
	}}
	recs := lineRecords("[INFO] [connector] first", `{"log":"[WARN] [connector] second\n","stream":"stderr","time":"2026-11-20T08:00:01Z"}`)
	recs = append(recs, model.Record{Mark: model.MarkGap, Note: "truncated", Count: 3, Received: readTime, Offset: -1})
	es := decodeAll(opts, recs)
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3", len(es))
	}
	for _, e := range es {
		if e.Origin.Input != name {
			t.Errorf("%v entry %q names input %q, want %q", e.Kind, e.Raw, e.Origin.Input, name)
		}
	}
	if len(asked) == 0 {
		t.Error("the filter was asked of no line before its parse")
	}
	for _, in := range asked {
		if in != name {
			t.Errorf("the filter was asked of a line of input %q, want %q", in, name)
		}
	}

	lines := lineRecords(`{"log":"[INFO] [connector] one\n","stream":"stderr","time":"2026-11-20T08:00:01Z"}`,
		`{"log":"[INFO] [connector] two\n","stream":"stderr","time":"2026-11-20T08:00:02Z"}`)
	d := New(1, Options{Reference: readTime, Input: name})
	out := d.Decode(&lines[0], nil)
	p := d.Preparer()
	if p == nil {
		t.Fatal("no preparer once the envelope is known")
	}
	var b Batch
	p.Clone().Prepare(&b, lines[1:], nil)
	for _, e := range d.Flush(d.Assemble(&b, out)) {
		if e.Origin.Input != name {
			t.Errorf("prepared entry %q names input %q, want %q", e.Raw, e.Origin.Input, name)
		}
	}
}

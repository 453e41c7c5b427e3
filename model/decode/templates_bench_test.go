package decode

import (
	"testing"

	"connlog/model"
	"connlog/source/synth"
)

// BenchmarkFold folds the service entries of a generated level-7
// connector log (bench/gen's lines) into their templates, as a Preparer
// does with Options.Templates, and reports the time an entry.
func BenchmarkFold(b *testing.B) {
	entries := generatedServiceEntries(100_000)
	f := newTemplateFolder(true)
	for b.Loop() {
		for i := range entries {
			entries[i].Template = ""
			f.fold(&entries[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(entries)), "ns/entry")
}

// generatedServiceEntries decodes generated lines until it has n service
// entries.
func generatedServiceEntries(n int) []model.Entry {
	g := synth.New(1, synth.Options{})
	d := New(0, Options{Reference: readTime})
	var out []model.Entry
	for len(out) < n {
		line, _, _ := g.Next(nil) // a buffer of its own: the entries keep it
		for _, e := range d.Decode(&model.Record{Raw: line, Received: readTime}, nil) {
			if e.Kind == model.KindService && len(e.Payload) > 0 {
				out = append(out, e)
			}
		}
	}
	return out[:n]
}

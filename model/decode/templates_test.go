package decode

import (
	"fmt"
	"testing"
	"unsafe"

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

// TestFoldKeepsOneStringPerTemplate folds generated service entries, then
// entries with more distinct templates than a folder keeps: each entry
// folded gets the template ServiceTemplate makes, as the one string the
// folder keeps for it; past maxTemplates, a template not yet kept is left
// unset ("").
func TestFoldKeepsOneStringPerTemplate(t *testing.T) {
	entries := generatedServiceEntries(20_000)
	for i := range maxTemplates + 100 {
		p := fmt.Appendf(nil, "[INFO] [connector] template%c%x said %d", 'a'+i%26, i, i)
		entries = append(entries, model.Entry{Kind: model.KindService, Payload: p})
	}
	entries = append(entries, entries[:20_000]...)
	f := newTemplateFolder(true)
	shared := map[string]*byte{}
	for i := range entries {
		e := &entries[i]
		e.Template = ""
		f.fold(e)
		want := string(ServiceTemplate(nil, e.Payload))
		if e.Template == "" {
			if _, kept := shared[want]; kept || len(shared) < maxTemplates {
				t.Fatalf("entry %d (%q) left unfolded with %d templates kept", i, e.Payload, len(shared))
			}
			continue
		}
		if e.Template != want {
			t.Fatalf("entry %d (%q) folded into %q, want %q", i, e.Payload, e.Template, want)
		}
		if p, ok := shared[want]; !ok {
			shared[want] = unsafe.StringData(e.Template)
		} else if p != unsafe.StringData(e.Template) {
			t.Fatalf("entry %d: template %q is a second string", i, want)
		}
	}
	if len(shared) != maxTemplates {
		t.Errorf("%d templates kept, want %d", len(shared), maxTemplates)
	}
}

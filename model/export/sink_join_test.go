package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// TestSinkNamesInputsThatJoin: an input that joins a followed export (a
// pattern's new file) is named as the first inputs are: in the ndjson
// "source", the CSV column, the journal's CONNLOG_SOURCE and a bundle's
// manifest and members; redacted as they are.
func TestSinkNamesInputsThatJoin(t *testing.T) {
	late := &model.Entry{Time: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), Kind: model.KindText, Source: 1,
		Raw: []byte("late line"), Payload: []byte("late line")}
	for _, f := range []Format{FormatNDJSON, FormatCSV, FormatJournal, FormatBundle} {
		t.Run(f.String(), func(t *testing.T) {
			for _, redact := range []bool{false, true} {
				var out bytes.Buffer
				opts := Options{Format: f, Sources: []SourceInfo{{ID: 0, Name: "/logs/first.log", Path: "/logs/first.log"}}}
				want := "/logs/10.1.2.3/late.log"
				if redact {
					opts.Redact = NewRedactor()
				}
				s, err := NewSink(&out, opts, &testSelector{kind: model.KindText}, SinkOptions{Follow: true})
				if err != nil {
					t.Fatal(err)
				}
				s.AddSources([]SourceInfo{{ID: 1, Name: want, Path: want}})
				s.Batch(batchOf(late), false)
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				got := out.String()
				if f == FormatBundle {
					_, files := readTar(t, &out)
					got = string(files["manifest.json"]) + string(files["entries.ndjson"])
				}
				if has := strings.Contains(got, want); has == redact || !strings.Contains(got, "/logs/") {
					t.Errorf("redact %v: the output names the late input %v:\n%s", redact, has, got)
				}
			}
		})
	}
}

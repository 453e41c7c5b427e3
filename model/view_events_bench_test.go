package model_test

import (
	"context"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// BenchmarkBuildViewOfEvents filters a generated level-7 connector log of
// a million lines, held as the TUI holds it, with queries on connection
// events' fields, with and without ruling events out by their templates
// (Filter.MaybeFields): "judged" against "plain" is what that saves.
func BenchmarkBuildViewOfEvents(b *testing.B) {
	batches, src := putCorpus(b, 1, 1_000_000)
	sn := putAll(batches, src).Snapshot()
	for _, text := range []string{"event:closed_connection country:DE rx>1MB", "user:alice*", "country:DE", "rx>1MB", "connection.id:2ad8*"} {
		q, err := query.Compile(text, query.Options{Now: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		for _, judged := range []bool{true, false} {
			f := q.Filter()
			name := text + "/judged"
			if !judged {
				f.MaybeFields, name = model.MaybeFields{}, text+"/plain"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if _, err := model.BuildView(context.Background(), sn, f); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sn.Len()), "ns/entry")
			})
		}
	}
}

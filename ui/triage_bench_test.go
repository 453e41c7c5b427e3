package ui

import (
	"context"
	"sync/atomic"
	"testing"

	"connlog/model"
	"connlog/model/triage"
)

// BenchmarkTriageReport counts the triage tables over a view of a million
// entries, as the top values and templates views do (entries/s reported).
func BenchmarkTriageReport(b *testing.B) {
	st := millionStore(b)
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r, err := triageReport(context.Background(), sn, v, triage.ReportOptions{Top: triageRows}, new(atomic.Int64))
		if err != nil || r.Entries != int64(v.Len()) {
			b.Fatalf("report of %d entries (%v); want %d", r.Entries, err, v.Len())
		}
	}
	b.ReportMetric(float64(v.Len())*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

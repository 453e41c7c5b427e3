package ui

import (
	"context"
	"sync/atomic"
	"testing"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/triage"
)

// BenchmarkTriageReport counts a view of a million entries afresh, as the
// first opening of each triage view does (entries/s reported): "all"
// counts every table, as the views did when each computed the whole triage.
func BenchmarkTriageReport(b *testing.B) {
	sn, v := millionView(b)
	benchReports(b, sn, v, append([]viewParts{{"all", triage.AllParts}}, triageViews...))
}

// benchReports runs a sub-benchmark per view, each counting every row of
// v afresh for its parts, and reports entries/s and the CPU per entry.
func benchReports(b *testing.B, sn *model.Snapshot, v *model.View, views []viewParts) {
	for _, c := range views {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Process().Seconds()
			for range b.N {
				r, err := triageReport(context.Background(), sn, v, c.parts, triage.ReportOptions{Top: triageRows}, new(atomic.Int64))
				if err != nil || r.Entries != int64(v.Len()) {
					b.Fatalf("report of %d entries (%v); want %d", r.Entries, err, v.Len())
				}
			}
			n := float64(v.Len()) * float64(b.N)
			b.ReportMetric(n/b.Elapsed().Seconds(), "entries/s")
			b.ReportMetric((cputime.Process().Seconds()-cpu)*1e9/n, "cpu-ns/entry")
		})
	}
}

// BenchmarkTriageFromFile is BenchmarkTriageReport over a store of a
// file's lines, as the interface holds a file: each line not in the index
// is re-read from the file (a span of lines at a time) and, for the
// templates, folded from its payload.
func BenchmarkTriageFromFile(b *testing.B) {
	st, _ := fileStore(b, 500_000, false, true)
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	benchReports(b, sn, v, triageViews)
}

// BenchmarkTriageKeepUp measures the upkeep of a kept triage while
// following: each operation counts one batch of 1,024 new rows into a
// keeper already holding the rows before them. cpu-share@50k/s is the
// share of one core the upkeep takes when 50,000 lines arrive a second,
// from the CPU time used (on a shared machine wall time measures the
// neighbours as much as the code).
func BenchmarkTriageKeepUp(b *testing.B) {
	const batch, warm = 1024, 200_000
	sn, v := millionView(b)
	for _, c := range triageViews {
		b.Run(c.name, func(b *testing.B) {
			k := newTriageKeeper(c.parts)
			k.keepUp(sn, v, warm)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cputime.Process().Seconds()
			for i := range b.N {
				hi := warm + (i+1)*batch%(v.Len()-warm)
				if hi <= warm+batch { // wrapped: start over behind the warm rows
					b.StopTimer()
					k.next = v.At(warm-1) + 1
					b.StartTimer()
					hi = warm + batch
				}
				k.keepUp(sn, v, hi)
			}
			perEntry := (cputime.Process().Seconds() - cpu) / float64(b.N*batch)
			b.ReportMetric(perEntry*1e9, "cpu-ns/entry")
			b.ReportMetric(perEntry*50_000, "cpu-share@50k/s")
		})
	}
}

// viewParts names the parts a triage view counts.
type viewParts struct {
	name  string
	parts triage.Parts
}

var triageViews = []viewParts{{"topn", topNParts}, {"templates", templatesParts}, {"sessions", sessionsParts}}

// millionView is the view of every entry of the million-entry store.
func millionView(b *testing.B) (*model.Snapshot, *model.View) {
	sn := millionStore(b).Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	return sn, v
}

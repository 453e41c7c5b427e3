package model

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkBuildView filters a store of a million entries, one in twelve a
// connection event, as a fields query does: a Maybe test on the row, a key
// probe on the indexed fields, and a match on the few fields loaded. The
// Maybe test reads the kind only; "timed" says it may read the time, so
// that it is asked for every row.
func BenchmarkBuildView(b *testing.B) {
	s := NewStore(StoreOptions{})
	batch := make([]Entry, 0, 1024)
	for i := range 1 << 20 {
		at := t0.Add(time.Duration(i) * time.Millisecond)
		if i%12 == 0 {
			batch = append(batch, analytics(fmt.Sprint("c", i), EventEstablished, at))
		} else {
			batch = append(batch, service(fmt.Sprintf("listen::channel_event: event %d", i%97), at))
		}
		if len(batch) == cap(batch) {
			s.Append(batch)
			batch = batch[:0]
		}
	}
	sn := s.Snapshot()
	f := Filter{
		Maybe:    func(e *Entry) bool { return e.Kind == KindAnalytics },
		NeedKeys: [][]string{{KeyUserEmail}},
		Keys:     []string{KeyUserEmail},
		Load:     LoadIndex,
		Match:    func(e *Entry) bool { return strings.HasPrefix(e.Fields.Value(KeyUserEmail), "alice") },
	}
	for _, timeless := range []bool{true, false} {
		f.MaybeTimeless = timeless
		b.Run(map[bool]string{true: "timeless", false: "timed"}[timeless], func(b *testing.B) {
			for range b.N {
				v, err := BuildView(context.Background(), sn, f)
				if err != nil || v.Len() != (1<<20+11)/12 {
					b.Fatalf("matched %d, err %v", v.Len(), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(1<<20), "ns/entry")
		})
	}
}

package timeline

import (
	"context"
	"fmt"
	"testing"
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// BenchmarkCount counts a view of a million entries shaped like the 1 GiB
// benchmark corpus: one in twelve an analytics event with its fields, the
// rest service lines, over ten hours.
func BenchmarkCount(b *testing.B) {
	const n = 1_000_000
	es := make([]model.Entry, n)
	for i := range es {
		at := t0.Add(time.Duration(i) * 36 * time.Millisecond)
		if i%12 == 0 {
			fs := model.Fields{model.Str(model.KeyEventType, model.EventEstablished)}
			for k := range 20 {
				fs = append(fs, model.Str(fmt.Sprintf("field%d", k), fmt.Sprintf("value-%d", i%1000)))
			}
			es[i] = entry(at, model.LevelInfo, model.KindAnalytics, fs...)
			continue
		}
		es[i] = entry(at, model.LevelDebug, model.KindService, model.Str(model.KeyModule, "libsdwan"))
	}
	st := model.NewStore(model.StoreOptions{})
	st.Append(es)
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c := Count(context.Background(), sn, v, 0, v.Len())
		if c.Entries() != n {
			b.Fatalf("%d entries", c.Entries())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/entry")
}

// BenchmarkView draws a strip 160 columns wide over counts at the cap
// (4,096 buckets merged into the buckets shown), as every frame does while
// the strip is on screen, in colour (levels alternate: a run per bucket).
func BenchmarkView(b *testing.B) {
	var c Counts
	for i := range maxBuckets {
		p := point{ns: t0.Add(time.Duration(i) * time.Second).UnixNano(), level: model.Level(i % 8), kind: model.KindService}
		c.addPoint(&p)
	}
	colour := theme.Default()
	m := strip(c, 160, 5, &colour).Blur()
	b.ReportAllocs()
	for range b.N {
		if m.WithCursor(t0.Add(time.Hour)).View() == "" {
			b.Fatal("nothing drawn")
		}
	}
}

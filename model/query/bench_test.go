package query

import (
	"slices"
	"testing"
	"time"

	"connlog/model"
)

// benchEntries builds n realistic entries by varying the hand-built ones:
// several users, countries, levels, sizes and service messages, so that
// every query matches some entries and skips most.
func benchEntries(n int) []model.Entry {
	users := []string{"alice@example.com", "bob@example.com", "carol@corp.example", "Alice.Admin@example.com", "svc-backup@example.com"}
	countries := []string{"US", "DE", "FR", "GB", "DE"}
	messages := []string{
		"[INFO] [connector] State: Online",
		"[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error",
		"[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410",
		"[ERROR] [connector] Failed to submit analytics events: dns error: Too many open files (os error 24)",
		"[DEBUG] [libsdwan] relay connection timeout, retrying in 5s",
	}
	levels := []model.Level{model.LevelDebug, model.LevelDebug, model.LevelInfo, model.LevelWarn, model.LevelError}
	tpl := testEntries()
	out := make([]model.Entry, n)
	for i := range out {
		e := tpl[i%len(tpl)].e
		e.Fields = slices.Clone(e.Fields)
		e.Time = testNow.Add(time.Duration(i-n) * time.Second)
		for j := range e.Fields {
			f := &e.Fields[j]
			switch f.Key {
			case model.KeyUserEmail, model.KeyAuditUserName, model.KeyNodeUser:
				f.Value = users[i%len(users)]
			case model.KeyCountry:
				f.Value = countries[i%len(countries)]
			case model.KeyRx, model.KeyRxBytes:
				*f = model.Int(f.Key, int64(i%7)*400_000)
			}
		}
		if e.Kind == model.KindService {
			e.Raw = []byte(messages[i%len(messages)])
			e.Level = levels[i%len(levels)]
		}
		out[i] = e
	}
	return out
}

// BenchmarkMatch reports the cost of one pass of a query over 10,000
// entries; ns/entry is the figure that matters for a live view.
func BenchmarkMatch(b *testing.B) {
	entries := benchEntries(10_000)
	var size int64
	for i := range entries {
		size += int64(len(entries[i].Raw))
	}
	for _, src := range []string{
		"level>=error",
		"user:alice* level>=warn",
		"user=bob@example.com",
		"event:closed_connection country:DE rx>1MB",
		"timeout",
		"Timeout",
		`"code 410"`,
		"münchen",
		`/code 4\d\d/`,
		"kind:analytics -country:US since:1h",
	} {
		q, err := Compile(src, testOpts)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(src, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			hits := 0
			for b.Loop() {
				hits = 0
				for i := range entries {
					if q.Match(&entries[i]) {
						hits++
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(entries)), "ns/entry")
			b.ReportMetric(float64(hits), "hits")
		})
	}
}

// BenchmarkCompile measures compiling a typical filter-bar query, which
// happens on every keystroke.
func BenchmarkCompile(b *testing.B) {
	src := `event:closed_connection country:DE rx>1MB (user:alice* or user:bob*) -"code 410" since:15m`
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(src, testOpts); err != nil {
			b.Fatal(err)
		}
	}
}

// Each benchmark query must match something, or it measures only misses.
func TestBenchQueriesHit(t *testing.T) {
	entries := benchEntries(1000)
	for _, src := range []string{"level>=error", "user:alice* level>=warn", "user=bob@example.com", "event:closed_connection country:DE rx>1MB", "timeout"} {
		q := mustCompile(t, src)
		hits := 0
		for i := range entries {
			if q.Match(&entries[i]) {
				hits++
			}
		}
		if hits == 0 || hits == len(entries) {
			t.Errorf("%q matches %d of %d bench entries; want some but not all", src, hits, len(entries))
		}
	}
}

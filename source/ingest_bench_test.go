package source

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source/synth"
)

// ingestBenchLines is the size of the corpus BenchmarkIngest loads: a
// level-7 connector log as `docker logs -t` prints it, like bench/gen's.
const ingestBenchLines = 500_000

// BenchmarkIngest loads a file as the TUI does (tail first, decoded on
// every CPU, into a store with the file as the raw-byte reader) and
// reports, per entry: the CPU time of the whole process (cpu-ns/entry;
// 1e9 over it is entries/s per core), the store's own memory account
// (store-B/entry), the live heap it leaves (heap-B/entry), the
// allocations (allocs/entry) and the bytes they took (alloc-B/entry), each
// of which the collector has to clear again.
func BenchmarkIngest(b *testing.B) {
	path := writeIngestCorpus(b)
	var cpu time.Duration
	var mallocs, allocated, entries uint64
	var storeBytes, heapBytes int64
	for b.Loop() {
		before := memNow()
		u0 := cputime.Process()
		store := ingestFile(path)
		cpu += cputime.Process() - u0
		after := memNow()
		st := store.Stats()
		entries += uint64(st.Entries)
		mallocs += after.Mallocs - before.Mallocs
		allocated += after.TotalAlloc - before.TotalAlloc
		storeBytes += st.MemBytes
		heapBytes += int64(after.HeapAlloc) - int64(before.HeapAlloc)
		runtime.KeepAlive(store)
	}
	n := float64(entries)
	b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/entry")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/entry")
	b.ReportMetric(float64(storeBytes)/n, "store-B/entry")
	b.ReportMetric(float64(heapBytes)/n, "heap-B/entry")
	b.ReportMetric(float64(mallocs)/n, "allocs/entry")
	b.ReportMetric(float64(allocated)/n, "alloc-B/entry")
}

// ingestFile reads the file at path to its end into a new store, as the
// TUI does.
func ingestFile(path string) *model.Store {
	src := NewFile(path, 0, FileOptions{TailFirst: true, ReuseBlocks: true})
	return ingestInStore(src, decode.Options{Location: time.UTC, IndexService: true, Templates: true})
}

// ingestInStore reads src (source 0) to its end into a new store, which
// re-reads raw bytes from it, as the TUI does.
func ingestInStore(src *File, dec decode.Options) *model.Store {
	store := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	store.SetRawReader(0, src)
	Ingest(context.Background(), []Feed{{ID: 0, Source: src, Decode: dec}}, func(es []model.Entry, front bool) {
		if front {
			store.Prepend(es)
		} else {
			store.Append(es)
		}
	}, nil)
	return store
}

// writeIngestCorpus writes the benchmark's corpus to a temporary file.
func writeIngestCorpus(b *testing.B) string {
	b.Helper()
	return writeConnectorLog(b, 1, ingestBenchLines)
}

// writeConnectorLog writes n lines of a level-7 connector's log (service
// lines and ANALYTICS events), as `docker logs -t` prints it, generated
// from seed, to a temporary file and returns its path.
func writeConnectorLog(tb testing.TB, seed int64, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "docker-ts.log")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := synth.New(seed, synth.Options{}).WriteDockerTS(f, n); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// memNow returns the memory statistics after a full collection, so that
// the live heap is what is left.
func memNow() runtime.MemStats {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms
}

// BenchmarkRefilter builds a view of the loaded corpus for each query, as
// the TUI does when a filter is entered (W6's queries, then a word search
// and a query of the message, which read every line's raw bytes), and
// reports the time per entry of the store.
func BenchmarkRefilter(b *testing.B) {
	store := ingestFile(writeIngestCorpus(b))
	sn := store.Snapshot()
	for _, src := range []string{"user:alice* level>=warn", "event:closed_connection country:DE rx>1MB", "timeout", "message:*timeout*"} {
		b.Run(src, func(b *testing.B) {
			q, err := query.Compile(src, query.Options{})
			if err != nil {
				b.Fatal(err)
			}
			f := q.Filter()
			u0 := cputime.Process()
			for b.Loop() {
				if _, err := model.BuildView(context.Background(), sn, f); err != nil {
					b.Fatal(err)
				}
			}
			n := float64(b.N * sn.Len())
			b.ReportMetric(float64((cputime.Process()-u0).Nanoseconds())/n, "cpu-ns/entry")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/entry")
		})
	}
}

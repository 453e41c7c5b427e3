package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/decode"
	"connlog/source/synth"
)

// BenchmarkIngestFiles loads the same level-7 connector log as one file
// and cut into 50, each piece a later stretch of time, as the TUI opens
// them (followed, each marking when it has read what it held), into a
// store, until every line is stored; and 300 copies of one small file,
// every time tied across the files. Per entry: wall time (ns/entry) and
// the process's CPU time (cpu-ns/entry) until then, and the live heap the
// run holds once its inputs have been quiet for idleAfter
// (heap-B/entry; the store's rows and fields are off the heap). The pieces
// should cost about what the one file does: a merge that waited for each
// piece to fall quiet took ten times as long, and one that kept what it
// had released held most of what was read.
func BenchmarkIngestFiles(b *testing.B) {
	for _, c := range []struct {
		name         string
		files, lines int
		copies       bool
	}{{"files=1", 1, 200_000, false}, {"files=50", 50, 200_000, false}, {"copies=300", 300, 300 * 1256, true}} {
		b.Run(c.name, func(b *testing.B) {
			lines := int64(c.lines)
			var paths []string
			if c.copies {
				paths = writeCopies(b, c.files, c.lines/c.files)
			} else {
				paths = writeConnectorPieces(b, c.files, c.lines)
			}
			var wall, cpu time.Duration
			var heap int64
			for range b.N {
				before := memNow()
				t0, u0 := time.Now(), cputime.Process()
				store, stop := ingestFollowed(b, paths, lines)
				wall, cpu = wall+time.Since(t0), cpu+cputime.Process()-u0
				b.StopTimer()
				time.Sleep(idleAfter + 500*time.Millisecond)
				heap += int64(memNow().HeapAlloc) - int64(before.HeapAlloc)
				if n := store.Stats().Entries; n != lines {
					b.Fatalf("%d entries stored of %d", n, lines)
				}
				stop()
				b.StartTimer()
			}
			n := float64(int64(b.N) * lines)
			b.ReportMetric(float64(wall.Nanoseconds())/n, "ns/entry")
			b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/entry")
			b.ReportMetric(float64(heap)/n, "heap-B/entry")
		})
	}
}

// ingestFollowed follows the files at paths, as the TUI does with several,
// until want entries are stored, and returns the store with the run still
// going, and what stops it.
func ingestFollowed(b *testing.B, paths []string, want int64) (*model.Store, func()) {
	store := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	var feeds []Feed
	for i, p := range paths {
		opts := FileOptions{Follow: true, MarkCaughtUp: true, ReuseBlocks: true,
			RecentBytes: RecentBytesShare(len(paths)), BatchRecords: BatchRecordsShare(len(paths))}
		src := NewFile(p, model.SourceID(i), opts)
		store.SetRawReader(model.SourceID(i), src)
		feeds = append(feeds, Feed{ID: model.SourceID(i), Source: src, CatchesUp: true,
			Decode: decode.Options{Location: time.UTC, IndexService: true, Templates: true}})
	}
	ctx, cancel := context.WithCancel(context.Background())
	var stored atomic.Int64
	done := make(chan struct{})
	go func() {
		Ingest(ctx, feeds, func(es []model.Entry, front bool) {
			if front {
				store.Prepend(es)
			} else {
				store.Append(es)
			}
			stored.Add(int64(len(es)))
		}, nil)
		close(done)
	}()
	for deadline := time.Now().Add(time.Minute); stored.Load() < want; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d entries stored after a minute", stored.Load(), want)
		}
	}
	return store, func() { cancel(); <-done }
}

// writeConnectorPieces writes n lines of a level-7 connector's log (as
// writeConnectorLog) cut into files pieces of consecutive lines, and
// returns their paths.
func writeConnectorPieces(tb testing.TB, files, n int) []string {
	tb.Helper()
	dir := tb.TempDir()
	g := synth.New(1, synth.Options{})
	var paths []string
	for f := range files {
		path := filepath.Join(dir, fmt.Sprintf("piece-%02d.log", f))
		fh, err := os.Create(path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := g.WriteDockerTS(fh, n/files); err != nil {
			tb.Fatal(err)
		}
		if err := fh.Close(); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// writeCopies writes n lines of a level-7 connector's log (as
// writeConnectorLog) to files files alike, and returns their paths.
func writeCopies(tb testing.TB, files, n int) []string {
	tb.Helper()
	data, err := os.ReadFile(writeConnectorPieces(tb, 1, n)[0])
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	paths := make([]string, files)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("copy-%03d.log", i))
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return paths
}

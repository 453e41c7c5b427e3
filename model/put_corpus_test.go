package model_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/decode"
	"connlog/source"
	"connlog/source/synth"
)

// putBatch is one call of the store's writer as a load makes it.
type putBatch struct {
	es    []model.Entry
	front bool
}

// putCorpus is a level-7 connector log of n lines generated from seed, as
// `docker logs -t` prints it, decoded as the TUI decodes a file it opens
// (tail first), into the batches its store is given, and the file, which
// the store re-reads raw bytes from.
func putCorpus(tb testing.TB, seed int64, n int) ([]putBatch, *source.File) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "docker-ts.log")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := errors(synth.New(seed, synth.Options{}).WriteDockerTS(f, n), f.Close()); err != nil {
		tb.Fatal(err)
	}
	src := source.NewFile(path, 0, source.FileOptions{TailFirst: true})
	var batches []putBatch
	dec := decode.Options{Location: time.UTC, IndexService: true, Templates: true, Input: "docker-ts.log"}
	source.Ingest(context.Background(), []source.Feed{{ID: 0, Source: src, Decode: dec}}, func(es []model.Entry, front bool) {
		// The blocks read are not reused (no FileOptions.ReuseBlocks): the
		// entries' bytes and fields stay as the decoder left them, where
		// a load's store finds them.
		batches = append(batches, putBatch{slices.Clone(es), front})
	}, nil)
	return batches, src
}

func errors(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// putAll writes batches into a new store that re-reads raw bytes from
// src (none when nil), as the TUI's load does.
func putAll(batches []putBatch, src *source.File) *model.Store {
	s := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	if src != nil {
		s.SetRawReader(0, src)
	}
	for _, b := range batches {
		if b.front {
			s.Prepend(b.es)
		} else {
			s.Append(b.es)
		}
	}
	return s
}

// BenchmarkStorePut measures the store's writer alone over a decoded
// connector log: what a load spends on its one goroutine, the decoding
// done beforehand.
func BenchmarkStorePut(b *testing.B) {
	batches, src := putCorpus(b, 1, 200_000)
	entries := 0
	for _, bt := range batches {
		entries += len(bt.es)
	}
	b.ReportAllocs()
	var s *model.Store
	var cpu time.Duration
	for b.Loop() {
		u0 := cputime.Process()
		s = putAll(batches, src)
		cpu += cputime.Process() - u0
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*entries), "ns/entry")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*entries), "cpu-ns/entry")
	b.ReportMetric(float64(s.Stats().MemBytes)/float64(entries), "store-B/entry")
}

package exportdialog

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"connlog/model"
	"connlog/model/export"
)

// hexLine is a line of about n bytes of hex, as a dumped payload: little of
// it compresses.
func hexLine(n int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	b := []byte("dump=")
	for len(b) < n {
		b = fmt.Appendf(b, "%016x", rng.Uint64())
	}
	return string(b)
}

// sourceWithLongLine is n short lines a second apart, line i a megabyte
// long.
func sourceWithLongLine(t *testing.T, n, i int) *Source {
	t.Helper()
	es := make([]model.Entry, n)
	for k := range es {
		es[k] = textEntry(1000*k, fmt.Sprintf("line %d of the usual traffic", k))
	}
	es[i] = textEntry(1000*i, hexLine(1<<20))
	return sourceOf(t, es)
}

// exportedSize is the size of exporting rows with opts, written.
func exportedSize(t *testing.T, src *Source, rows Rows, opts export.Options) int64 {
	t.Helper()
	var n countingWriter
	w, err := export.New(&n, opts)
	if err != nil {
		t.Fatal(err)
	}
	for e := range src.entries(rows, nil) {
		if err := w.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return int64(n)
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// A megabyte line among 3,000 short ones is most of the export: the
// estimate counts it whether the sample missed it (it said a third of the
// size) or took it (it said fifteen times the size).
func TestEstimateCountsALongLineOnce(t *testing.T) {
	const n = 3000
	for _, c := range []struct {
		name string
		at   int
	}{{"missed", 1501}, {"sampled", 1500}} {
		src := sourceWithLongLine(t, n, c.at)
		seqs, err := src.seqs(Settings{Scope: ScopeView})
		if err != nil {
			t.Fatal(err)
		}
		sample := src.sample(seqs)
		took := false
		for _, e := range sample {
			took = took || bytes.HasPrefix(e.Raw, []byte("dump="))
		}
		if took != (c.name == "sampled") {
			t.Fatalf("%s: the sample took the long line: %v", c.name, took)
		}
		for _, f := range []export.Format{export.FormatRaw, export.FormatNDJSON, export.FormatCSV, export.FormatBundle} {
			for _, z := range []export.Compression{export.CompressNone, export.CompressGzip} {
				t.Run(fmt.Sprintf("%s/%v/%v", c.name, f, z), func(t *testing.T) {
					opts := export.Options{Format: f, Compress: z, TempDir: t.TempDir()}
					est, err := src.estimate(seqs, sample, opts)
					if err != nil {
						t.Fatal(err)
					}
					actual := exportedSize(t, src, seqs, opts)
					if est < actual*8/10 || est > actual*12/10 {
						t.Errorf("estimate %d for an actual %d", est, actual)
					}
				})
			}
		}
	}
}

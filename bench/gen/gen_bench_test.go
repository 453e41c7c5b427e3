package main

import (
	"io"
	"testing"
)

// countingWriter counts what the corpus writer produces, for MB/s.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkGenerate measures the whole corpus writer per envelope, in bytes
// of output per second.
func BenchmarkGenerate(b *testing.B) {
	for _, env := range envelopeNames {
		b.Run(env, func(b *testing.B) {
			cfg := testConfig(env, 20000)
			cfg.hostile = false
			var w countingWriter
			b.ReportAllocs()
			for b.Loop() {
				if err := generate(cfg, &w); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(w.n / int64(b.N))
		})
	}
}

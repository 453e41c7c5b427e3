package payload_test

import (
	"bytes"
	"testing"

	"connlog/model"
	"connlog/model/payload"
	"connlog/source/synth"
)

// synthPayloads returns the payloads of n generated connector lines that
// open with first, as a level-7 log's load meets them once their envelope
// is removed: '[' for service lines, 'A' for ANALYTICS events.
func synthPayloads(n int, first byte) [][]byte {
	g := synth.New(1, synth.Options{})
	var out [][]byte
	for len(out) < n {
		line, _, _ := g.Next(nil)
		if len(line) > 0 && line[0] == first {
			out = append(out, bytes.Clone(line))
		}
	}
	return out
}

// BenchmarkIndexLevel7 indexes generated payloads as a load does: service
// lines with ServiceIndex, ANALYTICS events with AnalyticsIndex and a memo.
func BenchmarkIndexLevel7(b *testing.B) {
	b.Run("service", func(b *testing.B) {
		lines := synthPayloads(4096, '[')
		join := make([]byte, 0, 1<<16)
		benchIndex(b, lines, func(p []byte, fs model.Fields) model.Fields {
			_, fs, _, _ = payload.ServiceIndex(p, fs, join[:0])
			return fs
		})
	})
	b.Run("analytics", func(b *testing.B) {
		lines := synthPayloads(1024, 'A')
		memo := payload.NewAnalyticsMemo()
		benchIndex(b, lines, func(p []byte, fs model.Fields) model.Fields {
			_, fs, _ = payload.AnalyticsIndex(p, fs, memo)
			return fs
		})
	})
}

// benchIndex runs index over lines, reusing one block of fields.
func benchIndex(b *testing.B, lines [][]byte, index func([]byte, model.Fields) model.Fields) {
	fs := make(model.Fields, 0, 256)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range lines {
			fs = index(p, fs[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/line")
}

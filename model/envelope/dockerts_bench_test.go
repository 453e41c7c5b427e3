package envelope_test

import (
	"testing"
	"time"

	"connlog/model/envelope"
	"connlog/source/synth"
)

// dockerTSLines returns n generated connector lines as `docker logs -t`
// writes them: consecutive stamps, most within the second of the last.
func dockerTSLines(n int) [][]byte {
	g := synth.New(1, synth.Options{})
	out := make([][]byte, 0, n)
	for len(out) < n {
		p, t, _ := g.Next(nil)
		line := t.UTC().AppendFormat(nil, "2006-01-02T15:04:05.000000000Z")
		out = append(out, append(append(line, ' '), p...))
	}
	return out
}

// BenchmarkDecodeDockerTSRun decodes a run of consecutive docker-ts lines
// with a stamp cache, as a decoder does.
func BenchmarkDecodeDockerTSRun(b *testing.B) {
	lines := dockerTSLines(4096)
	c := envelope.Context{Location: time.UTC, Stamps: &envelope.StampCache{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			if _, _, ok := envelope.DecodeAppend(envelope.DockerTS, l, c, nil); !ok {
				b.Fatal("line did not decode")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/line")
}

package triage

import (
	"bytes"
	"os"
	"testing"
	"time"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/mask"
	"connlog/source/synth"
)

// benchCorpus is a level-7 connector log as bench/gen writes it (the
// generator's lines with a docker-ts time), decoded as connlog summary decodes it: service
// lines lean, analytics events whole.
func benchCorpus(b *testing.B, lines int) ([]model.Entry, int64) {
	b.Helper()
	if path := os.Getenv("TRIAGE_BENCH_FILE"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		es := decodeServiceLean(bytes.SplitAfter(data, []byte("\n")))
		return es, int64(len(data))
	}
	g := synth.New(1, synth.Options{})
	var raw [][]byte
	var size int64
	for i := 0; i < lines; i++ {
		l, at, _ := g.Next(nil)
		l = append(at.UTC().AppendFormat(nil, time.RFC3339Nano+" "), l...) // as docker logs -t prints it
		raw = append(raw, l)
		size += int64(len(l))
	}
	return decodeServiceLean(raw), size
}

func decodeServiceLean(lines [][]byte) []model.Entry {
	d := newLeanServiceDecoder()
	var out []model.Entry
	for _, l := range lines {
		if len(l) > 0 {
			out = d.Decode(&model.Record{Raw: l, Offset: -1}, out)
		}
	}
	return d.Flush(out)
}

// BenchmarkAdd measures the engine alone: every table of a Triage (with
// "what changed" over trailing windows) fed the decoded entries in batches
// of 1024, as a source hands them over. It reports entries/s; bytes/s are
// those of the raw lines.
func BenchmarkAdd(b *testing.B) {
	es, size := benchCorpus(b, 200_000)
	batches := make([][]model.Entry, 0, len(es)/1024+1)
	for i := 0; i < len(es); i += 1024 {
		batches = append(batches, es[i:min(i+1024, len(es))])
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu := time.Now(), cputime.Process()
	for i := 0; i < b.N; i++ {
		tr := New(Options{Compare: &Compare{}})
		for _, batch := range batches {
			tr.Add(batch)
		}
		_ = tr.Report(ReportOptions{Ended: true})
	}
	n := float64(len(es)) * float64(b.N)
	b.ReportMetric(n/time.Since(start).Seconds(), "entries/s")
	b.ReportMetric(float64(cputime.Process()-cpu)/n, "cpu-ns/entry")
}

// BenchmarkSessions measures the sessions table alone, as the sessions
// view counts it (Parts PartSessions): every entry is counted, and the
// connection events make the rows.
func BenchmarkSessions(b *testing.B) {
	es, size := benchCorpus(b, 200_000)
	b.SetBytes(size)
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		start := cputime.Process()
		tr := New(Options{Parts: PartSessions})
		for j := 0; j < len(es); j += 1024 {
			tr.Add(es[j:min(j+1024, len(es))])
		}
		_ = tr.Report(ReportOptions{Ended: true})
		cpu += cputime.Process() - start
	}
	b.ReportMetric(float64(cpu)/(float64(len(es))*float64(b.N)), "cpu-ns/entry")
}

// BenchmarkMask measures the masker on the service lines of the corpus.
func BenchmarkMask(b *testing.B) {
	es, _ := benchCorpus(b, 50_000)
	var lines [][]byte
	var size int64
	for i := range es {
		if es[i].Kind == model.KindService {
			lines = append(lines, es[i].Payload)
			size += int64(len(es[i].Payload))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var buf []byte
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			buf = mask.Line(buf[:0], l)
		}
	}
	n := float64(len(lines)) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "lines/s")
	b.ReportMetric(float64(cputime.Process()-cpu)/n, "cpu-ns/line")
}

package decode

import (
	"testing"

	"connlog/model"
)

func BenchmarkDecoder(b *testing.B) {
	for _, f := range fixtureFiles {
		b.Run(f.file, func(b *testing.B) {
			content := fixture(b, f.file)
			recs := fileRecords(content)
			out := make([]model.Entry, 0, 64)
			b.SetBytes(int64(len(content)))
			b.ReportAllocs()
			for b.Loop() {
				d := New(0, Options{Reference: readTime})
				for i := range recs {
					out = d.Decode(&recs[i], out[:0])
				}
				out = d.Flush(out[:0])
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/line")
		})
	}
}

func BenchmarkReparse(b *testing.B) {
	es := decodeAll(Options{Reference: readTime}, fileRecords(fixture(b, "docker-json.log")))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		e := es[n%len(es)]
		Reparse(&e)
		n++
	}
}

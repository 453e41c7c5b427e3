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

// BenchmarkPrepare measures one worker preparing batches of the docker-ts
// fixture, with every field parsed and with service and analytics lines
// lean, as an export with a level query reads them.
func BenchmarkPrepare(b *testing.B) {
	content := fixture(b, "docker-ts.log")
	var recs []model.Record
	for len(recs) < 4096 {
		recs = append(recs, fileRecords(content)...)
	}
	for _, lean := range []bool{false, true} {
		name := map[bool]string{false: "full", true: "lean"}[lean]
		b.Run(name, func(b *testing.B) {
			d := New(0, Options{Envelope: "docker-ts", Reference: readTime, LeanService: lean, LeanAnalytics: lean})
			p := d.Preparer()
			var batch Batch
			b.SetBytes(int64(len(content)) * int64(len(recs)/len(fileRecords(content))))
			b.ReportAllocs()
			for b.Loop() {
				for i := 0; i < len(recs); i += 1024 {
					p.Prepare(&batch, recs[i:min(i+1024, len(recs))], batch.entries[:0])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/line")
		})
	}
}

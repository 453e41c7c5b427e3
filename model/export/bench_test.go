package export

import (
	"io"
	"testing"

	"connlog/model"
	"connlog/model/inert"
)

// BenchmarkExport measures each format with each compression, in input
// bytes (the raw lines) per second.
func BenchmarkExport(b *testing.B) {
	entries := repeatEntries(1000)
	var in int64
	for _, e := range entries {
		in += int64(len(e.Raw)) + 1
	}
	for _, f := range Formats() {
		for _, c := range Compressions() {
			b.Run(f.String()+"/"+c.String(), func(b *testing.B) {
				opts := Options{Format: f, Compress: c, TempDir: b.TempDir()}
				b.SetBytes(in)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Stream(b.Context(), io.Discard, Slice(entries), opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRedactedNDJSON measures the cost of redaction on top of ndjson.
func BenchmarkRedactedNDJSON(b *testing.B) {
	entries := repeatEntries(1000)
	var in int64
	for _, e := range entries {
		in += int64(len(e.Raw)) + 1
	}
	opts := Options{Format: FormatNDJSON, Redact: NewRedactor()}
	b.SetBytes(in)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Stream(b.Context(), io.Discard, Slice(entries), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummary measures the per-row summary the UI shares.
func BenchmarkSummary(b *testing.B) {
	entries := []*model.Entry{analyticsEntry(), serviceEntry(), flowEntries()[0], sessionEntry()}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range entries {
			buf = appendSummary(buf[:0], e)
		}
	}
}

// BenchmarkSanitize measures escaping of hostile and plain text.
func BenchmarkSanitize(b *testing.B) {
	for _, tc := range []struct{ name, s string }{
		{"plain", "[INFO] [connector] processing \"health\" request"},
		{"hostile", "boom \x1b[31mred\x1b[0m \u202eevil \xff\xfe and more text after it"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf []byte
			b.SetBytes(int64(len(tc.s)))
			b.ReportAllocs()
			for b.Loop() {
				buf = inert.AppendSanitized(buf[:0], tc.s)
			}
		})
	}
}

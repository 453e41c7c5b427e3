package synth

import "testing"

// BenchmarkNext measures the generator alone: bytes of payload per second.
func BenchmarkNext(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"connector", Options{}},
		{"all-streams", Options{Audit: true, Newt: true, Tailscale: true, Hostile: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			g := New(1, bc.opts)
			buf := make([]byte, 0, 64<<10)
			var n int64
			b.ReportAllocs()
			for b.Loop() {
				line, _, _ := g.Next(buf[:0])
				n += int64(len(line)) + 1
			}
			b.SetBytes(n / int64(b.N))
		})
	}
}

package synth

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// FuzzGenerator checks the generator's promises for any seed, rate and
// option set: lines are non-empty and newline-free, time never goes back,
// every JSON line is valid JSON and every program is a known one.
func FuzzGenerator(f *testing.F) {
	f.Add(int64(1), 150.0, uint8(0), int64(0))
	f.Add(int64(-7), 0.5, uint8(0xff), int64(-1))
	f.Add(int64(42), 1e6, uint8(0x0f), int64(time.Minute))
	f.Fuzz(func(t *testing.T, seed int64, rate float64, flags uint8, every int64) {
		opts := Options{
			Rate: rate, Audit: flags&1 != 0, Newt: flags&2 != 0, Tailscale: flags&4 != 0, Hostile: flags&8 != 0,
			RestartEvery: time.Duration(every), TroubleEvery: time.Duration(every / 3),
			MaxConnection: time.Duration(every / 2),
		}
		g := New(seed, opts)
		var prev time.Time
		var buf []byte
		for i := range 3000 {
			line, at, meta := g.Next(buf[:0])
			buf = line
			if len(line) == 0 || bytes.IndexByte(line, '\n') >= 0 {
				t.Fatalf("line %d is empty or holds a newline: %q", i, line)
			}
			if at.Before(prev) {
				t.Fatalf("line %d at %v before %v", i, at, prev)
			}
			prev = at
			if meta.Program >= programCount {
				t.Fatalf("line %d from program %d", i, meta.Program)
			}
			body := line
			if bytes.HasPrefix(body, analyticsPrefix) {
				body = body[len(analyticsPrefix):]
			}
			if body[0] == '{' && !json.Valid(body) {
				t.Fatalf("line %d is invalid JSON: %s", i, line)
			}
			if ev, ok := decodeAnalytics(t, line); ok && ev.Connection.Duration != nil && *ev.Connection.Duration < 0 {
				t.Fatalf("line %d has a negative duration: %s", i, line)
			}
		}
	})
}

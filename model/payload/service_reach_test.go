package payload

import (
	"bytes"
	"slices"
	"testing"

	"connlog/model"
)

// serviceIndexOf is ServiceIndex's answer for p, its fields copied out.
func serviceIndexOf(p []byte) (model.Level, model.Fields, bool) {
	r, fs, _, ok := ServiceIndex(p, nil, nil)
	return r.Level, slices.Clone(fs), ok
}

// FuzzServiceReach: a line ServiceReach gives a reach k for is a service
// line, and every line that begins with its first k bytes, whatever
// follows, gets ServiceIndex's same answer: the bytes a cache of openings
// compares (decode's openings) are all the answer depends on.
func FuzzServiceReach(f *testing.F) {
	for _, s := range []struct{ line, suffix string }{
		{"[DEBUG] [libsdwan] [quic] quic_session::on_ack: conn=eb37963fc742ab4f-1 acked=12", "x"},
		{"[DEBUG] [libsdwan] listen::maintain_relay_connectivity: relay 34.89.44.201:30009", " [x]: y"},
		{"[INFO] [connector] processing \"health\" request", ":"},
		{"[WARN] [connector] run_state_machine: state=2", "\t"},
		{"[ERROR] operator(): failed", "\x1b[31m"},
		{"[TRACE]   [a] [b] [c] [d] [e] [f] [g] [h] [i] fn: x", ""},
		{"[INFO] [ {x}", "]"},
		{"[INFO] [x y] f: z", "::"},
		{"[DEBUG] [libsdwan] State: Error", " a::b: c"},
		{"[DEBUG] [libsdwan] a::b:", " c"},
		{"[DEBUG] [libsdwan]\x1b[0m f: x", ""},
		{"[INFO]    ", "f: x"},
	} {
		f.Add([]byte(s.line), []byte(s.suffix))
	}
	f.Fuzz(func(t *testing.T, line, suffix []byte) {
		k := ServiceReach(line)
		if k == 0 {
			return
		}
		if k > len(line) {
			t.Fatalf("reach %d past the line's %d bytes", k, len(line))
		}
		lvl, fs, ok := serviceIndexOf(line)
		if !ok {
			t.Fatalf("ServiceReach %d for %q, which ServiceIndex does not read as a service line", k, line)
		}
		other := append(bytes.Clone(line[:k]), suffix...)
		olvl, ofs, ook := serviceIndexOf(other)
		if !ook || olvl != lvl || !slices.Equal(fs, ofs) {
			t.Fatalf("%q (reach %d): %v %v; %q, which shares those bytes: %v %v %v", line, k, lvl, fs, other, ook, olvl, ofs)
		}
	})
}

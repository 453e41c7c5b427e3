package mask

import (
	"bytes"
	"testing"
)

// FuzzServiceAfter: whatever follows the bytes an Opening was made of, a
// line that begins with them masks as Service masks it.
func FuzzServiceAfter(f *testing.F) {
	for _, c := range [][2]string{
		{"[DEBUG] [libsdwan] [quic] quic_session::send_ping: ", "peer=34.160.18.250:30007 idle=12ms"},
		{"[INFO]   [connector] processing ", `"health" request`},
		{"[DEBUG] [lib2] x: ", "a'b 'c' 5"},
		{"[WARN", "] late bracket 7"},
		{"[DEBUG]", "    \r\r"},
		{"plain 42 ", "x"},
		{"[TRACE] [a] f:\r", "\r"},
	} {
		f.Add([]byte(c[0]), []byte(c[1]))
	}
	f.Fuzz(func(t *testing.T, head, tail []byte) {
		if len(head) == 0 || len(head) > 64 {
			return
		}
		o := OpeningOf(head)
		line := append(bytes.Clone(head), tail...)
		want := Service([]byte("x"), line)
		if got := ServiceAfter([]byte("x"), line, o); !bytes.Equal(got, want) {
			t.Fatalf("head %q tail %q (opening %+v): ServiceAfter %q, Service %q", head, tail, o, got, want)
		}
	})
}

// An Opening knows the level bracket and the unmarked bytes after it.
func TestOpeningOf(t *testing.T) {
	for head, want := range map[string]Opening{
		"[DEBUG] [libsdwan] [quic] quic_session::send_ping: ": {Cut: 8, Clean: 43},
		"[INFO] [lib2] f: ":      {Cut: 7, Clean: 4},
		"[WARN":                  {},
		"[DEBUG]   ":             {},
		"relay 1.2.3.4 is up":    {Cut: 0, Clean: 6},
		"[DEBUG] x ":             {Cut: 8, Clean: 2},
		"[ERROR] [connector] @x": {Cut: 8, Clean: 12},
	} {
		if got := OpeningOf([]byte(head)); got != want {
			t.Errorf("OpeningOf(%q) = %+v, want %+v", head, got, want)
		}
	}
}

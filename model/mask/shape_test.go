package mask

import (
	"bytes"
	"testing"
)

// redigited returns line with some of its digits replaced by others,
// picked from seed.
func redigited(line []byte, seed uint64) []byte {
	out := bytes.Clone(line)
	for i, c := range out {
		if isDigit(c) {
			seed = seed*6364136223846793005 + 1442695040888963407
			if r := seed >> 33 % 20; r < 10 {
				out[i] = '0' + byte(r)
			}
		}
	}
	return out
}

// FuzzTemplateFollowsShape: two lines that differ in digits alone have
// one shape when their zeros are where they were, and then, when the
// template of one holds no digit, one template.
func FuzzTemplateFollowsShape(f *testing.F) {
	for _, s := range []string{
		"[DEBUG] [libsdwan] [quic] quic_session::send_ping: peer=34.160.18.250:30007 idle=12ms",
		"[DEBUG] [libsdwan] [tunnel] tunnel::on_data: conn=9c23d66a738f4781-40 rx=906 tx=1019",
		"x: id007 0x7f eth1 v2 2026-02-10T14:21:37Z 5ff27e368741c803-43 fe80::1%eth0 10.0.0.1/24",
		"dev id017 mask 0x1f 9x1f a1b2c3d4e5", "rtt=30ms 'q 5' \"7\" 12.5% 512MiB u1234567 AbC1dEf2GhI3jKl4MnO5",
		"1", "0", "12345678", "123456789",
	} {
		f.Add([]byte(s), uint64(1))
	}
	f.Fuzz(func(t *testing.T, line []byte, seed uint64) {
		other := redigited(line, seed)
		a, b := make([]byte, len(line)), make([]byte, len(other))
		ha, hb := Shape(a, line), Shape(b, other)
		zerosKept := true
		for i := range line {
			zerosKept = zerosKept && (line[i] == '0') == (other[i] == '0')
		}
		if same := bytes.Equal(a, b); same != zerosKept || same && ha != hb {
			t.Fatalf("%q and %q: shapes %q and %q, hashes %x and %x", line, other, a, b, ha, hb)
		}
		if want := shapeByteByByte(line); !bytes.Equal(a, want) {
			t.Fatalf("Shape(%q) = %q, byte by byte %q", line, a, want)
		}
		if got, want := HoldsDigit(string(line)), bytes.ContainsAny(line, "0123456789"); got != want {
			t.Fatalf("HoldsDigit(%q) = %v", line, got)
		}
		want := Service(nil, line)
		if !zerosKept || HoldsDigit(string(want)) {
			return
		}
		if got := Service(nil, other); !bytes.Equal(got, want) {
			t.Fatalf("%q masks to %q, %q of its shape to %q", line, want, other, got)
		}
	})
}

// shapeByteByByte is Shape's shape, a byte at a time.
func shapeByteByByte(b []byte) []byte {
	out := bytes.Clone(b)
	for i, c := range out {
		if c >= '1' && c <= '9' {
			out[i] = '1'
		}
	}
	return out
}

// A shape keeps every byte but the digits 1-9, whatever the line's length.
func TestShape(t *testing.T) {
	for line, want := range map[string]string{
		"":                     "",
		"a9":                   "a1",
		"x=1024 id=0x7f":       "x=1011 id=0x1f",
		"2026-02-10T14:21:37Z": "1011-01-10T11:11:11Z",
		"\xff9\x39\xb9":        "\xff11\xb9",
	} {
		got := make([]byte, len(line))
		Shape(got, []byte(line))
		if string(got) != want {
			t.Errorf("Shape(%q) = %q, want %q", line, got, want)
		}
	}
}

package synth

import (
	"strconv"
)

// The generator formats with append-style helpers rather than fmt: a line
// costs a few hundred nanoseconds this way, which keeps a gigabyte corpus
// quick to write.

const hexDigits = "0123456789abcdef"

func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// appendIPv4 writes a dotted quad.
func appendIPv4(b []byte, ip uint32) []byte {
	b = strconv.AppendUint(b, uint64(ip>>24), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(ip>>16&0xff), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(ip>>8&0xff), 10)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(ip&0xff), 10)
}

// appendHostPort writes ip:port.
func appendHostPort(b []byte, ip uint32, port int) []byte {
	b = appendIPv4(b, ip)
	b = append(b, ':')
	return strconv.AppendInt(b, int64(port), 10)
}

// appendHex writes the low n nibbles of v, zero-padded.
func appendHex(b []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, hexDigits[v>>(uint(i)*4)&0xf])
	}
	return b
}

// appendUUID writes a random version-4 UUID.
func appendUUID(b []byte, r *rng) []byte {
	hi, lo := r.u64(), r.u64()
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc<<60) | 0x8<<60
	b = appendHex(b, hi>>32, 8)
	b = append(b, '-')
	b = appendHex(b, hi>>16, 4)
	b = append(b, '-')
	b = appendHex(b, hi, 4)
	b = append(b, '-')
	b = appendHex(b, lo>>48, 4)
	b = append(b, '-')
	return appendHex(b, lo, 12)
}

// appendPad2 writes a two-digit, zero-padded number.
func appendPad2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

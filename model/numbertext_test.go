package model

import (
	"math"
	"strconv"
	"testing"
)

// numberText is strconv's text of a float, byte for byte, the integers it
// writes itself included: at and past 2^53, -0, and those far from it.
func FuzzNumberTextIsStrconvs(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 1770710407471, 1 << 53, 1<<53 + 2, -(1 << 53),
		-(1<<53 + 2), 1 << 60, 1e21, 0.5, 40.7128, -2.5, math.Inf(1), math.Inf(-1), math.NaN()} {
		f.Add(math.Float64bits(v))
	}
	f.Fuzz(func(t *testing.T, b uint64) {
		n := math.Float64frombits(b)
		if got, want := string(numberText(nil, n, b)), strconv.FormatFloat(n, 'f', -1, 64); got != want {
			t.Fatalf("%v (bits %x): %q, want %q", n, b, got, want)
		}
	})
}

// Random bits seldom make an integer: these are drawn among them, around
// 2^53 and near zero.
func TestNumberTextOfIntegers(t *testing.T) {
	r := uint64(88172645463325252)
	for k := range 1_000_000 {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		var i int64
		switch k % 4 {
		case 0:
			i = int64(r>>9) - 1<<54
		case 1:
			i = int64(r>>20) - 1<<43
		case 2:
			i = int64(r%2_000_000) - 1_000_000
		default:
			i = maxExactInt + int64(r%1000) - 500
		}
		n := float64(i)
		if got, want := string(numberText(nil, n, math.Float64bits(n))), strconv.FormatFloat(n, 'f', -1, 64); got != want {
			t.Fatalf("%d: %q, want %q", i, got, want)
		}
	}
}

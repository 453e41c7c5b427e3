package payload

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// referenceNumber is number as it converted every number before smallInt.
func referenceNumber(sc *scanner) (string, float64, bool) {
	raw, ok := sc.numberText()
	if !ok {
		return "", 0, false
	}
	f, err := strconv.ParseFloat(raw, 64)
	return raw, f, err == nil
}

// checkNumberAsReference fails unless number reads s as referenceNumber
// does, to the bit (so -0 stays -0).
func checkNumberAsReference(t *testing.T, s string, depth int) {
	t.Helper()
	got, want := scanner{s: s, depth: depth}, scanner{s: s, depth: depth}
	gr, gf, gok := got.number()
	wr, wf, wok := referenceNumber(&want)
	if gr != wr || math.Float64bits(gf) != math.Float64bits(wf) || gok != wok || got.i != want.i || got.errText() != want.errText() {
		t.Fatalf("%q: number %q %v %v, reference %q %v %v", s, gr, gf, gok, wr, wf, wok)
	}
}

func TestNumberAsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, s := range []string{"0", "-0", "-", "1", "-1", "999999999999999", "1000000000000000", "-999999999999999", "9007199254740993", "12345678901234567890", "1.5", "1e3", "-0.0", "01", "1770710411642", "1e400"} {
		checkNumberAsReference(t, s, 0)
		checkNumberAsReference(t, s+",", 1)
		checkNumberAsReference(t, s, 1)
	}
	for range 200000 {
		b := []byte{}
		if r.IntN(3) == 0 {
			b = append(b, '-')
		}
		for range r.IntN(20) {
			b = append(b, "0123456789"[r.IntN(10)])
		}
		if r.IntN(6) == 0 {
			b = append(b, ".e5-"[r.IntN(4)])
			b = append(b, "0123456789"[r.IntN(10)])
		}
		checkNumberAsReference(t, string(b)+"}", 1)
	}
}

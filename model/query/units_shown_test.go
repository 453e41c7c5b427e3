package query

import (
	"math"
	"testing"

	"connlog/model"
)

// TestSizesReadAsTheTableShowsThem: every size the table or the detail
// pane writes, in each of its units, reads back in a query as about the
// same number of bytes, so that a value can be looked for as it is shown.
func TestSizesReadAsTheTableShowsThem(t *testing.T) {
	var sizes []float64
	for n := 1500.0; n < 1e19; n *= 1000 {
		sizes = append(sizes, n, n*1024/1000)
	}
	for _, n := range sizes {
		for _, shown := range []string{model.HumanBytes(n), model.HumanBytesIEC(n)} {
			got, ok := ParseSize(shown)
			if !ok {
				t.Errorf("%g is shown as %q, which a query does not read", n, shown)
				continue
			}
			if math.Abs(got-n)/n > 0.05 {
				t.Errorf("%q reads as %g, want about %g", shown, got, n)
			}
		}
	}
}

func TestLargeSizeUnits(t *testing.T) {
	for in, want := range map[string]float64{"1TB": 1e12, "2PB": 2e15, "18.5EB": 18.5e18, "1TiB": 1 << 40,
		"1PiB": 1 << 50, "1EiB": 1 << 60, "3eb": 3e18} {
		if got, ok := parseQuantity(in, classSize); !ok || got != want {
			t.Errorf("%s reads as %g (%v), want %g", in, got, ok, want)
		}
	}
	if _, err := Compile("rx>1PB", Options{}); err != nil {
		t.Errorf("rx>1PB: %v", err)
	}
}

// TestDurationsReadAsTheTableShowsThem: a duration as the table writes it,
// negative or of centuries, reads back in a query.
func TestDurationsReadAsTheTableShowsThem(t *testing.T) {
	for _, ms := range []float64{-30, 850, 30124, 3034753, 3*3600e3 + 2*60e3, 52 * 3600e3, 1e13, 9.2e18, 1e300} {
		shown := model.HumanDuration(ms)
		got, ok := parseQuantity(shown, classDuration)
		if !ok || math.Abs(got-ms) > math.Max(1000, math.Abs(ms)*0.05) {
			t.Errorf("%g is shown as %q, which reads as %g (%v)", ms, shown, got, ok)
		}
	}
}

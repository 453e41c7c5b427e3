package ui

import "testing"

func TestCommasAndRate(t *testing.T) {
	for in, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := commas(in); got != want {
			t.Errorf("commas(%d) = %q; want %q", in, got, want)
		}
	}
	var r rateMeter
	r.tick(base)
	r.add(500)
	r.add(1500)
	r.tick(base.Add(2 * 1e9))
	if r.rate != 1000 {
		t.Errorf("rate = %v; want 1000 lines/s", r.rate)
	}
}

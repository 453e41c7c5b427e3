package ui

import "testing"

func TestNextAfter(t *testing.T) {
	seqs := []int64{3, 7, 9}
	cases := []struct {
		name    string
		seq     int64
		forward bool
		want    int64
		ok      bool
	}{
		{"forward from before", 1, true, 3, true},
		{"forward skips itself", 7, true, 9, true},
		{"forward past the end", 9, true, 0, false},
		{"backward skips itself", 7, false, 3, true},
		{"backward before the start", 3, false, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := nextAfter(seqs, c.seq, c.forward)
			if got != c.want || ok != c.ok {
				t.Errorf("nextAfter(%d, %v) = %d, %v; want %d, %v", c.seq, c.forward, got, ok, c.want, c.ok)
			}
		})
	}
}

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

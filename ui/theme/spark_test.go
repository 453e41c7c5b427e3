package theme

import (
	"testing"
	"unicode/utf8"
)

func TestSpark(t *testing.T) {
	cases := []struct {
		name   string
		counts []uint32
		w      int
		want   string
	}{
		{"empty series", nil, 4, "    "},
		{"no room", []uint32{1, 2}, 0, ""},
		{"one per cell", []uint32{0, 1, 2, 4, 8}, 5, " ▁▂▄█"},
		{"summed into fewer cells", []uint32{1, 1, 0, 0, 4, 4}, 3, "▂ █"},
		{"spread over more cells", []uint32{1, 8}, 4, "▁▁██"},
		{"a little still shows", []uint32{1, 10000}, 2, "▁█"},
		{"flat", []uint32{5, 5, 5}, 3, "███"},
		{"huge counts", []uint32{4294967295, 1}, 2, "█▁"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Spark(c.counts, c.w)
			if got != c.want {
				t.Errorf("Spark(%v, %d) = %q, want %q", c.counts, c.w, got, c.want)
			}
			if n := utf8.RuneCountInString(got); n != max(c.w, 0) || CellWidth(got) != max(c.w, 0) {
				t.Errorf("Spark(%v, %d) is %d runes, %d cells", c.counts, c.w, n, CellWidth(got))
			}
		})
	}
}

func TestCommas(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567",
		-9223372036854775808: "-9,223,372,036,854,775,808"} {
		if got := Commas(n); got != want {
			t.Errorf("Commas(%d) = %q, want %q", n, got, want)
		}
	}
}

package table

import "testing"

func TestShrinkToFit(t *testing.T) {
	cols := []Column{
		{title: "A", min: 5, max: 10, prio: 100},
		{title: "B", min: 5, max: 10, prio: 10},
		{title: "C", min: 4, max: 1 << 20, flex: true, prio: 50},
	}
	cases := []struct {
		name  string
		avail int
		want  []string
		ws    []int
	}{
		{"room for all: flex takes the rest", 40, []string{"A", "B", "C"}, []int{10, 10, 18}},
		{"narrow: widest shrinks first", 22, []string{"A", "B", "C"}, []int{8, 8, 4}},
		{"minimums fit: all shrink evenly", 18, []string{"A", "B", "C"}, []int{6, 6, 4}},
		{"too narrow: lowest priority goes first", 14, []string{"A", "C"}, []int{9, 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := append([]Column(nil), cols...)
			got, ws := shrinkToFit(in, []int{10, 10, 4}, c.avail)
			var titles []string
			for _, g := range got {
				titles = append(titles, g.title)
			}
			if len(titles) != len(c.want) || sumWidths(ws) > c.avail {
				t.Fatalf("columns %v widths %v (sum %d); want %v within %d", titles, ws, sumWidths(ws), c.want, c.avail)
			}
			for i := range ws {
				if titles[i] != c.want[i] || ws[i] != c.ws[i] {
					t.Errorf("column %d = %s/%d; want %s/%d", i, titles[i], ws[i], c.want[i], c.ws[i])
				}
			}
		})
	}
}

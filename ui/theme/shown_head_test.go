package theme

import (
	"strings"
	"testing"
)

// TestShownHeadFitsAsTheWhole: the start ShownHead keeps, cleaned, fits
// and measures as the whole line does in every cell up to w, and is short.
func TestShownHeadFitsAsTheWhole(t *testing.T) {
	tail := strings.Repeat("z", 3_000)
	for _, s := range []string{
		"plain " + tail, strings.Repeat("漢字", 1_000), strings.Repeat("e\u0301", 300) + tail,
		strings.Repeat("\x1b[31m\x00\xff\u202e", 100) + tail, strings.Repeat("x", 99) + "\x1b" + tail,
		strings.Repeat("👍🏽a", 100) + tail, "short", "",
	} {
		for _, w := range []int{1, 10, 40, 80, 200} {
			head := ShownHead(s, w)
			if !strings.HasPrefix(s, head) {
				t.Fatalf("%.20q at %d: not a start of the line", s, w)
			}
			whole, cut := Clean(s), Clean(head)
			for k := 0; k <= w; k++ {
				if Fit(cut, k) != Fit(whole, k) || Cut(cut, k) != Cut(whole, k) {
					t.Fatalf("%.20q cut for %d: fits %d cells as %q, the whole as %q", s, w, k, Fit(cut, k), Fit(whole, k))
				}
			}
			if min(CellWidth(cut), w+2) != min(CellWidth(whole), w+2) {
				t.Errorf("%.20q cut for %d: %d cells wide, the whole %d", s, w, CellWidth(cut), CellWidth(whole))
			}
			if strings.HasPrefix(s, "plain") && len(head) > 20*w+100 {
				t.Errorf("%d bytes kept for %d cells", len(head), w)
			}
		}
	}
}

package theme

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestHardwrapCleanKeepsStandInsWhole: a line with no stand-in breaks
// exactly as ansi.Hardwrap breaks it (wide and combining characters
// included); one with stand-ins breaks before them, never inside, and its
// lines rebuild the text Clean shows.
func TestHardwrapCleanKeepsStandInsWhole(t *testing.T) {
	plain := strings.Repeat("ab漢e\u0301 x👍🏽", 9)
	for w := 1; w < 30; w++ {
		if got, want := HardwrapClean(plain, w), strings.Split(ansi.Hardwrap(plain, w, true), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("width %d: %q, want %q", w, got, want)
		}
	}
	hostile := "ab\x00\x1b[2J\u202e漢\xffe\u0301\t"
	for w := 4; w < 20; w++ {
		lines := HardwrapClean(hostile, w)
		if strings.Join(lines, "") != Clean(hostile) {
			t.Fatalf("width %d: %q does not make %q", w, lines, Clean(hostile))
		}
		for _, l := range lines[:len(lines)-1] {
			if strings.HasSuffix(l, `\x`) || strings.HasSuffix(l, `\`) || strings.Contains(l, "‹") && !strings.Contains(l, "›") {
				t.Errorf("width %d: a stand-in split: %q", w, lines)
			}
		}
	}
}

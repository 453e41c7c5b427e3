package theme

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestFitOfALongLineCostsWhatIsShown: fitting an 8 MB line to a cell of 80
// must not walk the whole line's graphemes (a screen of such rows made each
// key take 100 ms).
func TestFitOfALongLineCostsWhatIsShown(t *testing.T) {
	long := "INFO long " + strings.Repeat("Z", 8<<20)
	m := Marked{Text: long, Spans: [][2]int{{5, 9}}}
	start := time.Now()
	for range 3 {
		_ = Fit(long, 80)
		_ = Cut(long, 80)
		_ = m.Fit(80)
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("fitting an 8 MB line 9 times took %v: the work follows the line's length", d)
	}
}

// TestTruncateCutsAsAnsiDoes: the bounded cut gives ansi.Truncate's result
// on text mixing wide, combining, invalid and escape bytes.
func TestTruncateCutsAsAnsiDoes(t *testing.T) {
	parts := []string{"a", "b", " ", "中", "\u0301", "\u0600", "\u200d", "👨", "\ufe0f", "\xff", "\x1b[31m", "\x1b[0m", "␛", "‹U+202E›", "\\x07", "1"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(200) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s, w := b.String(), r.IntN(60)
		if got, want := truncate(s, w, "…"), ansi.Truncate(s, w, "…"); got != want {
			t.Fatalf("case %d: truncate(%q, %d) = %q; ansi.Truncate gives %q", n, s, w, got, want)
		}
	}
}

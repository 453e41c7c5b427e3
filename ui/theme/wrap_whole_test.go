package theme

import (
	"math/rand/v2"
	"strings"
	"testing"

	"connlog/model/inert"
)

// A value wrapped in the detail pane never breaks a byte's stand-in
// (\xff into \x and ff), keeps every line within the width unless one
// stand-in or character is wider, and drops nothing but the spaces a line
// ends on.
func TestWrapWholeKeepsStandInsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "bc", " ", "  ", "\xff", "\x07", "\x1b", "\t", "\u202e", "é", "界", "\\x", "-"}
	for range 4000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := inert.Sanitize(b.String())
		whole := inert.StandInsIn(text)
		w := 1 + rng.IntN(16)
		checkWrapWhole(t, text, whole, w, WrapWhole(text, whole, w))
	}
}

func checkWrapWhole(t *testing.T, text string, whole [][2]int, w int, lines []string) {
	t.Helper()
	at, rest := 0, ""
	for _, l := range lines {
		j := strings.Index(text[at:], l)
		if j < 0 {
			t.Fatalf("%q at %d: line %q is not the text's next part: %q", text, w, l, lines)
		}
		rest += text[at : at+j]
		from, to := at+j, at+j+len(l)
		for _, sp := range whole {
			if sp[0] < to && sp[1] > to || sp[0] < from && sp[1] > from {
				t.Fatalf("%q at %d: line %q splits %q: %q", text, w, l, text[sp[0]:sp[1]], lines)
			}
		}
		if CellWidth(l) > w && !oneUnit(l, whole, from) {
			t.Fatalf("%q at %d: line %q is %d cells: %q", text, w, l, CellWidth(l), lines)
		}
		at = to
	}
	if rest += text[at:]; strings.Trim(rest, " ") != "" {
		t.Fatalf("%q at %d: the lines leave out %q: %q", text, w, rest, lines)
	}
}

// oneUnit reports whether line, at text[from:], is one stand-in or one
// character: wider than a line, it cannot be broken.
func oneUnit(line string, whole [][2]int, from int) bool {
	for _, sp := range whole {
		if sp[0] == from && sp[1]-sp[0] == len(line) {
			return true
		}
	}
	return len([]rune(line)) == 1
}

func TestWrapWholeBreaksBeforeAStandIn(t *testing.T) {
	text := inert.Sanitize(strings.Repeat("ab\xff\x1bc\x07", 6))
	got := WrapWhole(text, inert.StandInsIn(text), 20)
	for _, l := range got {
		if strings.HasSuffix(l, `\`) || strings.HasSuffix(l, `\x`) || strings.HasPrefix(l, "ff") || strings.HasPrefix(l, "x") {
			t.Errorf("a line splits a stand-in: %q", got)
		}
	}
	if strings.Join(got, "") != text {
		t.Errorf("the lines %q do not make %q", got, text)
	}
}

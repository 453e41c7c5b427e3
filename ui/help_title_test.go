package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The help screen's title names every key that closes it, q included,
// and each key it names closes it; at 80 columns it fits on its line.
func TestHelpTitleNamesTheKeysThatCloseIt(t *testing.T) {
	open := drive(t, goldenModel(t, 80, 24), keys("?")...)
	title := strings.SplitN(screen(open), "\n", 4)[2]
	got := regexp.MustCompile(`· (\S+) close\)`).FindStringSubmatch(title)
	if got == nil {
		t.Fatalf("the help screen's title names no key that closes it: %q", title)
	}
	named := strings.Split(got[1], "/")
	if !slices.Contains(named, "q") {
		t.Errorf("the title names %q as closing the screen; q closes it too", named)
	}
	for _, k := range named {
		if m := drive(t, open, keys(k)...); m.mode != ModeNormal {
			t.Errorf("%q, named in the title, left the help screen open (mode %v)", k, m.mode)
		}
	}
}

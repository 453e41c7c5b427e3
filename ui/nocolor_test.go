package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// sgrPattern finds Select Graphic Rendition sequences.
var sgrPattern = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourSGR returns the first SGR sequence in s that sets a colour
// (foreground, background or underline; basic, bright, 256 or true
// colour), or "" when there is none. Bold, underline and reverse video are
// allowed: they carry meaning without colour.
func colourSGR(s string) string {
	for _, m := range sgrPattern.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			switch {
			case n >= 30 && n <= 39, n >= 40 && n <= 49, n >= 90 && n <= 97, n >= 100 && n <= 107, n == 58, n == 59:
				return strconv.Quote(m[0])
			}
		}
	}
	return ""
}

// TestColourSGRDetects checks the scanner on known sequences, so that the
// no-colour test cannot pass by not looking.
func TestColourSGRDetects(t *testing.T) {
	for _, s := range []string{"\x1b[38;5;245mx", "\x1b[1;31mx", "\x1b[48;2;1;2;3mx", "\x1b[97mx"} {
		if colourSGR(s) == "" {
			t.Errorf("%q: colour not detected", s)
		}
	}
	for _, s := range []string{"\x1b[1mx", "\x1b[7;4mx", "\x1b[0mx", "plain"} {
		if c := colourSGR(s); c != "" {
			t.Errorf("%q: %s taken for colour", s, c)
		}
	}
}

// TestNoColourAnywhere renders every screen under --no-color and under
// NO_COLOR: no SGR sequence may set a colour. Lip Gloss renders every colour
// a style has, whatever the terminal, so the frame is what a true-colour
// terminal would be sent.
func TestNoColourAnywhere(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	screens := map[string][]tea.Msg{
		"table": nil, "detail": keys("g", "jjj", "enter"), "bar": keys("/"), "help": keys("?"),
		"pivot": keys("g", "jjj", "="), "export": keys("x"), "goto": keys(":"), "connections": keys("2"),
		"top-n": keys("s", "j"), "templates": keys("P", "j", "m"), "sessions": keys("2", "S", "j"),
		"changed": keys("C", "j"), "changed windows": keys("C", "w"),
		"timeline": keys("T", "g", "v", "l"),
	}
	for _, how := range []string{"--no-color", "NO_COLOR"} {
		for name, ks := range screens {
			t.Run(how+"/"+name, func(t *testing.T) {
				cfg := testConfig()
				if how == "NO_COLOR" {
					t.Setenv("NO_COLOR", "1")
				} else {
					cfg.NoColor = true
				}
				m := New(cfg, st, nil)
				m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
				m = runCmd(t, m, m.initCmd)
				m = drive(t, m, ks...)
				if c := colourSGR(m.View().Content); c != "" {
					t.Errorf("colour %s on the screen", c)
				}
			})
		}
	}
	// The same screens in colour do use colour: the profile is in force.
	m := New(testConfig(), st, nil)
	m = runCmd(t, drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 30}), m.initCmd)
	if colourSGR(m.View().Content) == "" {
		t.Fatal("no colour even with colour styles: the test cannot see colour")
	}
}

package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"connlog/model"
	"connlog/ui/theme"
)

// hostileScreens renders every screen that shows the hostile entry: each
// tab, the detail pane, and a status line whose source name is hostile too;
// styled draws with the colour styles.
func hostileScreens(t *testing.T, styled bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, sz := range goldenSizes {
		m := goldenModel(t, sz[0], sz[1])
		if styled {
			m = withStyles(m, theme.Default())
		}
		m.sources = []model.SourceStatus{{Name: "evil\x1b]0;title\x07\u202e.log", State: "following \x1b[31mred"}}
		for tab := TabAll; tab < tabCount; tab++ {
			mt := drive(t, m, keys(string(rune('1'+tab)))...)
			out[tab.String()] = mt.View().Content
		}
		md := moveToKind(t, m, model.KindText, 0)
		out["detail"] = drive(t, md, keys("enter")...).View().Content
		out["bar"] = drive(t, md, keys("/", "x\x1b[2J")...).View().Content
	}
	return out
}

// TestHostileTextIsInert checks that nothing from log content reaches the
// terminal as a control sequence, with colour and without any styling
// (where no escape at all may appear).
func TestHostileTextIsInert(t *testing.T) {
	for _, styled := range []bool{false, true} {
		for name, v := range hostileScreens(t, styled) {
			forbidden := []string{"\x1b]", "\x1b[2J", "\x1b[31m", "\x07", "\u202e", "\u009b", "\x1bP"}
			if !styled {
				forbidden = append(forbidden, "\x1b")
			}
			for _, f := range forbidden {
				if strings.Contains(v, f) {
					t.Errorf("styled %v, screen %s: output holds %q", styled, name, f)
				}
			}
			if !utf8.ValidString(v) {
				t.Errorf("styled %v, screen %s: output is not valid UTF-8", styled, name)
			}
		}
	}
}

// TestHostileTextIsVisible checks that the escapes show as text.
func TestHostileTextIsVisible(t *testing.T) {
	m := goldenModel(t, 160, 45)
	m = drive(t, moveToKind(t, m, model.KindText, 0), keys("enter")...)
	s := screen(m)
	for _, want := range []string{"␛[2Jpwned", "␛]52;c;ZXZpbA==\\x07", "‹U+202E›gnp.exe", "\\xff end", "日本語"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen does not show %q", want)
		}
	}
}

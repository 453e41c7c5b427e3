package payload

import (
	"regexp"
	"strings"
	"testing"

	"connlog/model"
)

// A line coloured for a terminal is parsed as the same line uncoloured:
// its level, time and fields are not hidden by the escapes; any other
// escape sequence stays in the message.
func TestColourIsDropped(t *testing.T) {
	for _, c := range []struct {
		line, message string
		kind          model.Kind
		level         model.Level
	}{
		{"\x1b[31m[WARN] [libsdwan] colored\x1b[0m", "colored", model.KindService, model.LevelWarn},
		{"\x1b[90m2026-08-18T10:19:03Z\x1b[0m \x1b[32mINF\x1b[0m msg", "msg", model.KindText, model.LevelInfo},
		{"\x1b[1;31mERROR\x1b[0m: boom \x1b[2J", "\x1b[2J", model.KindText, model.LevelNone},
		{"no colour \x1b[ at all \x1b[12", "no colour \x1b[ at all \x1b[12", model.KindText, model.LevelNone},
		{"an escape \x1b[ amid words", "an escape \x1b[ amid words", model.KindText, model.LevelNone},
	} {
		r := Parse([]byte(c.line), nil)[0]
		if r.Kind != c.kind || r.Level != c.level || !strings.Contains(r.Fields.Value(model.KeyMessage), c.message) {
			t.Errorf("%q: %v %v %q; want %v %v and the message holding %q", c.line, r.Kind, r.Level, r.Fields.Value(model.KeyMessage), c.kind, c.level, c.message)
		}
	}
}

// Every sequence WithoutColour leaves out is one ColourRegexp matches, so
// that a store searching raw bytes may allow for each.
func TestColourRegexpMatchesWhatIsLeftOut(t *testing.T) {
	re := regexp.MustCompile(`^` + ColourRegexp + `$`)
	for _, seq := range []string{"\x1b[m", "\x1b[0m", "\x1b[31m", "\x1b[1;33m", "\x1b[38;5;208m", "\x1b[" + strings.Repeat("1;", 14) + "1m",
		"\x1b[1x", "\x1b]0;title\x07", "\x1b[" + strings.Repeat("1", 40) + "m", "\x1bm"} {
		if len(WithoutColour([]byte(seq))) == 0 && !re.MatchString(seq) {
			t.Errorf("%q is left out but ColourRegexp does not match it", seq)
		}
	}
}

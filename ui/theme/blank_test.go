package theme

import (
	"testing"

	"connlog/model"
)

// TestBlankNote names the lines that would show as nothing, and only them.
func TestBlankNote(t *testing.T) {
	line := &model.Entry{Kind: model.KindText, Raw: []byte("x")}
	cases := []struct {
		name string
		e    *model.Entry
		s    string
		want string
	}{
		{"spaces", line, "     ", "(line of 5 spaces)"},
		{"one space", line, " ", "(line of 1 space)"},
		{"empty", line, "", "(empty line)"},
		{"text", line, "  x ", ""},
		{"a tab shows as \\t", line, "\t", ""},
		{"a gap has no line", &model.Entry{Kind: model.KindGap}, "", ""},
		{"an unreadable message", &model.Entry{Kind: model.KindText, Flags: model.FlagMessageUnreadable}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := BlankNote(c.e, c.s); got != c.want {
				t.Errorf("BlankNote(%q) = %q; want %q", c.s, got, c.want)
			}
		})
	}
}

package status

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
)

// TestHeldLineKeepsTheInputsName: while the one input holds an unfinished
// line, its name (the title) keeps its room first, its base name at least,
// and the held text gets what is left, cut with "…".
func TestHeldLineKeepsTheInputsName(t *testing.T) {
	const crash = "2026-02-10T08:00:03Z ERROR crash hello world partial"
	for _, c := range []struct {
		w          int
		name, want string
	}{
		{120, "/tmp/x/crash.log", " /tmp/x/crash.log: unfinished line held: 2026-02-10T08:00:03Z"},
		{80, "/tmp/x/crash.log", " /tmp/x/crash.log: unfinished line held: 2026"},
		{80, "/var/log/connector/old/rotated/crash.log", " crash.log: unfinished line held: 2026"},
	} {
		w, name, want := c.w, c.name, c.want
		src := model.SourceStatus{Name: name, State: "following", Held: model.HeldLine{Bytes: int64(len(crash)), Head: crash}}
		in := busy
		in.Sources = []model.SourceStatus{src}
		s := New(&plain, name)
		s.SetSize(w, 1)
		s.SetInfo(in)
		got := ansi.Strip(s.View())
		if !strings.HasPrefix(got, want) {
			t.Errorf("at %d columns: %q, want it to begin with %q", w, got, want)
		}
		if ansi.StringWidth(got) != w || !strings.Contains(got, "1,234/98,765") {
			t.Errorf("at %d columns the line is not whole: %q", w, got)
		}
	}
}

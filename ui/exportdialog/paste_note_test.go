package exportdialog

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFieldsSayWhatAPasteLeftOut: a paste into a text field of the dialog
// leaves its control characters out, as the filter bar does, and the
// dialog says so in the same words, until the next key.
func TestFieldsSayWhatAPasteLeftOut(t *testing.T) {
	d := send(t, newDialog(t, 7), "up", "ctrl+u")
	d, _ = d.Update(tea.PasteMsg{Content: "/tmp/x\x1b.ndjson\x07"})
	if strings.ContainsAny(d.pathIn.Value(), "\x1b\x07") {
		t.Fatalf("the path kept control characters: %q", d.pathIn.Value())
	}
	if s := screen(d); !strings.Contains(s, "2 control characters of the paste left out") {
		t.Errorf("the dialog does not say what the paste lost:\n%s", s)
	}
	if s := screen(send(t, d, "x")); strings.Contains(s, "control character") {
		t.Errorf("the note outlived the next key:\n%s", s)
	}
}

// TestPathFieldLeavesAPastesLineBreakOut: a path pasted with its line
// break is written under the name without it, and the break is counted in
// the paste's note rather than made a space at the end of the name.
func TestPathFieldLeavesAPastesLineBreakOut(t *testing.T) {
	dir := t.TempDir()
	d := send(t, newDialog(t, 7), "up", "ctrl+u")
	d, _ = d.Update(tea.PasteMsg{Content: dir + "/p.ndjson\n"})
	if got, want := d.pathIn.Value(), dir+"/p.ndjson"; got != want {
		t.Errorf("the path field holds %q; want %q", got, want)
	}
	if s := screen(d); !strings.Contains(s, "1 control character of the paste left out") {
		t.Errorf("the dialog does not count the line break:\n%s", s)
	}
}

// TestResultShowsWhereANameEnds: a name that ends in blanks (typed so)
// is written as given, and the result quotes it, or its end goes unseen.
func TestResultShowsWhereANameEnds(t *testing.T) {
	dir := t.TempDir()
	d := send(t, newDialog(t, 7), "up", "ctrl+u")
	d.pathIn.SetValue(dir + "/p.ndjson  ")
	d = send(t, d, "enter")
	if d.State() != Done {
		t.Fatalf("state %v, want done:\n%s", d.State(), screen(d))
	}
	if want := `wrote "` + dir + `/p.ndjson  "`; !strings.Contains(screen(d), want) {
		t.Errorf("the result does not say %q:\n%s", want, screen(d))
	}
	if s := screen(send(t, newDialog(t, 7), "up", "ctrl+u", dir+"/q.ndjson", "enter")); !strings.Contains(s, "wrote "+dir+"/q.ndjson") {
		t.Errorf("a plain name is quoted:\n%s", s)
	}
}

package exportdialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/ui/theme"
)

// TestMessagesReadWholeWhenSmall: on a small terminal (40×12 leaves the
// dialog 8 lines) or a narrow one, a failed write's error and the question
// before replacing a file are wrapped to the width and read whole, the
// dialog giving up its spacing, fields and title for them rather than
// cutting them at its edge or its foot.
func TestMessagesReadWholeWhenSmall(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-dir", "connector-export.csv")
	failed := send(t, typePath(t, newDialog(t, 7), missing), "enter")
	if failed.State() != Failed {
		t.Fatalf("state %v; want failed", failed.State())
	}
	exists := filepath.Join(dir, "connector-export.log")
	if err := os.WriteFile(exists, []byte("x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	confirm := send(t, typePath(t, newDialog(t, 7), exists), "enter")
	if confirm.State() != Confirm {
		t.Fatalf("state %v; want a question before replacing", confirm.State())
	}
	cases := []struct {
		name string
		d    Model
		want string
	}{
		{"failed", failed, "export failed: " + failed.Err()},
		{"replace", confirm, exists + " exists — enter replaces it, esc goes back to change the path"},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{40, 8}, {40, 12}, {22, 12}, {20, 12}} {
			d := c.d
			d.SetSize(sz[0], sz[1])
			out := d.View()
			lines := strings.Split(out, "\n")
			if len(lines) != sz[1] {
				t.Errorf("%s %dx%d: %d lines", c.name, sz[0], sz[1], len(lines))
			}
			for i, l := range lines {
				if cw := theme.CellWidth(l); cw != sz[0] {
					t.Errorf("%s %dx%d: line %d is %d cells: %q", c.name, sz[0], sz[1], i, cw, ansi.Strip(l))
				}
			}
			if got := joinWrapped(ansi.Strip(out)); !strings.Contains(got, joinWrapped(c.want)) {
				t.Errorf("%s %dx%d: the message is not read whole (%q):\n%s", c.name, sz[0], sz[1], c.want, ansi.Strip(out))
			}
		}
	}
	// Too short for it even alone: what is left out is marked.
	d := failed
	d.SetSize(20, 4)
	if out := ansi.Strip(d.View()); !strings.HasSuffix(out, "…") || strings.Count(out, "…") != 1 {
		t.Errorf("a message cut at the foot is not marked once:\n%s", out)
	}
}

// joinWrapped is text as read across wrapped lines: the spaces and line
// ends between words dropped, for a word may be broken at a line's end.
func joinWrapped(s string) string { return strings.Join(strings.Fields(s), "") }

// TestShortDialogKeepsTheFieldEdited: a dialog too short for every field
// shows the ones nearest the field edited, that one always, with the count
// and the keys under them.
func TestShortDialogKeepsTheFieldEdited(t *testing.T) {
	for _, keys := range [][]string{nil, {"up"}, {"down", "down"}} {
		d := send(t, newDialog(t, 7), keys...)
		d.SetSize(40, 7)
		out := screen(d)
		field := "> " + d.Field().String()
		for _, want := range []string{field, "7 entries", "esc cancel"} {
			if !strings.Contains(out, want) {
				t.Errorf("after %q the dialog lacks %q:\n%s", keys, want, out)
			}
		}
	}
}

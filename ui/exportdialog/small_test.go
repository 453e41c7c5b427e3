package exportdialog

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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
	// Too short for it even alone: it scrolls, read whole to its end.
	for _, c := range cases {
		for _, sz := range [][2]int{{20, 4}, {40, 3}, {22, 5}} {
			d := c.d
			d.SetSize(sz[0], sz[1])
			if got := readScrolled(t, d, "down"); !strings.Contains(got, joinWrapped(c.want)) {
				t.Errorf("%s %dx%d: scrolled down, the message is not read whole (%q): %s", c.name, sz[0], sz[1], c.want, got)
			}
		}
	}
	// A dialog of one line has no room to say how to scroll: what is left
	// out is marked.
	d := failed
	d.SetSize(20, 1)
	if out := ansi.Strip(d.View()); !strings.HasSuffix(out, "…") || strings.Count(out, "…") != 1 {
		t.Errorf("a message cut at the foot is not marked once:\n%s", out)
	}
}

// TestTallMessageScrolls: an error on a long path is taller than a small
// dialog at 40, 60 and 80 columns; its start shows with a line saying which
// keys show the rest, and scrolling a line at a time reads it whole, to
// what to do at its end; a page down reaches that end too, and a page up
// its start again. up and down scroll only once the message is alone on
// the screen: while choosing they move between the fields.
func TestTallMessageScrolls(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("incident-4711-for-the-vendor/", 12), "no-such-dir")
	failed := send(t, typePath(t, newDialog(t, 7), filepath.Join(dir, "x.ndjson")), "enter")
	if failed.State() != Failed {
		t.Fatalf("state %v; want failed", failed.State())
	}
	const end = "create it or choose another path"
	if !strings.HasSuffix(failed.Err(), end) {
		t.Fatalf("the error %q does not end with what to do (%q)", failed.Err(), end)
	}
	for _, sz := range [][2]int{{40, 8}, {60, 6}, {80, 4}} {
		d := failed
		d.SetSize(sz[0], sz[1])
		first := screen(d)
		if strings.Contains(joinWrapped(first), joinWrapped(end)) || !strings.Contains(first, "↑/↓ more · ") {
			t.Fatalf("%dx%d: the message fits, or no line says how to see the rest:\n%s", sz[0], sz[1], first)
		}
		if got := readScrolled(t, d, "down"); !strings.Contains(got, joinWrapped("export failed: "+failed.Err())) {
			t.Errorf("%dx%d: scrolled down, the message is not read whole: %s", sz[0], sz[1], got)
		}
		d = send(t, d, "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown")
		if out := screen(d); !strings.Contains(joinWrapped(out), joinWrapped(end)) || strings.Contains(out, "below") {
			t.Errorf("%dx%d: paged down, the end of the message is not on the screen:\n%s", sz[0], sz[1], out)
		}
		d = send(t, d, "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup")
		if out := screen(d); out != first {
			t.Errorf("%dx%d: paged up, the start of the message is not on the screen again:\n%s", sz[0], sz[1], out)
		}
		if back := send(t, d, "esc"); back.State() != Editing {
			t.Errorf("%dx%d: esc after scrolling: state %v; want back to the settings", sz[0], sz[1], back.State())
		}
	}

	// While choosing, a long notice scrolls with the page keys, and up
	// still moves to the field above.
	editing := send(t, typePath(t, newDialog(t, 7), strings.Repeat("no-such-directory-", 16)), "tab")
	editing.SetSize(40, 5)
	if notice := screen(editing); !strings.Contains(notice, "pgup/pgdown more · ") {
		t.Fatalf("a notice taller than the dialog does not say how to see the rest:\n%s", notice)
	}
	if paged := screen(send(t, editing, "pgdown")); !strings.Contains(paged, "> path") {
		t.Errorf("paged down, the field edited is out of sight:\n%s", paged)
	}
	if got := readScrolled(t, editing, "pgdown"); !strings.HasSuffix(got, strings.Repeat("no-such-directory-", 16)) {
		t.Errorf("paged down, the notice is not read to its end: %s", got)
	}
	if up := send(t, editing, "up"); up.Field() != FieldRedact {
		t.Errorf("up while choosing went to %v; want the field above the path", up.Field())
	}
}

// readScrolled is the message of d, taller than it, as read by pressing
// down to its end: each screen's lines under the field edited (while
// choosing) and above the ones that say how to see the rest, put where the count of lines above says they are. Every screen
// must fill the dialog, no line wider than it, and say what is out of sight.
func readScrolled(t *testing.T, d Model, down string) string {
	t.Helper()
	var read []string
	for range 200 {
		lines := strings.Split(d.View(), "\n")
		for i, l := range lines {
			if cw := theme.CellWidth(l); cw != d.width {
				t.Fatalf("line %d is %d cells wide; want %d: %q", i, cw, d.width, ansi.Strip(l))
			}
		}
		at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, " more ·") })
		if len(lines) != d.height || at < 1 {
			t.Fatalf("a screen of %d lines (want %d) that does not say how to see the rest under the message:\n%s",
				len(lines), d.height, screen(d))
		}
		more := ansi.Strip(strings.Join(lines[at:], " "))
		top := 0
		if m := regexp.MustCompile(`(\d+) above`).FindStringSubmatch(more); m != nil {
			top, _ = strconv.Atoi(m[1])
		}
		if top > len(read) {
			t.Fatalf("scrolled past lines never shown (%d above, %d read):\n%s", top, len(read), screen(d))
		}
		read = append(read[:top], lines[len(d.editedField()):at]...) // under the field edited, kept in sight
		if !strings.Contains(more, "below") {
			return joinWrapped(ansi.Strip(strings.Join(read, "\n")))
		}
		d = send(t, d, down)
	}
	t.Fatalf("scrolled 200 times without reaching the end:\n%s", screen(d))
	return ""
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

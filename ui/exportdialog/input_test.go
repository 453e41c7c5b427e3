package exportdialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteOverAnInputIsRefused: the path of the file being read is
// refused with what to do in the dialog, never offered for replacing,
// and the file is left as it was.
func TestWriteOverAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "same.log")
	if err := os.WriteFile(input, []byte("the log\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := newSource(t, 5)
	src.Inputs = []string{input}
	d := send(t, typePath(t, openOver(t, src), input), "enter")
	want := input + " is one of the inputs being read — choose another path"
	if d.State() != Failed || !strings.Contains(strings.Join(strings.Fields(screen(d)), " "), want) {
		t.Fatalf("state %v; want failed saying %q:\n%s", d.State(), want, screen(d))
	}
	if got, _ := os.ReadFile(input); string(got) != "the log\n" {
		t.Errorf("the input now holds %q", got)
	}
	if d = send(t, d, "enter"); d.State() != Editing || d.Field() != FieldPath {
		t.Errorf("state %v on %v after enter; want editing the path", d.State(), d.Field())
	}
}

// TestSpecialFileAdviceIsTheDialogs: a device or a symbolic link as the
// path is refused with what can be done in the dialog, not on a command
// line.
func TestSpecialFileAdviceIsTheDialogs(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.log")
	if err := os.Symlink(filepath.Join(dir, "elsewhere.log"), link); err != nil {
		t.Fatal(err)
	}
	for path, what := range map[string]string{"/dev/null": "a character device", link: "a symbolic link"} {
		d := send(t, typePath(t, newDialog(t, 5), path), "enter")
		said := strings.Join(strings.Fields(screen(d)), " ")
		want := path + " is " + what + ", not a regular file, and connlog never replaces one — choose another path"
		if d.State() != Failed || !strings.Contains(said, want) || strings.Contains(said, "-o -") {
			t.Errorf("state %v; want failed saying %q and no command-line advice:\n%s", d.State(), want, screen(d))
		}
	}
}

// TestNoFileCanBeCreatedThere: a path under /proc is refused for what is
// true of it: the directory exists, its file system takes no new file.
func TestNoFileCanBeCreatedThere(t *testing.T) {
	d := send(t, typePath(t, newDialog(t, 5), "/proc/self/x.csv"), "enter")
	said := strings.Join(strings.Fields(screen(d)), " ")
	want := "cannot create a file in /proc/self: the directory exists, but its file system does not let files be created in it"
	if d.State() != Failed || !strings.Contains(said, want) || strings.Contains(said, "does not exist") {
		t.Errorf("state %v; want failed saying %q:\n%s", d.State(), want, screen(d))
	}
}

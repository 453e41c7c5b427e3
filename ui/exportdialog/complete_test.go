package exportdialog

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestCompleteDirectories: tab completes the last element to directories.
func TestCompleteDirectories(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"logs", "exports-a", "exports-b", ".hidden"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "logfile"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "logs"), filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	sep := string(filepath.Separator)
	cases := []struct {
		name, typed, want string
		matches           []string
	}{
		{"one directory, a file beside it", root + sep + "lo", root + sep + "logs" + sep, []string{"logs"}},
		{"several: the common prefix", root + sep + "ex", root + sep + "exports-", []string{"exports-a", "exports-b"}},
		{"a link to a directory", root + sep + "lin", root + sep + "linked" + sep, []string{"linked"}},
		{"hidden only when asked", root + sep + ".h", root + sep + ".hidden" + sep, []string{".hidden"}},
		{"no match", root + sep + "zz", root + sep + "zz", nil},
		{"missing parent", root + sep + "nope" + sep + "x", root + sep + "nope" + sep + "x", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := call(t, completeCmd(c.typed, 7)).(completeMsg)
			if msg.gen != 7 || msg.value != c.want || !slices.Equal(msg.matches, c.matches) {
				t.Errorf("got %q %v (gen %d); want %q %v", msg.value, msg.matches, msg.gen, c.want, c.matches)
			}
		})
	}
}

func TestExpandHome(t *testing.T) {
	t.Setenv("HOME", "/home/op")
	cases := []struct{ in, want string }{
		{"~", "/home/op"},
		{"~/x.log", "/home/op/x.log"},
		{"~other/x.log", "~other/x.log"},
		{"./~/x", "./~/x"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := expandHome(c.in); got != c.want {
				t.Errorf("expandHome(%q) = %q; want %q", c.in, got, c.want)
			}
		})
	}
}

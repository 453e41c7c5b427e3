package exportdialog

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// maxCompletions is how many candidate directories the dialog lists.
const maxCompletions = 8

// completeMsg is the path after directory completion, with the
// directories that matched when there was more than one.
type completeMsg struct {
	gen     int
	value   string
	matches []string
}

// completeCmd completes the last path element to the directories that
// start with it: the one that matches, with a separator after it, or the
// common prefix of several, which are listed. Hidden directories are
// offered only when the typed prefix starts with a dot, as in a shell.
func completeCmd(value string, gen int) tea.Cmd {
	return func() tea.Msg {
		dir, prefix := filepath.Split(value)
		list := expandHome(dir)
		if list == "" {
			list = "."
		}
		ents, err := os.ReadDir(list)
		if err != nil {
			return completeMsg{gen: gen, value: value}
		}
		var names []string
		for _, e := range ents {
			hidden := strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(prefix, ".")
			if isDirEntry(list, e) && strings.HasPrefix(e.Name(), prefix) && !hidden {
				names = append(names, e.Name())
			}
		}
		switch len(names) {
		case 0:
			return completeMsg{gen: gen, value: value}
		case 1:
			return completeMsg{gen: gen, value: dir + names[0] + string(filepath.Separator), matches: names}
		}
		return completeMsg{gen: gen, value: dir + commonPrefix(names), matches: names}
	}
}

// isDirEntry reports whether e is a directory or a link to one.
func isDirEntry(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && info.IsDir()
}

func commonPrefix(ss []string) string {
	p := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

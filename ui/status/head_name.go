package status

import (
	"path"
	"strings"

	"connlog/ui/theme"
)

// heldSaidCells is the least room the state of the one input keeps after
// its name: ": unfinished line held…" says what is going on, if not what.
const heldSaidCells = 24

// titleNamesInput reports whether the title is the name of the one input,
// whose state then follows it (": state", see headParts).
func (s Model) titleNamesInput() bool {
	return len(s.info.Sources) == 1 && s.info.Sources[0].Name == s.title
}

// fitNamedHead fits the title that names the one input and its states
// into room. The name keeps its room first, whole or else its base name
// (which file it is), for a state without a name says nothing; the states
// get what is left, cut with "…".
func fitNamedHead(title, states string, room int) string {
	if theme.CellWidth(title)+heldSaidCells > room {
		title = " " + baseName(strings.TrimPrefix(title, " "))
	}
	left := room - theme.CellWidth(title)
	if left <= 0 {
		return theme.Fit(title, room)
	}
	return title + theme.Fit(states, left)
}

// baseName is the last element of a path-like name ("crash.log" of
// "/tmp/x/crash.log"), the name itself when it has none.
func baseName(name string) string {
	if b := path.Base(name); b != "." && b != "/" {
		return b
	}
	return name
}

// nameAfterTitle is an input's name as the head lists it after the title:
// from the directory the title ends with, when the name lies in it ("2
// files in /var/log/connector/ · connector.log, old/connector.1.log"), for
// the title has said that directory and, said again before each file, it
// pushed which file and its state off the line; the whole name otherwise.
func (s Model) nameAfterTitle(name string) string {
	for i := len(name) - 2; i >= 0; i-- {
		if dir := name[:i+1]; name[i] == '/' && strings.HasSuffix(s.title, " "+dir) {
			return name[i+1:]
		}
	}
	return name
}

package exportdialog

import (
	"strings"

	"connlog/ui/theme"
)

// shownPath is a path as the dialog's messages name it, made safe to
// show: quoted when it begins or ends in blanks, which would otherwise go
// unseen in "wrote p.ndjson " — another name than the one read.
func shownPath(p string) string {
	s := theme.Clean(p)
	if strings.TrimSpace(p) != p {
		return `"` + s + `"`
	}
	return s
}

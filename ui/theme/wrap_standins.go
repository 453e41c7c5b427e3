package theme

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/inert"
)

// HardwrapClean is raw made inert (Clean) and broken into lines of at most
// w cells, as ansi.Hardwrap breaks it (between any two characters), except
// that the stand-in of a byte (\x1b, \t, ‹U+202E›) is never split: the
// line breaks before it. The lines put together are Clean(raw) exactly.
func HardwrapClean(raw string, w int) []string {
	text, whole := inert.SanitizeStandIns(raw)
	if len(whole) == 0 || w < 1 {
		return strings.Split(ansi.Hardwrap(text, w, true), "\n")
	}
	var lines []string
	start, width := 0, 0
	for i := 0; i < len(text); {
		n, cw := wrapUnit(text, i, &whole)
		if width > 0 && width+cw > w {
			lines = append(lines, text[start:i])
			start, width = i, 0
		}
		width += cw
		i += n
	}
	return append(lines, text[start:])
}

// wrapUnit returns the length and width of what is at text[i] that a wrap
// must keep whole: the stand-in that starts there (the first of whole,
// which it then drops), an ASCII character, or a grapheme cluster, cut
// short of the next stand-in (a cluster never holds one: Clean wrote it
// for a character that combines with nothing, but the text before it may
// be a character that would).
func wrapUnit(text string, i int, whole *[][2]int) (n, width int) {
	next := len(text)
	if len(*whole) > 0 {
		if sp := (*whole)[0]; sp[0] == i {
			*whole = (*whole)[1:]
			return sp[1] - sp[0], CellWidth(text[sp[0]:sp[1]])
		}
		next = (*whole)[0][0]
	}
	if text[i] < 0x80 {
		return 1, 1
	}
	cluster, width := ansi.FirstGraphemeCluster(text[i:next], ansi.GraphemeWidth)
	return len(cluster), width
}

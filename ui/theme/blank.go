package theme

import (
	"strings"

	"connlog/model"
)

// BlankNote names s, e's message or raw line, when it would show as
// nothing: "(empty line)", or "(line of 5 spaces)" for one of spaces only;
// "" for any other text, and for an entry that has no line to show (a gap,
// a boundary, a journal entry whose message could not be read: the detail
// says why). A row or a value drawn blank reads as no line at all, so the
// interface shows the note instead, dim; exports keep the line as it is.
func BlankNote(e *model.Entry, s string) string {
	switch {
	case e.IsMark() || e.Flags.Has(model.FlagMessageUnreadable):
		return ""
	case s == "":
		return "(empty line)"
	case strings.Trim(s, " ") == "":
		return "(line of " + Plural(int64(len(s)), "space") + ")"
	}
	return ""
}

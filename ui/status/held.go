package status

import (
	"strings"
	"unicode/utf8"

	"connlog/model"
	"connlog/ui/theme"
)

// heldPreviewCells is the most of a held line an input's state shows: its
// time and the start of its message, not so much that the inputs listed
// after it are pushed off the line.
const heldPreviewCells = 48

// heldText says that src holds an unfinished line, and shows its start,
// inert, ending with "…" since the line goes on: " · unfinished line held
// (37B): 2026-02-10T08:00:03Z ERROR crash nonl…". The compact form leaves
// out the length. "" when nothing is held.
func heldText(h model.HeldLine, compact bool) string {
	if h.Bytes == 0 {
		return ""
	}
	head := h.Head
	if int64(len(head)) < h.Bytes {
		head = wholeRunes(head)
	}
	if compact {
		return "unfinished line held: " + preview(head) + "…"
	}
	return "unfinished line held (" + model.HumanBytes(float64(h.Bytes)) + "): " + preview(head) + "…"
}

// preview is the start of head made inert, as the table makes a cell, in
// at most heldPreviewCells-1 cells (the "…" that follows takes one). It is
// cut between characters, never inside the stand-in of one (\x07, ␛).
func preview(head string) string {
	var b strings.Builder
	for i, w := 0, 0; i < len(head); {
		_, size := utf8.DecodeRuneInString(head[i:])
		c := theme.Clean(head[i : i+size])
		if w += theme.CellWidth(c); w > heldPreviewCells-1 {
			break
		}
		b.WriteString(c)
		i += size
	}
	return b.String()
}

// wholeRunes drops the bytes of a character the head was cut in, which
// would otherwise show as invalid bytes the line does not hold.
func wholeRunes(head string) string {
	for i := 1; i < utf8.UTFMax && i <= len(head); i++ {
		if utf8.RuneStart(head[len(head)-i]) {
			if !utf8.FullRuneInString(head[len(head)-i:]) {
				return head[:len(head)-i]
			}
			break
		}
	}
	return head
}

// holding reports whether an input holds an unfinished line.
func holding(srcs []model.SourceStatus) bool {
	for _, src := range srcs {
		if src.Held.Bytes > 0 && src.Err == "" {
			return true
		}
	}
	return false
}

// unremarkable reports whether src's state says nothing a short head must
// keep: it is followed, well, and holds nothing.
func unremarkable(src model.SourceStatus) bool {
	return src.Err == "" && src.Held.Bytes == 0 && src.State == "following"
}

package exportdialog

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// editMark heads the line of the field edited.
const editMark = "> "

// maxInputLines is how many lines a text field may wrap over before it
// shows only the part around the cursor (its end when it has not the
// keyboard).
const maxInputLines = 4

// valueColumn is where a field's value starts on its line: after the mark
// and the label.
const valueColumn = theme.KeyColumn + 2

// fieldLines draws the fields, the current one marked, with the current
// field's help under it, as room r allows: with roomFewFields, the fields
// nearest the current one in at most keep lines.
func (d Model) fieldLines(r room, keep int) []string {
	fields, cur := d.fieldRows(r)
	if r < roomFewFields {
		return concat(fields)
	}
	lo, hi := cur, cur+1
	used := len(fields[cur])
	for grew := true; grew; {
		grew = false
		if lo > 0 && used+len(fields[lo-1]) <= keep {
			lo, used, grew = lo-1, used+len(fields[lo-1]), true
		}
		if hi < len(fields) && used+len(fields[hi]) <= keep {
			hi, used, grew = hi+1, used+len(fields[hi]), true
		}
	}
	out := concat(fields[lo:hi])
	return out[:min(len(out), keep)]
}

func concat(groups [][]string) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// editedField is the field that has the keyboard, without its help, as a
// dialog too short for the others draws it: the keys typed go into it, and
// a choice changed or a path typed out of sight would change the export
// unseen. None once the dialog is no longer choosing.
func (d Model) editedField() []string {
	if d.state != Editing {
		return nil
	}
	fields, cur := d.fieldRows(roomNoFields)
	f, most := fields[cur], d.pinnedLines()
	if len(f) <= most {
		return f
	}
	// A choice wrapped over more lines (a text field is drawn in most
	// already, around its cursor): its last line shown says it goes on.
	f = f[:most]
	f[most-1] = ansi.Truncate(f[most-1], max(d.width-3, 0), "") + "…"
	return f
}

// pinnedLines is how many lines the field edited takes above the status
// of a dialog too short for the other fields: a quarter of the dialog, so
// that the status keeps the most of it, from one line to maxInputLines.
func (d Model) pinnedLines() int { return min(max(d.height/4, 1), maxInputLines) }

// fieldRows draws each field's lines, the help of the current one under
// it unless room r leaves it out, and says which field is current.
func (d Model) fieldRows(r room) (fields [][]string, cur int) {
	most := maxInputLines
	if r >= roomNoFields {
		most = d.pinnedLines() // the field edited alone, above the status
	}
	add := func(f Field, value []string) {
		if d.editing(f) {
			cur = len(fields)
		}
		fields = append(fields, d.row(f, value, r))
	}
	add(FieldScope, d.choice(FieldScope, d.set.Scope.String()))
	if d.set.Scope == ScopeWindow {
		add(FieldFrom, d.input(FieldFrom, d.fromIn, "the first entry", most))
		add(FieldTo, d.input(FieldTo, d.toIn, "the last entry", most))
	}
	redact := "[ ] off"
	if d.set.Redact {
		redact = "[x] emails, client IPs, names, device and user ids"
	}
	add(FieldFormat, d.choice(FieldFormat, d.set.Format.String()))
	add(FieldCompress, d.choice(FieldCompress, d.set.Compress.String()))
	add(FieldRedact, d.choice(FieldRedact, redact))
	add(FieldPath, d.input(FieldPath, d.pathIn, "", most))
	return fields, cur
}

// row is a field's lines: its label, marked when edited, then its value
// over as many lines as it takes, each line led by two cells (the ‹ of a
// choice edited), and the help of the field edited unless room r leaves
// it out.
func (d Model) row(f Field, value []string, r room) []string {
	mark := "  "
	if d.editing(f) {
		mark = editMark
	}
	out := []string{mark + d.styles.Key.Render(theme.Fit(f.String(), theme.KeyColumn-2)) + value[0]}
	for _, l := range value[1:] {
		out = append(out, strings.Repeat(" ", theme.KeyColumn)+l)
	}
	if d.editing(f) && r < roomNoHelp {
		out = append(out, d.help(f)...)
	}
	return out
}

// valueWidth is how many cells a field's value has on its lines: the
// dialog's, less its indent, the label and the lead: a value goes to the
// edge, where a message keeps a margin.
func (d Model) valueWidth() int { return max(d.width-valueColumn-2, 10) }

// choice draws a choice cycled with ←/→, wrapped when too long for its
// column; the one edited between ‹ ›.
func (d Model) choice(f Field, s string) []string {
	lines := theme.Wrap(s, d.valueWidth()-2)
	last := len(lines) - 1
	for i := range lines {
		if !d.editing(f) {
			lines[i] = "  " + lines[i]
			continue
		}
		open, end := "  ", ""
		if i == 0 {
			open = "‹ "
		}
		if i == last {
			end = " ›"
		}
		lines[i] = d.styles.ChoiceActive.Render(open + lines[i] + end)
	}
	return lines
}

// input draws a text field wrapped, with its cursor when it has the
// keyboard, or what an empty one means. A value too long for
// maxInputLines shows its end after a "…" unless the cursor is elsewhere:
// a path's file name says more than its start.
func (d Model) input(f Field, in filterbar.LineInput, empty string, most int) []string {
	var lines []string
	switch {
	case d.editing(f):
		lines = in.Lines(d.valueWidth(), most)
	case in.Value() == "" && empty != "":
		lines = []string{d.styles.Dim.Render(empty)}
	default:
		lines = in.Tail(d.valueWidth(), most)
	}
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	return lines
}

// editing reports whether field f has the keyboard.
func (d Model) editing(f Field) bool { return f == d.field && d.state == Editing }

package exportdialog

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// View draws the dialog at its size. A dialog too short for all of it
// gives up, in turn, its blank lines, the help of the field edited, the
// other fields, the title and the key hint, so that what will be or was
// written (an error above all) is read whole; what still does not fit
// scrolls, a line under it saying with what keys and how much is out of
// sight, for the end of a message (what to do) matters as much as its
// start. While choosing, the field edited stays above it all: the keys
// typed go into it. Only a dialog of one line cuts it, marked "…".
func (d Model) View() string {
	if !d.open || d.width <= 0 {
		return ""
	}
	var lines []string
	if status, window := d.overflow(); status != nil {
		lines = d.scrolled(status, window)
	} else {
		lines = d.fitted()
	}
	if len(lines) > d.height && d.height > 0 {
		lines = lines[:d.height]
		lines[d.height-1] = ansi.Truncate(lines[d.height-1], max(d.width-1, 0), "") + "…"
	}
	for i := range lines {
		lines[i] = theme.PadStyled(lines[i], d.width)
	}
	for len(lines) < d.height {
		lines = append(lines, strings.Repeat(" ", d.width))
	}
	return strings.Join(lines[:max(d.height, 0)], "\n")
}

// fitted is the most of the dialog that its height holds, giving up its
// parts in the order of room; the status alone when even that is too tall.
func (d Model) fitted() []string {
	var lines []string
	for r := roomAll; r <= roomStatus; r++ {
		keep := 0
		if r == roomFewFields {
			// As many fields as the status and hint leave room for (the
			// field edited is among them).
			if keep = d.height - len(d.lines(roomNoFields, 0)) + len(d.editedField()); keep <= 0 {
				continue
			}
		}
		if lines = d.lines(r, keep); len(lines) <= d.height {
			break
		}
	}
	return lines
}

// room is how much of the dialog is drawn, from all of it to the status
// alone: each step gives up one more part for a dialog too short.
type room int

const (
	roomAll       room = iota // spaced out, the field edited with its help
	roomPacked                // without the blank lines
	roomNoHelp                // nor the help of the field edited
	roomFewFields             // nor the fields furthest from the one edited
	roomNoFields              // nor the fields but the one edited (see editedField)
	roomNoTitle               // nor the title
	roomStatus                // nor the key hint: the status alone, under the field edited
)

// lines are the dialog's lines as room r allows, indented; keep is how
// many fields roomFewFields keeps.
func (d Model) lines(r room, keep int) []string {
	var lines []string
	gap := func() {
		if r < roomPacked {
			lines = append(lines, "")
		}
	}
	if r < roomNoTitle {
		lines = append(lines, d.styles.DialogTitle.Render("Export"))
		gap()
	}
	switch {
	case r < roomNoFields:
		lines = append(lines, d.fieldLines(r, keep)...)
		gap()
	default:
		lines = append(lines, d.editedField()...)
	}
	lines = append(lines, d.statusLines()...)
	if r < roomStatus {
		gap()
		lines = append(lines, d.wrap(d.styles.Dim, d.hint())...)
	}
	return indented(lines)
}

// indented is lines, each led by the dialog's indent.
func indented(lines []string) []string {
	for i := range lines {
		lines[i] = "  " + lines[i]
	}
	return lines
}

// statusLines say what will be or was written.
func (d Model) statusLines() []string {
	switch d.state {
	case Confirm:
		k := d.keys
		return d.wrap(d.styles.Notice, shownPath(d.target)+" exists — "+theme.KeyOf(k.Write)+" replaces it, "+theme.KeyOf(k.Cancel)+
			" goes back to change the path")
	case Writing:
		return append([]string{d.progressLine()}, d.quitLines()...)
	case Waiting:
		return append(d.wrap(d.styles.Notice, "waiting for the end of the indexing of "+theme.Clean(d.src.Indexing)+" before writing · "+
			entriesText(d.planEntries())+" so far"+marksClause(d.plan.Marks, d.src.holdsMarks(d.set))), d.quitLines()...)
	case Done:
		r := d.result
		// The path on a line of its own: a long one wraps without
		// splitting the size and the count.
		s := model.HumanBytes(float64(r.Bytes)) + ", " + resultText(r) +
			" in " + d.elapsed.Round(time.Millisecond).String()
		if r.Skipped > 0 {
			s += " (" + theme.Commas(r.Skipped) + " the format cannot hold were left out)"
		}
		var out []string
		if d.elsewhere != "" {
			out = d.wrap(d.styles.Notice, theme.Clean(d.elsewhere))
		}
		out = append(out, d.wrap(d.styles.Granted, "wrote "+shownPath(r.Path))...)
		out = append(out, d.wrap(d.styles.Granted, s)...)
		if d.evicted.Partial() {
			// Said where the count is, or the count reads as the whole input.
			out = append(out, d.wrap(d.styles.Notice, evictedLine(d.evicted, d.src.Location))...)
		}
		if d.notRead != "" {
			out = append(out, d.wrap(d.styles.Notice, d.notRead)...)
		}
		if d.unreadable > 0 {
			// The loss is said where the success is, or it would pass unseen.
			out = append(out, d.wrap(d.styles.ErrorText, theme.Commas(d.unreadable)+" of the lines could no longer be read from "+
				"their file (truncated or removed since): a gap entry (kind:gap) stands for each, or, where the format holds "+
				"only lines, they are left out")...)
		}
		return out
	case Failed:
		return d.wrap(d.styles.ErrorText, "export failed: "+theme.Clean(d.err))
	}
	return d.planLines()
}

// planLines show the count, the estimate, the redaction preview and any
// remark on the last key.
func (d Model) planLines() []string {
	var out []string
	switch {
	case d.planErr != "":
		out = d.wrap(d.styles.ErrorText, theme.Clean(d.planErr))
	case d.planning && !d.plan.made:
		out = []string{"counting…"}
	default:
		out = append(d.countLines(), d.indexingLines()...)
		if ev := d.src.evictedFrom(d.set, d.plan.Seqs); ev.Partial() {
			out = append(out, d.wrap(d.styles.Notice, evictedLine(ev, d.src.Location))...)
		}
		if d.notRead != "" {
			out = append(out, d.wrap(d.styles.Notice, d.notRead)...)
		}
		out = append(out, d.emptyLines()...)
		out = append(out, d.filterLines()...)
		out = append(out, d.mutedLines()...)
		out = append(out, d.extensionLines()...)
		out = append(out, d.previewLines()...)
	}
	if d.notice != "" {
		out = append(out, d.wrap(d.styles.Notice, theme.Clean(d.notice))...)
	}
	return out
}

// mutedLines say that the lines of muted templates are not in the export,
// for the query alone would not tell whoever reads it.
func (d Model) mutedLines() []string {
	n := len(d.src.Muted)
	if n == 0 {
		return nil
	}
	what := "the lines of " + strconv.Itoa(n) + " muted templates are left out"
	if n == 1 {
		what = "the lines of 1 muted template are left out"
	}
	return d.wrap(d.styles.Notice, what+" (a bundle's manifest names them; "+theme.KeyOf(d.keys.Templates)+" then "+
		theme.KeyOf(d.keys.Mute)+" un-mutes)")
}

// countLines say how many entries, over what time, and about how big,
// wrapped between those parts: this is what will be written, read whole.
func (d Model) countLines() []string {
	p := d.plan
	parts := []string{entriesText(d.planEntries())}
	if d.awaitsIndexing() {
		parts[0] += " so far"
	}
	parts[0] += marksClause(p.Marks, d.src.holdsMarks(d.set))
	if !p.First.IsZero() && !p.Last.IsZero() {
		parts = append(parts, theme.SpanPhrases(p.First, p.Last, d.src.Location)...)
	}
	return theme.WrapPhrases(append(parts, "· about "+model.HumanBytes(float64(p.Estimate))), d.wrapWidth())
}

// indexingLines say that the scope's rows still grow as the input is
// indexed, and that the write waits for the rest.
func (d Model) indexingLines() []string {
	if !d.awaitsIndexing() {
		return nil
	}
	return d.wrap(d.styles.Notice, "still indexing "+theme.Clean(d.src.Indexing)+": "+theme.KeyOf(d.keys.Write)+
		" waits for every matching row before writing")
}

// emptyLines say why the time window holds no entry, when that is known,
// broken between its clauses rather than inside a date.
func (d Model) emptyLines() []string {
	if d.plan.empty == "" {
		return nil
	}
	clauses := strings.SplitAfter(d.plan.empty, "; ")
	for i := range clauses {
		clauses[i] = strings.TrimSpace(clauses[i])
	}
	lines := theme.WrapPhrases(clauses, d.wrapWidth())
	for i, l := range lines {
		lines[i] = d.styles.Notice.Render(l)
	}
	return lines
}

// filterLines name the filter that chose the entries, wrapped: the footer
// under the dialog cuts a long one at the terminal's edge. Marked rows are
// taken whatever the filter.
func (d Model) filterLines() []string {
	if d.src.Query == "" || d.set.Scope == ScopeMarked {
		return nil
	}
	return d.wrap(d.styles.Dim, "filter: "+theme.Clean(d.src.Query))
}

// entriesText is "1 entry" or "1,234 entries".
func entriesText(n int64) string {
	if n == 1 {
		return "1 entry"
	}
	return theme.Commas(n) + " entries"
}

// extensionLines warn when a typed name does not end the way the format and
// compression would name it: a .csv file holding NDJSON misleads whoever
// opens it. A directory (ending in a separator) gets the default name.
func (d Model) extensionLines() []string {
	p := d.pathIn.Value()
	want := "." + d.set.Format.Ext() + d.set.Compress.Ext()
	if !d.pathEdited || p == "" || strings.HasSuffix(p, want) || strings.HasSuffix(p, "/") {
		return nil
	}
	if strings.TrimRightFunc(p, unicode.IsSpace) != p {
		return d.wrap(d.styles.Dim, "note: the name ends in a blank, which the file's name keeps: "+shownPath(p))
	}
	what := d.set.Format.String()
	if d.set.Compress != export.CompressNone {
		what += " with " + d.set.Compress.String()
	}
	return d.wrap(d.styles.Dim, "note: the name does not end in "+want+", the usual ending for "+what)
}

// previewLines show what redaction would replace in the first entries.
func (d Model) previewLines() []string {
	if !d.set.Redact {
		return nil
	}
	if len(d.plan.preview) == 0 {
		// Only the first entries are looked at here; the write learns
		// from every entry of the store (see learnPersonal).
		return d.wrap(d.styles.Dim, "the first entries name no one; what other entries reveal is learned from every entry when writing")
	}
	var out []string
	for _, c := range d.plan.preview {
		out = append(out, d.changeLines(c)...)
	}
	return out
}

// changeLines are one replacement of the preview, "before → after  (where)",
// wrapped between its parts (inside one only when it alone is too wide) so
// that it is read whole at any width; the lines it goes on over are
// indented under its first. Every part is log content, made inert.
func (d Model) changeLines(c export.Change) []string {
	const first, more = "  ", "    "
	parts := []string{theme.Clean(c.Before), "→ " + theme.Clean(c.After), " (" + theme.Clean(c.Where) + ")"}
	lines := theme.WrapPhrases(parts, max(d.wrapWidth()-len(more), 1))
	for i, l := range lines {
		indent := first
		if i > 0 {
			indent, l = more, strings.TrimLeft(l, " ")
		}
		lines[i] = d.styles.Dim.Render(indent + l)
	}
	return lines
}

// wrap breaks a message into lines that fit the dialog, so that an error
// is read whole rather than cut at the edge: with a margin on the right
// where there is room for one, to the edge on a narrow terminal.
func (d Model) wrap(style interface{ Render(...string) string }, s string) []string {
	return theme.WrapIn(style, s, d.wrapWidth())
}

// wrapWidth is the width messages are wrapped to: the dialog's less the
// indent and as much again on the right, or to the edge when narrow.
func (d Model) wrapWidth() int {
	if w := d.width - 4; w >= 20 {
		return w
	}
	return max(d.width-2, 1)
}

// progressLine is a bar of the entries written so far (its marks and
// the rows the format leaves out are not counted), as wide as the
// words after it leave room for.
//
// A redacted write first reads its entries once for what they reveal
// (export.Redactor.Learn), writing nothing: until it writes, the bar
// counts that reading.
func (d Model) progressLine() string {
	total := d.planEntries()
	done := writtenEntries(d.progress)
	after := " · " + d.writtenText()
	if learned, of := d.progress.Learned(); done == 0 && learned > 0 {
		done, total, after = learned, of, " read for what to redact"
	}
	frac := 0.0
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	said := " " + strconv.Itoa(int(frac*100)) + "% " + theme.Commas(done) + "/" + theme.Commas(total) + after
	w := max(min(d.wrapWidth()-ansi.StringWidth(said), 50), 10)
	full := int(frac * float64(w))
	bar := d.styles.ProgressFull.Render(strings.Repeat("█", full)) + d.styles.ProgressEmpty.Render(strings.Repeat("░", w-full))
	return bar + said
}

// writtenText says how many bytes the write has put down so far. A bundle
// archives its members only once they are whole: until then, what they
// took is what it has written.
func (d Model) writtenText() string {
	p := d.progress
	switch {
	case d.set.Format != export.FormatBundle:
		return model.HumanBytes(float64(p.Bytes())) + " written"
	case p.Bytes() == 0:
		return model.HumanBytes(float64(p.Staged())) + " written to its members"
	}
	return model.HumanBytes(float64(p.Bytes())) + " of the archive written"
}

// hint is the line of keys at the foot of the dialog, for its state.
func (d Model) hint() string {
	k := d.keys
	switch d.state {
	case Writing:
		return theme.KeyOf(k.Cancel) + " cancels the export: nothing is left behind"
	case Waiting:
		return theme.KeyOf(k.Cancel) + " stops waiting: nothing is written"
	case Done:
		return theme.KeyOf(k.Write) + " or " + theme.KeyOf(k.Cancel) + " closes"
	case Failed:
		return theme.KeyOf(k.Write) + " or " + theme.KeyOf(k.Cancel) + " goes back to the settings to fix it"
	case Confirm:
		return theme.KeyOf(k.Write) + " replace the file · " + theme.KeyOf(k.Cancel) + " back"
	}
	return theme.Hint(k.ShortHelp()...)
}

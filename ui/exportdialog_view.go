package ui

import (
	"strconv"
	"strings"

	"connlog/model"
)

// View draws the dialog.
func (d ExportDialog) View() string {
	if !d.open || d.width <= 0 {
		return ""
	}
	lines := []string{d.styles.DialogTitle.Render("Export"), ""}
	lines = append(lines, d.fieldLines()...)
	lines = append(lines, "")
	lines = append(lines, d.statusLines()...)
	lines = append(lines, "", d.styles.Dim.Render(d.hint()))
	for i := range lines {
		lines[i] = padStyled("  "+lines[i], d.width)
	}
	for len(lines) < d.height {
		lines = append(lines, strings.Repeat(" ", d.width))
	}
	return strings.Join(lines[:max(d.height, 0)], "\n")
}

// fieldLines draws one line per field, the current one marked.
func (d ExportDialog) fieldLines() []string {
	row := func(f dialogField, label, value string) string {
		mark := "  "
		if f == d.field && d.state == DialogEditing {
			mark = "> "
		}
		return mark + d.styles.Key.Render(fit(label, cardKeyWidth-2)) + value
	}
	choice := func(f dialogField, s string) string {
		if f == d.field && d.state == DialogEditing {
			return d.styles.ChoiceActive.Render("‹ " + s + " ›")
		}
		return "  " + s
	}
	out := []string{row(fieldScope, "scope", choice(fieldScope, d.set.scope.String()))}
	if d.set.scope == ScopeWindow {
		out = append(out, row(fieldFrom, "from", d.input(fieldFrom, d.fromIn)), row(fieldTo, "to", d.input(fieldTo, d.toIn)))
	}
	redact := "[ ] off"
	if d.set.redact {
		redact = "[x] emails, client IPs, device and user ids"
	}
	return append(out,
		row(fieldFormat, "format", choice(fieldFormat, d.set.format.String())),
		row(fieldCompress, "compression", choice(fieldCompress, d.set.compress.String())),
		row(fieldRedact, "redact", choice(fieldRedact, redact)),
		row(fieldPath, "path", d.input(fieldPath, d.pathIn)))
}

// input draws a text field: with its cursor when it has the keyboard.
func (d ExportDialog) input(f dialogField, in LineInput) string {
	if f == d.field && d.state == DialogEditing {
		return in.View()
	}
	return clean(in.Value())
}

// statusLines say what will be or was written.
func (d ExportDialog) statusLines() []string {
	switch d.state {
	case DialogConfirm:
		return []string{d.styles.Notice.Render(clean(d.pathIn.Value()) + " exists — enter overwrites it, esc goes back")}
	case DialogWriting:
		return []string{d.progressLine()}
	case DialogDone:
		r := d.result
		s := "wrote " + clean(r.Path) + " — " + model.HumanBytes(float64(r.Bytes)) + ", " + commas(r.Entries) + " entries"
		if r.Skipped > 0 {
			s += " (" + commas(r.Skipped) + " the format cannot hold were left out)"
		}
		return []string{d.styles.Granted.Render(s)}
	case DialogFailed:
		return []string{d.styles.ErrorText.Render("export failed: " + clean(d.err))}
	}
	return d.planLines()
}

// planLines show the count, the estimate and the redaction preview.
func (d ExportDialog) planLines() []string {
	switch {
	case d.planErr != "":
		return []string{d.styles.ErrorText.Render(clean(d.planErr))}
	case d.planning && d.plan.seqs == nil:
		return []string{"counting…"}
	}
	out := []string{commas(int64(len(d.plan.seqs))) + " entries · about " + model.HumanBytes(float64(d.plan.estimate))}
	if d.set.redact {
		if len(d.plan.preview) == 0 {
			out = append(out, d.styles.Dim.Render("redaction would change nothing in the first entries"))
		}
		for _, c := range d.plan.preview {
			out = append(out, d.styles.Dim.Render("  "+clean(c.Before)+" → "+clean(c.After)+"  ("+clean(c.Where)+")"))
		}
	}
	return out
}

// progressLine is a bar of the entries written so far.
func (d ExportDialog) progressLine() string {
	total := int64(len(d.plan.seqs))
	done := d.progress.Entries()
	frac := 0.0
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	w := max(min(d.width-40, 50), 10)
	full := int(frac * float64(w))
	bar := d.styles.ProgressFull.Render(strings.Repeat("█", full)) + d.styles.ProgressEmpty.Render(strings.Repeat("░", w-full))
	return bar + " " + strconv.Itoa(int(frac*100)) + "% " + commas(done) + "/" + commas(total) + " · " +
		model.HumanBytes(float64(d.progress.Bytes())) + "  (esc cancels)"
}

func (d ExportDialog) hint() string {
	switch d.state {
	case DialogWriting:
		return "esc cancels: nothing is left behind"
	case DialogDone, DialogFailed:
		return "enter or esc closes"
	case DialogConfirm:
		return "enter overwrite · esc back"
	}
	return "enter write · esc cancel · ↑↓ field · ←→/space choose · tab complete directory"
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/export"
)

// editKey handles the keys while choosing.
func (d ExportDialog) editKey(km tea.KeyPressMsg) (ExportDialog, tea.Cmd) {
	k := d.keys.Dialog
	d.notice = ""
	if !key.Matches(km, k.Complete) {
		d.completions = nil
	}
	switch {
	case key.Matches(km, k.Cancel):
		d.open = false
		return d, nil
	case key.Matches(km, k.Write):
		return d.start(false)
	case key.Matches(km, k.NextField):
		d.moveField(1)
		return d, nil
	case key.Matches(km, k.PrevField):
		d.moveField(-1)
		return d, nil
	case key.Matches(km, k.Complete) && d.field == fieldPath:
		d.gen++
		return d, completeCmd(d.pathIn.Value(), d.gen)
	}
	if d.isChoice() && key.Matches(km, k.Left, k.Right, k.Toggle) {
		step := 1
		if key.Matches(km, k.Left) {
			step = -1
		}
		before := d.set
		d.cycle(step)
		d.keepExtension(before)
		return d, d.replan()
	}
	return d.typeInto(km)
}

// isChoice reports whether the field is a choice cycled with ←/→.
func (d ExportDialog) isChoice() bool {
	switch d.field {
	case fieldScope, fieldFormat, fieldCompress, fieldRedact:
		return true
	}
	return false
}

// moveField steps to the next field, skipping the window times unless the
// scope is a time window.
func (d *ExportDialog) moveField(step int) {
	f := int(d.field)
	for {
		f = (f + step + int(fieldCount)) % int(fieldCount)
		if d.set.scope == ScopeWindow || (dialogField(f) != fieldFrom && dialogField(f) != fieldTo) {
			break
		}
	}
	d.field = dialogField(f)
}

// cycle changes the current choice.
func (d *ExportDialog) cycle(step int) {
	wrap := func(i, n int) int { return ((i+step)%n + n) % n }
	switch d.field {
	case fieldScope:
		for i, s := range d.scopes {
			if s == d.set.scope {
				d.set.scope = d.scopes[wrap(i, len(d.scopes))]
				break
			}
		}
	case fieldFormat:
		d.set.format = export.Format(wrap(int(d.set.format), len(export.Formats())))
	case fieldCompress:
		d.set.compress = export.Compression(wrap(int(d.set.compress), len(export.Compressions())))
	case fieldRedact:
		d.set.redact = !d.set.redact
	}
}

// keepExtension follows a change of format or compression in a path the
// user typed: a name that ends in the old extension gets the new one, so
// that a .ndjson name does not end up holding CSV. A name with some other
// ending is the user's choice and is left alone. An untyped path is the
// default name, which the new plan replaces anyway.
func (d *ExportDialog) keepExtension(before exportSettings) {
	if !d.pathEdited || (before.format == d.set.format && before.compress == d.set.compress) {
		return
	}
	old := "." + before.format.Ext() + before.compress.Ext()
	if p := d.pathIn.Value(); strings.HasSuffix(p, old) {
		d.pathIn.SetValue(strings.TrimSuffix(p, old) + "." + d.set.format.Ext() + d.set.compress.Ext())
	}
}

// typeInto edits the text fields with a key or a paste; a changed time
// window replans.
func (d ExportDialog) typeInto(km tea.Msg) (ExportDialog, tea.Cmd) {
	switch d.field {
	case fieldFrom:
		d.fromIn, _ = d.fromIn.Update(km)
		if d.set.from == d.fromIn.Value() {
			return d, nil
		}
		d.set.from = d.fromIn.Value()
		return d, d.replan()
	case fieldTo:
		d.toIn, _ = d.toIn.Update(km)
		if d.set.to == d.toIn.Value() {
			return d, nil
		}
		d.set.to = d.toIn.Value()
		return d, d.replan()
	case fieldPath:
		before := d.pathIn.Value()
		d.pathIn, _ = d.pathIn.Update(km)
		d.pathEdited = d.pathEdited || d.pathIn.Value() != before
		if d.pathIn.Value() != before && d.followName() {
			return d, d.replan()
		}
	}
	return d, nil
}

// followName takes the format and compression from the ending of a typed
// path, as the command line does (x.csv.gz is CSV compressed with gzip),
// and reports whether they changed. A name with another ending leaves the
// choices as they are.
func (d *ExportDialog) followName() bool {
	h := export.HintFromName(expandHome(d.pathIn.Value()))
	before := d.set
	if h.HasFormat {
		d.set.format = h.Format
	}
	if h.HasCompress {
		d.set.compress = h.Compress
	}
	return d.set != before
}

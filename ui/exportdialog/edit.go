package exportdialog

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/export"
	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// editKey handles the keys while choosing.
func (d Model) editKey(km tea.KeyPressMsg) (Model, tea.Cmd) {
	k := d.keys
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
	case key.Matches(km, k.Complete) && d.field == FieldPath:
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
func (d Model) isChoice() bool {
	switch d.field {
	case FieldScope, FieldFormat, FieldCompress, FieldRedact:
		return true
	}
	return false
}

// moveField steps to the next field, skipping the window times unless the
// scope is a time window.
func (d *Model) moveField(step int) {
	f := int(d.field)
	for {
		f = (f + step + int(fieldCount)) % int(fieldCount)
		if d.set.Scope == ScopeWindow || (Field(f) != FieldFrom && Field(f) != FieldTo) {
			break
		}
	}
	d.field = Field(f)
}

// cycle changes the current choice.
func (d *Model) cycle(step int) {
	wrap := func(i, n int) int { return ((i+step)%n + n) % n }
	switch d.field {
	case FieldScope:
		for i, s := range d.scopes {
			if s == d.set.Scope {
				d.set.Scope = d.scopes[wrap(i, len(d.scopes))]
				break
			}
		}
	case FieldFormat:
		d.set.Format = export.Format(wrap(int(d.set.Format), len(export.Formats())))
	case FieldCompress:
		d.set.Compress = export.Compression(wrap(int(d.set.Compress), len(export.Compressions())))
	case FieldRedact:
		d.set.Redact = !d.set.Redact
	}
}

// keepExtension follows a change of format or compression in a path the
// user typed: a name that ends in the old extension gets the new one, so
// that a .ndjson name does not end up holding CSV. A name with some other
// ending is the user's choice and is left alone. An untyped path is the
// default name, which the new plan replaces anyway.
func (d *Model) keepExtension(before Settings) {
	if !d.pathEdited || (before.Format == d.set.Format && before.Compress == d.set.Compress) {
		return
	}
	old := "." + before.Format.Ext() + before.Compress.Ext()
	if p := d.pathIn.Value(); strings.HasSuffix(p, old) {
		d.pathIn.SetValue(strings.TrimSuffix(p, old) + "." + d.set.Format.Ext() + d.set.Compress.Ext())
	}
}

// typeInto edits the text fields with a key or a paste; a changed time
// window replans.
func (d Model) typeInto(km tea.Msg) (Model, tea.Cmd) {
	switch d.field {
	case FieldFrom:
		return d, d.typeTime(&d.fromIn, &d.set.From, km)
	case FieldTo:
		return d, d.typeTime(&d.toIn, &d.set.To, km)
	case FieldPath:
		before := d.pathIn.Value()
		d.pathIn.SetKeys(d.keys.Edit)
		d.pathIn, _ = d.pathIn.Update(km)
		// A deletion counts even when the field was still empty: cleared
		// before the plan's default name arrived, it stays the user's.
		d.pathEdited = d.pathEdited || d.pathIn.Value() != before || d.keys.Edit.Deletes(km)
		if d.pathIn.Value() != before && d.followName() {
			return d, d.replan()
		}
	}
	return d, nil
}

// typeTime edits one of the window's times; a change replans.
func (d *Model) typeTime(in *filterbar.LineInput, setting *string, km tea.Msg) tea.Cmd {
	in.SetKeys(d.keys.Edit)
	*in, _ = in.Update(km)
	if *setting == in.Value() {
		return nil
	}
	*setting = in.Value()
	return d.replan()
}

// followName takes the format and compression from the ending of a typed
// path, as the command line does (x.csv.gz is CSV compressed with gzip),
// and reports whether they changed. A name with another ending leaves the
// choices as they are.
func (d *Model) followName() bool {
	h := export.HintFromName(expandHome(d.pathIn.Value()))
	before := d.set
	if h.HasFormat {
		d.set.Format = h.Format
	}
	if h.HasCompress {
		d.set.Compress = h.Compress
	}
	return d.set != before
}

// pasteNote says what a paste into the field edited left out, in the
// words of the filter bar, and what to do: "" when it left out nothing.
// The next key takes it away (see editKey).
func (d Model) pasteNote() string {
	var in filterbar.LineInput
	switch d.field {
	case FieldFrom:
		in = d.fromIn
	case FieldTo:
		in = d.toIn
	case FieldPath:
		in = d.pathIn
	}
	if note := in.DroppedNote(); note != "" {
		return note + " — check the " + d.field.String() + " field before " + theme.KeyOf(d.keys.Write)
	}
	return ""
}

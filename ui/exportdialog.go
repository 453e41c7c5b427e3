package ui

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"connlog/model/export"
)

// DialogState is where the export dialog is in its life.
type DialogState uint8

// The dialog states.
const (
	DialogEditing DialogState = iota // choosing scope, format, path
	DialogConfirm                    // the file exists: overwrite?
	DialogWriting                    // the export runs; esc cancels it
	DialogDone                       // written: path, size, count
	DialogFailed                     // an error, with what to do
)

// String names the state.
func (s DialogState) String() string {
	return [...]string{"editing", "confirm", "writing", "done", "failed"}[min(int(s), 4)]
}

// dialogField is the row of the dialog that has the keyboard.
type dialogField uint8

const (
	fieldScope dialogField = iota
	fieldFrom
	fieldTo
	fieldFormat
	fieldCompress
	fieldRedact
	fieldPath
	fieldCount
)

// ExportDialog is the export dialog: scope, format, compression, redaction
// and path, with the entry count and an estimated size before writing, a
// progress bar while writing (cancellable) and the result after.
type ExportDialog struct {
	keys       *KeyMap
	styles     *Styles
	width      int
	height     int
	open       bool
	state      DialogState
	field      dialogField
	src        *exportSource
	scopes     []Scope
	set        exportSettings
	fromIn     LineInput
	toIn       LineInput
	pathIn     LineInput
	pathEdited bool
	redactor   *export.Redactor
	gen        int
	plan       exportPlan
	planning   bool
	planErr    string
	progress   *export.Progress
	cancel     context.CancelFunc
	result     export.Stats
	err        string
}

// NewExportDialog returns a closed dialog.
func NewExportDialog(keys *KeyMap, styles *Styles) ExportDialog {
	return ExportDialog{keys: keys, styles: styles, fromIn: NewLineInput(styles, ""), toIn: NewLineInput(styles, ""),
		pathIn: NewLineInput(styles, "")}
}

// SetSize sets the dialog's size.
func (d *ExportDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	for _, in := range []*LineInput{&d.fromIn, &d.toIn, &d.pathIn} {
		in.SetSize(max(w-cardKeyWidth-6, 10), 1)
	}
}

// Open shows the dialog over src, offering the scopes that have entries.
func (d ExportDialog) Open(src *exportSource, scopes []Scope, scope Scope) (ExportDialog, tea.Cmd) {
	d.open, d.state, d.field, d.src, d.scopes = true, DialogEditing, fieldScope, src, scopes
	d.set = exportSettings{scope: scope, format: export.FormatNDJSON}
	d.redactor, d.pathEdited, d.err, d.planErr = export.NewRedactor(), false, "", ""
	d.pathIn.SetValue("")
	return d, d.replan()
}

// IsOpen reports whether the dialog is showing.
func (d ExportDialog) IsOpen() bool { return d.open }

// replan recomputes the count, the estimate and the default name.
func (d *ExportDialog) replan() tea.Cmd {
	d.gen++
	d.planning = true
	return planCmd(d.src, d.set, d.redactor, d.gen)
}

// Update handles the dialog's keys and its commands' results.
func (d ExportDialog) Update(msg tea.Msg) (ExportDialog, tea.Cmd) {
	switch msg := msg.(type) {
	case exportPlanMsg:
		return d.onPlan(msg), nil
	case exportTickMsg:
		if msg.gen == d.gen && d.state == DialogWriting {
			return d, progressTick(d.gen)
		}
		return d, nil
	case exportDoneMsg:
		return d.onDone(msg), nil
	case completeMsg:
		if msg.gen == d.gen {
			d.pathIn.SetValue(msg.value)
			d.pathEdited = true
		}
		return d, nil
	case tea.KeyMsg:
		return d.onKey(msg)
	}
	return d, nil
}

func (d ExportDialog) onPlan(msg exportPlanMsg) ExportDialog {
	if msg.gen != d.gen {
		return d
	}
	d.planning, d.planErr = false, ""
	if msg.err != nil {
		d.planErr = msg.err.Error()
		return d
	}
	d.plan = msg.plan
	if !d.pathEdited {
		d.pathIn.SetValue(msg.plan.defaultName)
	}
	return d
}

func (d ExportDialog) onDone(msg exportDoneMsg) ExportDialog {
	if msg.gen != d.gen || d.state != DialogWriting {
		return d
	}
	d.cancel = nil
	switch {
	case msg.err == nil:
		d.state, d.result = DialogDone, msg.stats
	case errors.Is(msg.err, export.ErrExists):
		d.state = DialogConfirm
	default:
		d.state, d.err = DialogFailed, msg.err.Error()
	}
	return d
}

// onKey dispatches on the state.
func (d ExportDialog) onKey(km tea.KeyMsg) (ExportDialog, tea.Cmd) {
	k := d.keys.Dialog
	switch d.state {
	case DialogConfirm:
		switch {
		case key.Matches(km, k.Write):
			return d.start(true)
		case key.Matches(km, k.Cancel):
			d.state = DialogEditing
		}
		return d, nil
	case DialogWriting:
		if key.Matches(km, k.Cancel) && d.cancel != nil {
			d.cancel()
		}
		return d, nil
	case DialogDone, DialogFailed:
		if key.Matches(km, k.Cancel, k.Write) {
			d.open = false
		}
		return d, nil
	}
	return d.editKey(km)
}

// start runs the export; force overwrites an existing file.
func (d ExportDialog) start(force bool) (ExportDialog, tea.Cmd) {
	if d.planning || d.planErr != "" || len(d.plan.seqs) == 0 {
		return d, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.gen++
	d.state, d.cancel, d.progress = DialogWriting, cancel, &export.Progress{}
	w := writeCmd(ctx, d.src, d.set, d.plan, d.pathIn.Value(), force, d.redactor, d.progress, d.gen)
	return d, tea.Batch(w, progressTick(d.gen))
}

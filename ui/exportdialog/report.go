package exportdialog

import "connlog/model/export"

// Field returns the field that has the keyboard.
func (d Model) Field() Field { return d.field }

// Settings returns the choices made: scope, window, format, compression,
// redaction.
func (d Model) Settings() Settings { return d.set }

// Path returns the path as typed.
func (d Model) Path() string { return d.pathIn.Value() }

// Plan returns the last plan made: the entries the settings select, their
// time span, the estimate and the default name.
func (d Model) Plan() Plan { return d.plan }

// PlanErr returns why the last plan could not be made ("" when it was).
func (d Model) PlanErr() string { return d.planErr }

// Err returns the error of the last write ("" when there was none).
func (d Model) Err() string { return d.err }

// Result returns what the last write wrote.
func (d Model) Result() export.Stats { return d.result }

// Source returns what the dialog exports from, nil before it first opened.
func (d Model) Source() *Source { return d.src }

// Package payload parses what a line says, once its envelope is removed:
// Twingate service lines and ANALYTICS events, AQtive Guard audit records,
// Tailscale flow messages, Pangolin connection records, generic JSON and
// plain text. Parsers are pure functions of the payload bytes; they never
// panic on hostile input and never drop a line.
package payload

import (
	"time"

	"connlog/model"
)

// Result is what the parsers found in one payload. A Tailscale flow message
// or a Pangolin API response yields one Result per traffic item or row.
type Result struct {
	Kind   model.Kind
	Level  model.Level // LevelNone when the payload carries no severity
	Time   time.Time   // zero when the payload carries no time of its own
	Fields model.Fields
	Err    string // set when a parser recognised the shape but failed
}

// Parse appends the results for one payload to out and returns it. It always
// appends at least one Result: a line no parser claims is KindText.
func Parse(p []byte, out []Result) []Result {
	return append(out, Result{Kind: model.KindText, Fields: model.Fields{model.Str(model.KeyMessage, string(p))}})
}

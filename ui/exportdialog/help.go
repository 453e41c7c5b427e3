package exportdialog

import (
	"slices"
	"strings"

	"connlog/model/export"
	"connlog/ui/theme"
)

// formatHelp says in a few words what each format writes.
var formatHelp = map[export.Format]string{
	export.FormatRaw:     "the lines as read, byte for byte",
	export.FormatText:    "one aligned line per entry: time, host (of several), level, kind, summary",
	export.FormatNDJSON:  "one JSON object per entry: time, level, kind, source, fields, raw line",
	export.FormatCSV:     "a spreadsheet: one row per entry, stable columns per kind",
	export.FormatJournal: "systemd journal export format, for systemd-journal-remote",
	export.FormatBundle:  "a tar of raw.log, entries.ndjson, a CSV per kind and manifest.json",
}

// help is the dim line under the field that has the keyboard: what it
// means and the keys it takes.
func (d Model) help(f Field) []string {
	var s string
	k := d.keys
	choose := theme.KeysOf(k.Left, k.Right) + " choose"
	switch f {
	case FieldScope:
		s = choose
		if !slices.Contains(d.scopes, ScopeSelection) {
			s += " · close and press " + theme.KeyOf(d.keys.Visual) + " to select a range"
		}
		if !slices.Contains(d.scopes, ScopeMarked) {
			s += " · " + theme.KeyOf(d.keys.Mark) + " marks single rows"
		}
	case FieldFrom, FieldTo:
		s = "empty = open end · 15m (ago) · 14:05 · 2026-11-20T08:00 · RFC 3339 · yesterday"
	case FieldFormat:
		s = choose + " · " + formatHelp[d.set.Format]
	case FieldCompress:
		s = choose + " · compressed while written: gzip (.gz) or zstd (.zst, smaller and faster)"
	case FieldRedact:
		s = theme.KeyOf(k.Toggle) + " toggles · pseudonyms, stable within one export"
	case FieldPath:
		s = theme.KeyOf(k.Complete) + " completes a directory · a directory gets the default name · ~ is home"
	}
	out := d.underValue(s)
	if f == FieldPath && len(d.completions) > 1 {
		shown := d.completions[:min(len(d.completions), maxCompletions)]
		line := strings.Join(shown, "/  ") + "/"
		if len(d.completions) > len(shown) {
			line += "  …"
		}
		out = append(out, d.underValue(theme.Clean(line))...)
	}
	return out
}

// underValue is dim text wrapped in the value column, under a field.
func (d Model) underValue(s string) []string {
	var out []string
	for _, l := range theme.Wrap(s, d.valueWidth()) {
		out = append(out, d.styles.Dim.Render(strings.Repeat(" ", valueColumn)+l))
	}
	return out
}

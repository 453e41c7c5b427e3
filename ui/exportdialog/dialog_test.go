package exportdialog

import (
	"strings"
	"testing"

	"connlog/model/export"
	"connlog/ui/theme"
)

// TestFieldsSkipTheWindow: ↓ walks the fields and wraps, passing over
// the window's times unless the scope is a time window.
func TestFieldsSkipTheWindow(t *testing.T) {
	d := newDialog(t, 5)
	var got []Field
	for range 6 {
		d = send(t, d, "down")
		got = append(got, d.Field())
	}
	want := []Field{FieldFormat, FieldCompress, FieldRedact, FieldPath, FieldScope, FieldFormat}
	if !equalFields(got, want) {
		t.Errorf("view scope: fields %v; want %v", got, want)
	}
	d = send(t, d, "up", "right") // scope: the time window
	if d.Settings().Scope != ScopeWindow {
		t.Fatalf("scope %v; want the time window", d.Settings().Scope)
	}
	d = send(t, d, "down")
	if d.Field() != FieldFrom {
		t.Errorf("time window: field after scope is %v; want from", d.Field())
	}
}

func equalFields(a, b []Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestChoicesCycle: ←/→ cycle a choice and wrap at both ends; space
// toggles redaction.
func TestChoicesCycle(t *testing.T) {
	d := send(t, newDialog(t, 5), "down") // format
	n := len(export.Formats())
	start := d.Settings().Format
	for range n {
		d = send(t, d, "right")
	}
	if d.Settings().Format != start {
		t.Errorf("%d × → went to %v; want back to %v", n, d.Settings().Format, start)
	}
	d = send(t, d, "left")
	if want := export.Format((int(start) + n - 1) % n); d.Settings().Format != want {
		t.Errorf("← went to %v; want %v", d.Settings().Format, want)
	}
	d = send(t, d, "down", "down", "space")
	if !d.Settings().Redact || !strings.Contains(screen(d), "[x]") {
		t.Errorf("space does not toggle redaction:\n%s", screen(d))
	}
}

// TestWindowCounts: a time window selects the entries between its times,
// and the count on screen follows.
func TestWindowCounts(t *testing.T) {
	d := send(t, newDialog(t, 10), "right", "down", "08:00:02", "down", "08:00:05")
	if got := d.Plan().Seqs.Len(); got != 4 {
		t.Errorf("window 08:00:02–08:00:05 selects %d entries; want 4 (%s)", got, d.PlanErr())
	}
	if s := screen(d); !strings.Contains(s, "4 entries from 2026-11-20 08:00:02 UTC to 2026-11-20 08:00:05 UTC (3s)") {
		t.Errorf("the count is not shown:\n%s", s)
	}
	d = send(t, d, "up", "ctrl+u", "nonsense")
	if d.PlanErr() == "" || !strings.Contains(screen(d), `"nonsense" is not a time`) {
		t.Errorf("a bad time shows no error: %q\n%s", d.PlanErr(), screen(d))
	}
}

// TestHelpNamesTheKeys: the hints and the scope's help are drawn from the
// KeyMap, the keys of the table it names included.
func TestHelpNamesTheKeys(t *testing.T) {
	d := newDialog(t, 3)
	d.keys.Write = theme.Bind("write", "ctrl+w")
	d.keys.Visual = theme.Bind("select", "V")
	s := screen(d)
	for _, want := range []string{"ctrl+w write", "press V to select a range", "m marks single rows"} {
		if !strings.Contains(s, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, s)
		}
	}
}

// TestNameFollowsFormat: the default name changes with the format until
// the user types one.
func TestNameFollowsFormat(t *testing.T) {
	d := newDialog(t, 3)
	if !strings.HasSuffix(d.Path(), ".ndjson") {
		t.Fatalf("default path %q; want an .ndjson name", d.Path())
	}
	d = send(t, d, "down", "right") // format: the next after ndjson
	if want := "." + d.Settings().Format.Ext(); !strings.HasSuffix(d.Path(), want) {
		t.Errorf("path %q after a format change; want it to end in %s", d.Path(), want)
	}
}

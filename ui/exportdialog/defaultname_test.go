package exportdialog

import (
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// TestDefaultNameLeavesOutWhatIsUnknown: the default file name names the
// host and the span when the entries tell them, and leaves out what they
// do not, rather than saying "unknown" (export.DefaultName's test has
// every combination).
func TestDefaultNameLeavesOutWhatIsUnknown(t *testing.T) {
	entries := func(host string) []model.Entry {
		es := []model.Entry{textEntry(0, "first"), textEntry(90_000, "last")}
		for i := range es {
			es[i].Origin.Host = host
		}
		return es
	}
	tests := []struct {
		name   string
		dialog func(t *testing.T) Model
		want   string
	}{
		{"host and span", func(t *testing.T) Model { return dialogOver(t, sourceOf(t, entries("conn-host"))) },
			"./connlog-conn-host-20261120T080000Z-20261120T080130Z.ndjson"},
		{"no host", func(t *testing.T) Model { return dialogOver(t, sourceOf(t, entries(""))) },
			"./connlog-20261120T080000Z-20261120T080130Z.ndjson"},
		{"an empty plan", func(t *testing.T) Model { return send(t, newDialog(t, 10), "right", "down", "09:00") },
			"./connlog.ndjson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.dialog(t).Plan().DefaultName; got != tt.want {
				t.Errorf("default name %q; want %q", got, tt.want)
			}
		})
	}
}

// TestClearedPathKeepsNoLateDefault: the path cleared while the plan is
// still being made (a big file being indexed) stays the user's: the plan's
// default name, arriving after, does not come back into it, and what is
// typed next is the whole path.
func TestClearedPathKeepsNoLateDefault(t *testing.T) {
	k := DefaultKeyMap()
	styles := theme.Monochrome()
	d := New(&k, &styles)
	d.SetSize(120, 40)
	d, plan := d.Open(newSource(t, 10), []Scope{ScopeView, ScopeWindow}, ScopeView)
	for _, msg := range keyMsgs("up", "ctrl+u") {
		d, _ = d.Update(msg)
	}
	if d.field != FieldPath {
		t.Fatalf("up from the scope went to field %v, not the path", d.field)
	}
	d, _ = d.Update(call(t, plan))
	d = send(t, d, "/tmp/mine.ndjson")
	if got := d.pathIn.Value(); got != "/tmp/mine.ndjson" {
		t.Errorf("path %q; want only what was typed after clearing it", got)
	}
}

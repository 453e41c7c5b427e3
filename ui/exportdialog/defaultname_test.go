package exportdialog

import (
	"testing"

	"connlog/model"
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

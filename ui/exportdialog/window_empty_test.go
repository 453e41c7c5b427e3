package exportdialog

import (
	"strings"
	"testing"
)

// TestEmptyWindowSaysWhy: a time window with no entry says why, in the
// filter bar's words: it ends before it begins, or it misses the input,
// whose span it gives; it is still said after enter, which writes nothing.
func TestEmptyWindowSaysWhy(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"08:00:05", "08:00:02", "no entries: the window ends before it begins (since 2026-11-20 08:00:05, until 2026-11-20 08:00:02)"},
		{"09:00", "", "no entries since 2026-11-20 09:00; the input spans 2026-11-20 08:00:00–08:00:09"},
	}
	for _, tt := range tests {
		d := send(t, newDialog(t, 10), "right", "down", tt.from, "down", tt.to)
		if n := d.Plan().Seqs.Len(); n != 0 {
			t.Fatalf("window %s–%s selects %d entries; want none", tt.from, tt.to, n)
		}
		d = send(t, d, "enter")
		said := strings.Join(strings.Fields(screen(d)), " ")
		if d.State() != Editing || !strings.Contains(said, tt.want) {
			t.Errorf("window %s–%s: state %v; want editing, saying %q:\n%s", tt.from, tt.to, d.State(), tt.want, screen(d))
		}
	}
}

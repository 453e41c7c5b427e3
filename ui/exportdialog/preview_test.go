package exportdialog

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/export"
	"connlog/ui/theme"
)

// TestRedactionPreviewReadWholeWhenNarrow: at 40, 60 and 80 columns (and
// narrower), each replacement the redaction preview shows is read whole,
// wrapped between its parts where it is too wide, rather than cut at the
// dialog's edge; its parts are log content and reach the screen inert.
func TestRedactionPreviewReadWholeWhenNarrow(t *testing.T) {
	changes := []export.Change{
		{Class: "email", Where: "raw", Before: "a-rather-long-mailbox.for-the-incident-4711@connector-fra-1.example.org",
			After: "email-0001@redacted.invalid"},
		{Class: "ip", Where: "host", Before: "2001:0db8:85a3:0000:0000:8a2e:0370:7334", After: "ip-0002"},
		{Class: "user", Where: "user\x1b[2J", Before: "mallory\x1b]0;owned\x07\u202eexe.txt", After: "user-0003"},
	}
	d := send(t, newDialog(t, 7), "down", "down", "down", "right")
	if !d.Settings().Redact {
		t.Fatal("setup: redaction is not on")
	}
	d.plan.preview = changes
	for _, w := range []int{80, 60, 40, 22} {
		d.SetSize(w, 40)
		view := d.View()
		for i, l := range strings.Split(view, "\n") {
			if cw := theme.CellWidth(l); cw != w {
				t.Errorf("%d cols: line %d is %d cells: %q", w, i, cw, ansi.Strip(l))
			}
		}
		out := ansi.Strip(view)
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%d cols: log content reaches the terminal as it is: %q", w, out)
		}
		for _, c := range changes {
			want := theme.Clean(c.Before) + " → " + theme.Clean(c.After) + " (" + theme.Clean(c.Where) + ")"
			if !strings.Contains(joinWrapped(out), joinWrapped(want)) {
				t.Errorf("%d cols: the replacement %q is not read whole:\n%s", w, want, out)
			}
		}
	}
}

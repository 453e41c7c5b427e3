package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// TestExportDialogReadableWhenNarrow: at 40, 60 and 80 columns, with a
// long filter in force and a long path typed, the dialog says whole what
// will be written (the count, its span and size, the filter) and where:
// the path being typed shows its file name, and so does the path once the
// keyboard has left it, its start given up for a "…". No line is wider
// than the terminal.
func TestExportDialogReadableWhenNarrow(t *testing.T) {
	const filter = `level>=debug not "a phrase long enough to reach the edge" not "and one more after it"`
	const dir = "/var/tmp/incidents/2026-11-20-connector-outage/for-the-vendor/"
	const name = "connector-export-incident-4711.ndjson"
	for _, w := range []int{40, 60, 80} {
		m := drive(t, goldenModel(t, w, 24), append(keys("/"), tea.PasteMsg{Content: filter}, keys("enter")[0])...)
		m = drive(t, m, keys("x", "up", "ctrl+u", dir+name)...)
		p := m.dialog.Plan()
		if p.Seqs.Len() == 0 {
			t.Fatalf("%d cols: the filter selects nothing", w)
		}
		loc := m.dialog.Source().Location
		count := theme.Plural(int64(p.Seqs.Len()), "entry") + " " + strings.Join(theme.SpanPhrases(p.First, p.Last, loc), " ") +
			" · about " + model.HumanBytes(float64(p.Estimate))
		typing := strings.Join(screenLines(t, m), "\n")
		for _, want := range []string{count, "filter: " + filter, name} {
			if !strings.Contains(words(typing), words(want)) {
				t.Errorf("%d cols, typing the path: %q is not read whole:\n%s", w, want, typing)
			}
		}
		m = drive(t, m, keys("up")...)
		left := screenLines(t, m)
		path := pathShown(left)
		cut, ok := strings.CutPrefix(path, "…")
		if !strings.HasSuffix(path, name) || (path != dir+name && (!ok || !strings.HasSuffix(dir+name, cut))) {
			t.Errorf("%d cols, the path left: %q; want its end, the file name whole, after a … when cut:\n%s",
				w, path, strings.Join(left, "\n"))
		}
	}
}

// pathShown is the export dialog's path as read on the screen, over the
// lines it is wrapped on.
func pathShown(lines []string) string {
	path := ""
	for i, l := range lines {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "path" {
			path = f[1]
			for _, next := range lines[i+1:] {
				if f := strings.Fields(next); len(f) != 1 || !strings.HasPrefix(next, strings.Repeat(" ", 20)) {
					break
				}
				path += strings.TrimSpace(next)
			}
		}
	}
	return path
}

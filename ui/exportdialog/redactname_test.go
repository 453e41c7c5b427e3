package exportdialog

import (
	"context"
	"strings"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// redactSource is a store of lines from host, read from the inputs named
// sources (each line from the first), and a view of them all.
func redactSource(t *testing.T, host string, sources ...string) *Source {
	t.Helper()
	src := newSource(t, 0)
	es := make([]model.Entry, 3)
	for i := range es {
		es[i] = textEntry(1000*i, "line "+theme.Commas(int64(i)))
		es[i].Origin.Host = host
	}
	src.Store.Append(es)
	src.Snapshot = src.Store.Snapshot()
	v, err := model.BuildView(context.Background(), src.Snapshot, model.Filter{Load: model.LoadIndex})
	if err != nil {
		t.Fatal(err)
	}
	src.View = *v
	for _, s := range sources {
		src.Sources = append(src.Sources, model.SourceStatus{Name: s})
	}
	return src
}

// openOver opens a dialog over src's view at 120×40, its plan made.
func openOver(t *testing.T, src *Source) Model {
	t.Helper()
	k := DefaultKeyMap()
	styles := theme.Monochrome()
	d := New(&k, &styles)
	d.SetSize(120, 40)
	d, cmd := d.Open(src, []Scope{ScopeView}, ScopeView)
	return run(t, d, cmd)
}

// The redaction preview lists what the export changes in the names of its
// inputs, as it lists the values of the lines.
func TestRedactionPreviewShowsInputNames(t *testing.T) {
	d := openOver(t, redactSource(t, "", "/var/log/users/bob@example.org.log"))
	d = send(t, d, "down", "down", "down", "right")
	want := "bob@example.org → " + d.redactor.RedactName("bob@example.org") + "  (source)"
	if !strings.Contains(screen(d), want) {
		t.Errorf("the preview does not show %q:\n%s", want, screen(d))
	}
}

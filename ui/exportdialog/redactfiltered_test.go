package exportdialog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// A redacted export of a filtered view that leaves out the event naming a
// client still replaces that client's address in the lines it writes: the
// store holds the event, and a colleague given "only the service lines"
// must not get the addresses the events say are clients'.
func TestRedactedWriteOfAFilteredViewHidesWhatOtherEntriesReveal(t *testing.T) {
	peer, event := peerThenEvent()
	src := sourceOf(t, []model.Entry{peer, event})
	v, err := model.BuildView(context.Background(), src.Snapshot, model.Filter{Load: model.LoadIndex,
		Match: func(e *model.Entry) bool { return e.Kind == model.KindText }})
	if err != nil {
		t.Fatal(err)
	}
	src.View = *v
	path := filepath.Join(t.TempDir(), "out.log")
	d := send(t, typePath(t, dialogOver(t, src), path), "up", "right")
	if !d.Settings().Redact || d.planEntries() != 1 {
		t.Fatalf("setup: redact %v, %d entries planned; want on, the one text line", d.Settings().Redact, d.planEntries())
	}
	d = send(t, d, "enter")
	if d.State() != Done {
		t.Fatalf("state %v (%s); want done", d.State(), d.Err())
	}
	b, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(b), "192.0.2.0") || !strings.Contains(string(b), "peer=ip-") {
		t.Errorf("the file holds %q, %v; want the client's address replaced", b, err)
	}
}

package exportdialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// A redacted export from the dialog replaces a client's address in every
// line that names it, those before the event that revealed it too, and
// the preview shows it replaced there.
func TestRedactedWriteHidesAnAddressInEarlierLines(t *testing.T) {
	peer, event := peerThenEvent()
	path := filepath.Join(t.TempDir(), "out.log")
	d := send(t, typePath(t, dialogOver(t, sourceOf(t, []model.Entry{peer, event})), path), "up", "right")
	if !d.Settings().Redact {
		t.Fatal("setup: redaction is not on")
	}
	if s := screen(d); !strings.Contains(s, "192.0.2.0 → ip-") || !strings.Contains(s, "(raw)") {
		t.Errorf("the preview does not show the address replaced in the earlier line:\n%s", s)
	}
	d = send(t, d, "enter")
	if d.State() != Done {
		t.Fatalf("state %v (%s); want done", d.State(), d.Err())
	}
	b, err := os.ReadFile(path)
	if err != nil || strings.Contains(string(b), "192.0.2.0") || strings.Count(string(b), "ip-") != 2 {
		t.Errorf("the file holds %q, %v; want the address replaced in both lines", b, err)
	}
}

// peerThenEvent are a line naming a peer's address and, after it, the
// analytics event that says the address is a client's.
func peerThenEvent() (peer, event model.Entry) {
	peer = textEntry(0, "peer=192.0.2.0:443 connected")
	event = textEntry(1000, `ANALYTICS {"connection":{"client_ip":"192.0.2.0"}}`)
	event.Kind = model.KindAnalytics
	event.Fields = model.Fields{model.Str(model.KeyClientIP, "192.0.2.0")}
	return peer, event
}

package exportdialog

import (
	"strings"
	"testing"
)

// When the first entries name no one, the preview must not say redaction
// changes nothing: what the other entries of the store reveal (an event a
// filtered view leaves out) is learned when writing and replaced too.
func TestPreviewOfNothingSaysTheRestIsLearnedWhenWriting(t *testing.T) {
	d := send(t, newDialog(t, 3), "down", "down", "down", "right")
	if !d.Settings().Redact {
		t.Fatal("setup: redaction is not on")
	}
	s := screen(d)
	if strings.Contains(s, "would change nothing") || !strings.Contains(s, "learned from every entry when writing") {
		t.Errorf("the preview of entries naming no one reads:\n%s", s)
	}
}

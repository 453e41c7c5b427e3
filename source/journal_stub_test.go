//go:build !linux || !cgo

package source

import (
	"errors"
	"strings"
	"testing"

	"connlog/model"
)

func TestJournalStubSaysHowToPipeIn(t *testing.T) {
	j := NewJournal(1, JournalOptions{Units: []string{"twingate-connector"}, Follow: true})
	err := j.Run(t.Context(), make(chan []model.Record))
	if !errors.Is(err, ErrJournalUnsupported) {
		t.Fatalf("Run error = %v, want ErrJournalUnsupported", err)
	}
	for _, w := range []string{"without journald support (CGO_ENABLED=0)",
		"journalctl -o json -f -u twingate-connector | connlog -"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
	if got, want := j.State(), "journal: twingate-connector (not supported by this build)"; got != want {
		t.Errorf("State = %q, want %q", got, want)
	}
	if got := j.Name(); got != "twingate-connector" {
		t.Errorf("Name = %q", got)
	}
}

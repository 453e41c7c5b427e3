package source

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// TestJournalWithNoEntries: a journal that holds no entry at all is said
// to be empty, with what to do, not to lack the unit asked for (which
// would send the user hunting for a unit name); a journal that holds other
// units' entries still says the unit is unknown.
func TestJournalWithNoEntries(t *testing.T) {
	empty := t.TempDir()
	journalWrite(t, filepath.Join(empty, "empty.journal"), nil)
	others := t.TempDir()
	entries := journalSyntheticEntries("other", "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", 1_700_000_000_000_000, 1_000_000, 3)
	for _, e := range entries {
		for i := range e {
			if e[i].key == "_SYSTEMD_UNIT" {
				e[i].value = []byte("nginx.service")
			}
		}
	}
	journalWrite(t, filepath.Join(others, "others.journal"), entries)
	cases := []struct {
		name string
		opts JournalOptions
		want []string
	}{
		{"unit", JournalOptions{Directory: empty, Units: []string{"twingate-connector"}}, []string{"no entries could be read in " + empty, "--list-boots -D " + empty}},
		{"glob", JournalOptions{Directory: empty, Units: []string{"twingate-*"}}, []string{"no entries could be read in " + empty}},
		{"identifier", JournalOptions{Directory: empty, Identifiers: []string{"twingate-connector"}}, []string{"no entries could be read in " + empty}},
		{"following", JournalOptions{Directory: empty, Units: []string{"twingate-connector"}, Follow: true}, []string{"no entries could be read in " + empty}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Lines = 10
			err := NewJournal(1, tc.opts).Run(t.Context(), make(chan []model.Record, 16))
			if !errors.Is(err, ErrJournalEmpty) || errors.Is(err, ErrJournalUnknownUnit) {
				t.Fatalf("Run error = %v, want ErrJournalEmpty", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
	t.Run("other units only", func(t *testing.T) {
		_, err := journalRead(t, JournalOptions{Directory: others, Units: []string{"twingate-connector"}, Lines: 10})
		if !errors.Is(err, ErrJournalUnknownUnit) || !strings.Contains(err.Error(), `no unit "twingate-connector.service"`) {
			t.Fatalf("error = %v, want the unit named unknown", err)
		}
	})
}

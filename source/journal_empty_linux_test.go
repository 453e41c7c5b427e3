package source

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
		// Every unit read: nothing was asked by name, but an empty journal
		// is still said, not taken for a quiet one.
		{"all units", JournalOptions{Directory: empty, AllUnits: true}, []string{"no entries could be read in " + empty}},
		{"all units, following", JournalOptions{Directory: empty, AllUnits: true, Follow: true}, []string{"no entries could be read in " + empty}},
		{"all units of a file", JournalOptions{Files: []string{filepath.Join(empty, "empty.journal")}, AllUnits: true}, []string{"--list-boots --file "}},
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
	t.Run("all units, no line asked for", func(t *testing.T) {
		if _, err := journalRead(t, JournalOptions{Directory: empty, AllUnits: true, Lines: 0}); err != nil {
			t.Fatalf("-n 0: %v; want nothing read and no error", err)
		}
	})
	t.Run("all units of a journal that has entries", func(t *testing.T) {
		recs, err := journalRead(t, JournalOptions{Directory: others, AllUnits: true, Lines: 10})
		if got := len(journalLines(recs)); err != nil || got != 3 {
			t.Fatalf("read %d lines, error %v; want 3 and none", got, err)
		}
	})
	t.Run("other units only", func(t *testing.T) {
		_, err := journalRead(t, JournalOptions{Directory: others, Units: []string{"twingate-connector"}, Lines: 10})
		if !errors.Is(err, ErrJournalUnknownUnit) || !strings.Contains(err.Error(), `no unit "twingate-connector.service"`) {
			t.Fatalf("error = %v, want the unit named unknown", err)
		}
	})
}

// A journal made of connlog's own journal export of log lines (imported
// with systemd-journal-remote) has entries with none of the fields
// journald writes — no unit, identifier or indexed boot — but it is not
// empty: a window that misses them reads nothing, and says nothing of an
// empty journal.
func TestJournalOfLineRecordsIsNotEmpty(t *testing.T) {
	dir := t.TempDir()
	var entries []journalExportEntry
	for i, msg := range []string{"line one", "line two"} {
		entries = append(entries, journalExportEntry{
			{"__REALTIME_TIMESTAMP", []byte(fmt.Sprint(1_700_000_000_000_000 + i))},
			{"__MONOTONIC_TIMESTAMP", []byte("0")},
			{"MESSAGE", []byte(msg)},
			{"CONNLOG_SOURCE", []byte("in.log")},
		})
	}
	journalWrite(t, filepath.Join(dir, "lines.journal"), entries)
	for _, opts := range []JournalOptions{
		{Directory: dir, AllUnits: true, Since: time.Unix(1_800_000_000, 0)},
		{Directory: dir, Units: []string{"twingate-connector"}},
	} {
		opts.Lines = 10
		_, err := journalRead(t, opts)
		if errors.Is(err, ErrJournalEmpty) {
			t.Errorf("%+v: %v; the journal holds 2 entries", opts, err)
		}
	}
}

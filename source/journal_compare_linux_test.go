//go:build linux && cgo

package source

import (
	"fmt"
	"testing"
)

// TestJournalReadersAgree reads the same journal files with connlog's own
// reader and with libsystemd, under the same options, and requires the
// same records: lines, gaps and boundaries, times and every journald field,
// cursors included.
func TestJournalReadersAgree(t *testing.T) {
	for _, compact := range []string{"0", "1"} {
		t.Run("compact="+compact, func(t *testing.T) {
			t.Setenv("SYSTEMD_JOURNAL_COMPACT", compact)
			dir, _, entries := journalBuildFixture(t, "connector.export")
			t5 := journalFixtureTime(t, entries, 5)
			cursor := journalCursorOf(t, dir, 7)
			cases := []JournalOptions{
				{Units: []string{"twingate-connector"}, Lines: -1},
				{AllUnits: true, Lines: -1},
				{Units: []string{"twingate-conn*"}, Identifiers: []string{"sshd"}, Lines: 4},
				{Units: []string{"twingate-connector"}, Lines: -1, Since: t5},
				{Units: []string{"twingate-connector"}, Lines: 2, Until: t5},
				{Units: []string{"twingate-connector"}, Lines: -1, Boot: "-1"},
				{AllUnits: true, Lines: -1, AfterCursor: cursor},
				{AllUnits: true, Lines: -1, Cursor: cursor},
				{Units: []string{"twingate-connector"}, Lines: -1, MessageOnly: true},
				{Units: []string{"twingate-connector"}, Lines: 2, Boot: "1", Until: t5},
			}
			for i, opts := range cases {
				t.Run(fmt.Sprint(i), func(t *testing.T) {
					opts.Directory = dir
					native := journalReadWith(t, opts, JournalReaderNative)
					lib := journalReadWith(t, opts, JournalReaderLibsystemd)
					if len(native) == 0 {
						t.Fatal("the native reader read nothing")
					}
					journalSameRecords(t, native, lib)
				})
			}
		})
	}
}

// TestJournalLibsystemdUnitMatchesAsJournalctl holds the libsystemd reader
// to journalctl's -u as well.
func TestJournalLibsystemdUnitMatchesAsJournalctl(t *testing.T) {
	journalUnitMatchesAsJournalctl(t, JournalReaderLibsystemd)
}

// TestJournalReadersJoinAlike: both readers join a split line, cut one
// whose last piece never came and begin a window at a line's first piece
// alike.
func TestJournalReadersJoinAlike(t *testing.T) {
	var l journalDockerLog
	line := journalInterleavedAnalytics(&l, 20, journalTailChunk-3)
	l.add(journalContainerA, []byte("never "), true, "", 0)
	l.add(journalContainerA, []byte("ended"), true, "", 0)
	dir := l.write(t)
	cases := []JournalOptions{
		{AllUnits: true, Lines: -1},
		{AllUnits: true, Lines: -1, MessageOnly: true},
		{Units: []string{"docker"}, Lines: journalTailChunk + 1}, // begins on "between two"
	}
	for i, opts := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			opts.Directory = dir
			native := journalReadWith(t, opts, JournalReaderNative)
			journalLineWith(t, native, line)
			journalLineWith(t, native, []byte("never ended"))
			journalSameRecords(t, native, journalReadWith(t, opts, JournalReaderLibsystemd))
		})
	}
}

//go:build linux

package source

import (
	"os/exec"
	"strings"
	"testing"
)

// unitLifecycleFixture is a unit's life as the journal holds it: systemd
// (PID 1) starting it, the unit's own lines, a crash with its coredump,
// the failure and the restart, a root daemon naming the unit; and, beside
// them, messages that only look related (PID 1 about another unit, another
// unit's coredump, UNIT= from a process that is not PID 1, OBJECT_SYSTEMD_UNIT=
// from an unprivileged one). Constructed for the match rules, with systemd's
// own wording.
const unitLifecycleFixture = "unit-lifecycle.export"

// TestJournalUnitMatchesAsJournalctl: -u shows what journalctl -u shows —
// the unit's lines and the messages about it, which on a unit that failed
// to start are the only ones — and nothing of the look-alikes.
func TestJournalUnitMatchesAsJournalctl(t *testing.T) {
	journalUnitMatchesAsJournalctl(t, JournalReaderNative)
}

func journalUnitMatchesAsJournalctl(t *testing.T, reader string) {
	dir, _, _ := journalBuildFixture(t, unitLifecycleFixture)
	for _, units := range [][]string{{"twingate-connector"}, {"ssh"}, {"twingate-connector", "ssh"}} {
		t.Run(strings.Join(units, "+"), func(t *testing.T) {
			args := []string{"-D", dir, "-o", "cat", "--no-pager", "-q"}
			for _, u := range units {
				args = append(args, "-u", u)
			}
			out, err := exec.Command("journalctl", args...).Output()
			if err != nil {
				t.Fatalf("journalctl %v: %v", args, err)
			}
			want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			got := journalLines(journalReadWith(t, JournalOptions{Directory: dir, Units: units, Lines: -1}, reader))
			if diff := journalEqualLines(got, want); diff != "" {
				t.Errorf("%s reader: %s\ngot  %q\nwant %q", reader, diff, got, want)
			}
			if units[0] == "twingate-connector" && len(want) < 8 {
				t.Errorf("journalctl shows only %d lines: the fixture no longer holds the unit's life", len(want))
			}
		})
	}
}

package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

func TestJournalSelectionMatches(t *testing.T) {
	const (
		journald = "SYSLOG_IDENTIFIER=systemd-journald"
		coredump = "MESSAGE_ID=fc2e22bc6ee647b6b90729ab34a250b1"
		root     = "_UID=0"
	)
	cases := []struct {
		name         string
		sel          journalSelection
		boot         string
		want         journalMatches
		showJournald bool
	}{
		{"one unit", newJournalSelection([]string{"a.service"}, nil, false), "",
			journalMatches{groups: [][]string{{"_SYSTEMD_UNIT=a.service"},
				{coredump, root, "COREDUMP_UNIT=a.service"}, {"_PID=1", "UNIT=a.service"}, {root, "OBJECT_SYSTEMD_UNIT=a.service"},
				{journald}}}, false},
		{"units, identifiers and a boot", newJournalSelection([]string{"a.service", "b.service"}, []string{"x"}, false), "B",
			journalMatches{groups: [][]string{{"_SYSTEMD_UNIT=a.service", "_SYSTEMD_UNIT=b.service"},
				{coredump, root, "COREDUMP_UNIT=a.service", "COREDUMP_UNIT=b.service"},
				{"_PID=1", "UNIT=a.service", "UNIT=b.service"},
				{root, "OBJECT_SYSTEMD_UNIT=a.service", "OBJECT_SYSTEMD_UNIT=b.service"},
				{"SYSLOG_IDENTIFIER=x", journald}}, boot: "B"}, false},
		{"journald asked for", newJournalSelection(nil, []string{"systemd-journald"}, false), "",
			journalMatches{groups: [][]string{{journald}}}, true},
		{"journald's unit asked for", newJournalSelection([]string{"systemd-journald.service"}, nil, false), "",
			journalMatches{groups: [][]string{{"_SYSTEMD_UNIT=systemd-journald.service"},
				{coredump, root, "COREDUMP_UNIT=systemd-journald.service"}, {"_PID=1", "UNIT=systemd-journald.service"},
				{root, "OBJECT_SYSTEMD_UNIT=systemd-journald.service"}, {}}}, true},
		{"every unit", newJournalSelection([]string{"a.service"}, []string{"x"}, true), "B",
			journalMatches{boot: "B"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.sel.matches(tc.boot); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("matches = %+v, want %+v", got, tc.want)
			}
			if tc.sel.showJournald != tc.showJournald {
				t.Fatalf("showJournald = %v, want %v", tc.sel.showJournald, tc.showJournald)
			}
		})
	}
}

func TestJournalSelectionFollows(t *testing.T) {
	sel := newJournalSelection([]string{"twingate-connector.service"}, []string{"newt"}, false)
	cases := []struct {
		unit string
		want bool
	}{
		{"twingate-connector.service", true},
		{"newt.service", true}, // followed by its identifier
		{"ssh.service", false},
		{"twingate-connector", false},
		{"", false},
	}
	for _, tc := range cases {
		t.Run(tc.unit, func(t *testing.T) {
			if got := sel.follows(tc.unit); got != tc.want {
				t.Fatalf("follows(%q) = %v, want %v", tc.unit, got, tc.want)
			}
		})
	}
	if !newJournalSelection(nil, nil, true).follows("ssh.service") {
		t.Fatal("reading every unit follows every unit")
	}
}

func TestJournalRuns(t *testing.T) {
	type step struct {
		unit, boot, invocation string
		want                   string
	}
	cases := []struct {
		name    string
		perUnit bool
		steps   []step
	}{
		{"restart and reboot", true, []step{
			{"a", "B1", "I1", ""},
			{"a", "B1", "I1", ""},
			{"a", "B1", "I2", JournalNoteRestart},
			{"a", "B2", "I3", JournalNoteReboot},
			{"a", "B2", "I3", ""},
		}},
		{"two units restart apart", true, []step{
			{"a", "B1", "I1", ""},
			{"b", "B1", "J1", ""},
			{"a", "B1", "I1", ""},
			{"b", "B1", "J2", JournalNoteRestart},
			{"a", "B1", "I1", ""},
		}},
		{"no invocation ID", true, []step{
			{"a", "B1", "", ""},
			{"a", "B1", "I1", ""},
			{"a", "B1", "", ""},
			{"a", "B1", "I1", ""},
		}},
		{"a unit first seen after a reboot", true, []step{
			{"a", "B1", "I1", ""},
			{"b", "B2", "J1", JournalNoteReboot},
			{"a", "B2", "I2", ""},
		}},
		{"every unit: reboots only", false, []step{
			{"a", "B1", "I1", ""},
			{"a", "B1", "I2", ""},
			{"a", "B2", "I3", JournalNoteReboot},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newJournalRuns(tc.perUnit)
			for i, s := range tc.steps {
				f := model.JournalFields{Unit: s.unit, BootID: s.boot, InvocationID: s.invocation}
				if got := r.observe(&f); got != s.want {
					t.Fatalf("step %d: observe = %q, want %q", i, got, s.want)
				}
			}
		})
	}
}

// TestJournalRunsEachHostApart: journals of two hosts read together (both
// connectors of a pair copied into one directory, or a fleet's store) mark
// a host's reboot or restart only when that host's own boot or run changes.
func TestJournalRunsEachHostApart(t *testing.T) {
	steps := []struct {
		host, boot, invocation string
		want                   string
	}{
		{"gw-1", "B1", "I1", ""},
		{"gw-2", "B9", "K1", ""}, // another host's boot is no reboot
		{"gw-1", "B1", "I1", ""}, // nor is coming back to the first host
		{"gw-2", "B9", "K2", JournalNoteRestart},
		{"gw-1", "B2", "I3", JournalNoteReboot},
		{"gw-2", "B9", "K2", ""},
		{"gw-1", "B2", "I3", ""},
	}
	r := newJournalRuns(true)
	for i, s := range steps {
		f := model.JournalFields{Hostname: s.host, Unit: "twingate-connector.service", BootID: s.boot, InvocationID: s.invocation}
		if got := r.observe(&f); got != s.want {
			t.Fatalf("step %d (%s): observe = %q, want %q", i, s.host, got, s.want)
		}
	}
}

func TestJournalBatch(t *testing.T) {
	var b journalBatch
	t0 := time.Unix(1000, 0)
	if b.due(t0) {
		t.Fatal("an empty batch is due")
	}
	var slots []*model.JournalFields
	for i := range journalBatchRecords - 1 {
		f := b.slot()
		f.PID = i
		slots = append(slots, f)
		b.add(model.Record{Journal: f}, t0)
	}
	if b.due(t0.Add(journalBatchAge - time.Millisecond)) {
		t.Fatal("a young batch one short of full is due")
	}
	if !b.due(t0.Add(journalBatchAge)) {
		t.Fatal("a batch as old as journalBatchAge is not due")
	}
	b.add(model.Record{}, t0)
	if !b.due(t0) {
		t.Fatal("a full batch is not due")
	}
	recs := b.take()
	if len(recs) != journalBatchRecords || b.due(t0.Add(time.Hour)) {
		t.Fatalf("take returned %d records and left the batch due=%v", len(recs), b.due(t0.Add(time.Hour)))
	}
	// Later slots never alias the fields earlier records point to.
	for i := range 3 * journalBatchRecords {
		b.slot().PID = -1 - i
	}
	for i, f := range slots {
		if f.PID != i || recs[i].Journal != f {
			t.Fatalf("record %d's fields changed: %+v", i, *f)
		}
	}
}

func TestJournalSimilarNames(t *testing.T) {
	have := []string{"twingate-connector.service", "twingate-health.service", "ssh.service", "newt.service",
		"systemd-journald.service", "TWINGATE.service"}
	cases := []struct {
		name string
		want []string
	}{
		{"twingate-conector.service", []string{"twingate-connector.service", "TWINGATE.service"}},
		{"twingate.service", []string{"TWINGATE.service", "twingate-connector.service", "twingate-health.service"}},
		{"connector.service", []string{"twingate-connector.service"}},
		{"sshd.service", []string{"ssh.service"}},
		{"nginx.service", []string{}},
		{"", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := journalSimilarNames(tc.name, have, journalMaxSuggestions)
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("journalSimilarNames(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
	many := make([]string, 20)
	for i := range many {
		many[i] = fmt.Sprintf("twingate-%d.service", i)
	}
	if got := journalSimilarNames("twingate.service", many, 3); len(got) != 3 {
		t.Fatalf("got %d suggestions, want at most 3", len(got))
	}
}

func TestJournalUnknownError(t *testing.T) {
	haveUnits := []string{"twingate-connector.service", "ssh.service"}
	haveIdents := []string{"twingate-connector", "sshd"}
	cases := []struct {
		name       string
		units      []string
		idents     []string
		wantNil    bool
		wantPhrase []string
	}{
		{"all known", []string{"ssh.service"}, []string{"sshd"}, true, nil},
		{"typo", []string{"twingate-conector.service"}, nil, false,
			[]string{`unit "twingate-conector.service"`, "similar name: twingate-connector.service", "--all-units"}},
		{"unknown identifier", nil, []string{"twingate-connecter"}, false,
			[]string{`identifier "twingate-connecter"`, "twingate-connector"}},
		{"nothing alike", []string{"nginx.service"}, nil, false, []string{`"nginx.service"`, "--all-units"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := journalUnknownError(tc.units, haveUnits, tc.idents, haveIdents)
			if tc.wantNil {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			if !errors.Is(err, ErrJournalUnknownUnit) {
				t.Fatalf("error %v is not ErrJournalUnknownUnit", err)
			}
			for _, p := range tc.wantPhrase {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not contain %q", err, p)
				}
			}
		})
	}
}

func TestJournalAccess(t *testing.T) {
	cases := []struct {
		name string
		a    journalAccess
		want bool
	}{
		{"root", journalAccess{root: true, systemFound: true}, false},
		{"journal group", journalAccess{groups: []string{"users", "systemd-journal"}, systemFound: true}, false},
		{"adm", journalAccess{groups: []string{"adm"}, systemFound: true}, false},
		{"wheel", journalAccess{groups: []string{"wheel"}, systemFound: true}, false},
		{"readable anyway", journalAccess{groups: []string{"users"}, systemFound: true, systemReadable: true}, false},
		{"no system journal", journalAccess{groups: []string{"users"}}, false},
		{"only their own", journalAccess{groups: []string{"users", "docker"}, systemFound: true}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.onlyOwnJournal(); got != tc.want {
				t.Fatalf("onlyOwnJournal = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestProbeSystemJournal(t *testing.T) {
	dir := t.TempDir()
	if found, readable := probeSystemJournal([]string{dir + "/missing"}); found || readable {
		t.Fatalf("a missing directory: found %v readable %v", found, readable)
	}
	machine := filepath.Join(dir, "6c2d0f8e1a4b4c3d9e8f7a6b5c4d3e2f")
	if err := os.Mkdir(machine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(machine, "user-1000.journal"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if found, _ := probeSystemJournal([]string{dir}); found {
		t.Fatal("a user journal was taken for the system journal")
	}
	if err := os.WriteFile(filepath.Join(machine, "system.journal"), nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if found, readable := probeSystemJournal([]string{dir}); !found || !readable {
		t.Fatalf("a readable system journal: found %v readable %v", found, readable)
	}
}

func TestJournalErrorTexts(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want []string
	}{
		{"no cgo", ErrLibsystemdUnavailable, []string{"without cgo", "leave out --journal-reader"}},
		{"library missing", ErrLibsystemdMissing, []string{"libsystemd.so.0 not found", "apt-get install libsystemd0",
			"leave out --journal-reader"}},
		{"permission", ErrJournalPermission, []string{"only your own journal", "sudo",
			"usermod -aG systemd-journal $USER"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range tc.want {
				if !strings.Contains(tc.err.Error(), w) {
					t.Errorf("%q does not say %q", tc.err, w)
				}
			}
		})
	}
}

func TestJournalLibraryMissing(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"go-systemd's dlopen error", errors.New("unable to open a handle to the library"), true},
		{"wrapped", fmt.Errorf("x: %w", errors.New("unable to open a handle to the library")), true},
		{"permission", errors.New("failed to open journal: permission denied"), false},
		{"none", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := journalLibraryMissing(tc.err); got != tc.want {
				t.Fatalf("journalLibraryMissing = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestJournalStatusText(t *testing.T) {
	cases := []struct {
		phase  journalPhase
		loaded int64
		want   string
	}{
		{journalOpening, 0, "journal: tg (opening)"},
		{journalLoading, 1234, "journal: tg: 1234 entries loaded"},
		{journalFollowing, 1234, "journal: tg (following)"},
		{journalDone, 7, "journal: tg: 7 entries loaded"},
		{journalFailed, 7, "journal: tg (failed)"},
	}
	for _, tc := range cases {
		t.Run(tc.phase.String(), func(t *testing.T) {
			var s journalStatus
			s.set(tc.phase)
			s.loaded.Store(tc.loaded)
			if got := s.text("tg"); got != tc.want {
				t.Fatalf("text = %q, want %q", got, tc.want)
			}
		})
	}
}

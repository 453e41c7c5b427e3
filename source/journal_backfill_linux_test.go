//go:build linux

package source

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

const (
	journalBootA = "3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c"
	journalBootB = "9a7d5e3c1b2f4e6d8c0a1b3d5f7e9c2a"
)

// journalFixtureTime returns the journal timestamp of entry i as a time.
func journalFixtureTime(tb testing.TB, entries []journalExportEntry, i int) time.Time {
	tb.Helper()
	usec, err := strconv.ParseInt(entries[i].value("__REALTIME_TIMESTAMP"), 10, 64)
	if err != nil {
		tb.Fatalf("fixture entry %d: %v", i, err)
	}
	return time.UnixMicro(usec)
}

func journalIsUnit(unit string) func(journalExportEntry) bool {
	return func(e journalExportEntry) bool { return e.value("_SYSTEMD_UNIT") == unit }
}

func TestJournalBackfillSelects(t *testing.T) {
	dir, _, entries := journalBuildFixture(t, "connector.export")
	connector := journalIsUnit("twingate-connector.service")
	inBoot := func(boot string, keep func(journalExportEntry) bool) func(journalExportEntry) bool {
		return func(e journalExportEntry) bool { return e.value("_BOOT_ID") == boot && keep(e) }
	}
	all := journalFixtureMessages(entries, connector)
	t5, t12 := journalFixtureTime(t, entries, 5), journalFixtureTime(t, entries, 12)
	cases := []struct {
		name string
		opts JournalOptions
		want []string
	}{
		{"unit without suffix", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1}, all},
		{"unit with suffix", JournalOptions{Units: []string{"twingate-connector.service"}, Lines: -1}, all},
		{"unit glob", JournalOptions{Units: []string{"twingate-conn*"}, Lines: -1}, all},
		{"identifier", JournalOptions{Identifiers: []string{"twingate-connectorctl"}, Lines: -1},
			journalFixtureMessages(entries, func(e journalExportEntry) bool {
				return e.value("SYSLOG_IDENTIFIER") == "twingate-connectorctl"
			})},
		{"unit or identifier", JournalOptions{Units: []string{"ssh"}, Identifiers: []string{"twingate-connectorctl"}, Lines: -1},
			journalFixtureMessages(entries, func(e journalExportEntry) bool {
				return e.value("SYSLOG_IDENTIFIER") == "twingate-connectorctl" || journalIsUnit("ssh.service")(e)
			})},
		{"two units", JournalOptions{Units: []string{"ssh", "twingate-connector"}, Lines: -1},
			journalFixtureMessages(entries, func(e journalExportEntry) bool { return connector(e) || journalIsUnit("ssh.service")(e) })},
		{"all units", JournalOptions{Units: []string{"twingate-connector"}, AllUnits: true, Lines: -1},
			journalFixtureMessages(entries, func(journalExportEntry) bool { return true })},
		{"journald asked for", JournalOptions{Identifiers: []string{"systemd-journald"}, Lines: -1},
			journalFixtureMessages(entries, func(e journalExportEntry) bool { return e.value("SYSLOG_IDENTIFIER") == "systemd-journald" })},
		{"last 3", JournalOptions{Units: []string{"twingate-connector"}, Lines: 3}, all[len(all)-3:]},
		{"last 1", JournalOptions{Units: []string{"twingate-connector"}, Lines: 1}, all[len(all)-1:]},
		{"more than there are", JournalOptions{Units: []string{"twingate-connector"}, Lines: 1000}, all},
		{"none", JournalOptions{Units: []string{"twingate-connector"}, Lines: 0}, nil},
		{"since", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Since: t12},
			journalFixtureMessages(entries[12:], connector)},
		{"until", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Until: t5},
			journalFixtureMessages(entries[:6], connector)},
		{"until, last 2", JournalOptions{Units: []string{"twingate-connector"}, Lines: 2, Until: t5},
			journalFixtureMessages(entries[4:6], connector)},
		{"until, last 3 across hidden notices", JournalOptions{Units: []string{"twingate-connector"}, Lines: 3, Until: t12},
			journalLastN(journalFixtureMessages(entries[:13], connector), 3)},
		{"since and until", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Since: t5, Until: t12},
			journalFixtureMessages(entries[5:13], connector)},
		{"since, last 2", JournalOptions{Units: []string{"twingate-connector"}, Lines: 2, Since: t5, Until: t12},
			journalLastN(journalFixtureMessages(entries[5:13], connector), 2)},
		{"newest boot", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: "0"},
			journalFixtureMessages(entries, inBoot(journalBootB, connector))},
		{"previous boot", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: "-1"},
			journalFixtureMessages(entries, inBoot(journalBootA, connector))},
		{"first boot", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: "1"},
			journalFixtureMessages(entries, inBoot(journalBootA, connector))},
		{"boot by ID", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: journalBootB},
			journalFixtureMessages(entries, inBoot(journalBootB, connector))},
		{"boot by ID and offset", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: journalBootB + "-1"},
			journalFixtureMessages(entries, inBoot(journalBootA, connector))},
		{"every boot", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: "all"}, all},
		{"newest boot, last 2", JournalOptions{Units: []string{"twingate-connector"}, Lines: 2, Boot: "0"},
			journalLastN(journalFixtureMessages(entries, inBoot(journalBootB, connector)), 2)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Directory = dir
			recs, err := journalRead(t, tc.opts)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if diff := journalEqualLines(journalLines(recs), tc.want); diff != "" {
				t.Fatalf("%s\ngot:\n%s", diff, journalDescribe(recs))
			}
		})
	}
}

func journalLastN(s []string, n int) []string { return s[max(len(s)-n, 0):] }

func TestJournalCursors(t *testing.T) {
	dir, _, entries := journalBuildFixture(t, "connector.export")
	base := JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir}
	full, err := journalRead(t, base)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var lineRecs []model.Record
	for _, r := range full {
		if r.Mark == model.MarkLine {
			lineRecs = append(lineRecs, r)
		}
	}
	all := journalFixtureMessages(entries, journalIsUnit("twingate-connector.service"))
	const k = 4
	cursor := lineRecs[k].Journal.Cursor
	// A cursor of an entry the filter does not select still marks a place.
	var sshCursor string
	allRecs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, r := range allRecs {
		if r.Mark == model.MarkLine && string(r.Raw) == entries[11].value("MESSAGE") {
			sshCursor = r.Journal.Cursor
		}
	}
	cases := []struct {
		name    string
		cursor  string
		after   string
		lines   int
		want    []string
		wantErr string
	}{
		{"cursor", cursor, "", -1, all[k:], ""},
		{"after cursor", "", cursor, -1, all[k+1:], ""},
		// -n from a cursor counts from it, as journalctl shows it.
		{"cursor, first 2", cursor, "", 2, all[k : k+2], ""},
		{"after cursor, first 2", "", cursor, 2, all[k+1 : k+3], ""},
		{"after cursor, first 1", "", cursor, 1, all[k+1 : k+2], ""},
		{"after the last", "", lineRecs[len(lineRecs)-1].Journal.Cursor, -1, nil, ""},
		{"cursor of another unit", sshCursor, "", -1, journalFixtureMessages(entries[11:], journalIsUnit("twingate-connector.service")), ""},
		{"after cursor of another unit", "", sshCursor, -1, journalFixtureMessages(entries[11:], journalIsUnit("twingate-connector.service")), ""},
		{"not a cursor", "nonsense", "", -1, nil, "--cursor"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := base
			opts.Cursor, opts.AfterCursor, opts.Lines = tc.cursor, tc.after, tc.lines
			recs, err := journalRead(t, opts)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Run error = %v, want one mentioning %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if diff := journalEqualLines(journalLines(recs), tc.want); diff != "" {
				t.Fatalf("%s\ngot:\n%s", diff, journalDescribe(recs))
			}
		})
	}
}

func TestJournalRecordFields(t *testing.T) {
	dir, _, entries := journalBuildFixture(t, "connector.export")
	recs, err := journalRead(t, JournalOptions{AllUnits: true, Lines: -1, Directory: dir})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var got []model.Record
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			got = append(got, r)
		}
	}
	if len(got) != len(entries) {
		t.Fatalf("got %d lines, want %d", len(got), len(entries))
	}
	for i, e := range entries {
		r := got[i]
		pid, _ := strconv.Atoi(e.value("_PID"))
		prio := -1
		if p, ok := e.get("PRIORITY"); ok {
			prio, _ = strconv.Atoi(p)
		}
		want := model.JournalFields{Cursor: r.Journal.Cursor, Hostname: e.value("_HOSTNAME"), Unit: e.value("_SYSTEMD_UNIT"),
			Identifier: e.value("SYSLOG_IDENTIFIER"), PID: pid, Priority: prio, BootID: e.value("_BOOT_ID"),
			InvocationID: e.value("_SYSTEMD_INVOCATION_ID"), Transport: e.value("_TRANSPORT")}
		if *r.Journal != want {
			t.Errorf("entry %d fields:\n got %+v\nwant %+v", i, *r.Journal, want)
		}
		if !strings.HasPrefix(r.Journal.Cursor, "s=") {
			t.Errorf("entry %d cursor %q does not look like a journal cursor", i, r.Journal.Cursor)
		}
		if !r.Received.Equal(journalFixtureTime(t, entries, i)) {
			t.Errorf("entry %d Received = %v, want %v", i, r.Received, journalFixtureTime(t, entries, i))
		}
		if r.Offset != -1 || r.Source != 3 {
			t.Errorf("entry %d Offset %d Source %d, want -1 and 3", i, r.Offset, r.Source)
		}
		if string(r.Raw) != e.value("MESSAGE") {
			t.Errorf("entry %d Raw = %q, want %q", i, r.Raw, e.value("MESSAGE"))
		}
	}
}

func TestJournalUnknownUnit(t *testing.T) {
	dir, _, _ := journalBuildFixture(t, "connector.export")
	cases := []struct {
		name    string
		opts    JournalOptions
		wantErr []string // nil: no error
	}{
		{"typo", JournalOptions{Units: []string{"twingate-conector"}},
			[]string{`"twingate-conector.service"`, "twingate-connector.service", "--all-units"}},
		{"typo with follow", JournalOptions{Units: []string{"twingate-conector"}, Follow: true},
			[]string{"twingate-connector.service", "--all-units"}},
		{"unknown identifier", JournalOptions{Identifiers: []string{"twingate-connectorct"}},
			[]string{"identifier", "twingate-connectorctl"}},
		{"nothing similar", JournalOptions{Units: []string{"nginx"}},
			[]string{`"nginx.service"`, "--all-units"}},
		{"glob matching nothing", JournalOptions{Units: []string{"newt*"}},
			[]string{`"newt*"`, "--all-units"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Directory, tc.opts.Lines = dir, 10
			var err error
			if tc.opts.Follow {
				// A follower with an unknown unit must fail instead of waiting.
				j := NewJournal(1, tc.opts)
				err = j.Run(t.Context(), make(chan []model.Record, 16))
			} else {
				_, err = journalRead(t, tc.opts)
			}
			if tc.wantErr == nil {
				if err != nil {
					t.Fatalf("Run: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrJournalUnknownUnit) {
				t.Fatalf("Run error = %v, want ErrJournalUnknownUnit", err)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// A -b that names no boot of journal files copied from another host
// points to connlog --list-boots of the same files: journalctl's, without
// them, lists this machine's boots.
func TestJournalBadBoot(t *testing.T) {
	dir, _, _ := journalBuildFixture(t, "connector.export")
	files, _ := filepath.Glob(filepath.Join(dir, "*.journal"))
	for _, boot := range []string{"-2", "3", "0123456789abcdef0123456789abcdef", "yesterday"} {
		for _, in := range []struct {
			opts JournalOptions
			list string
		}{
			{JournalOptions{Directory: dir}, "connlog --list-boots -D " + dir + " lists the boots"},
			{JournalOptions{Files: files}, "connlog --list-boots --file " + files[0] + " lists the boots"},
		} {
			t.Run(boot, func(t *testing.T) {
				in.opts.Units, in.opts.Boot = []string{"twingate-connector"}, boot
				_, err := journalRead(t, in.opts)
				if err == nil || !strings.Contains(err.Error(), in.list) || strings.Contains(err.Error(), "journalctl") {
					t.Fatalf("Run error = %v, want one pointing to %s", err, in.list)
				}
			})
		}
	}
}

func TestJournalState(t *testing.T) {
	dir, _, entries := journalBuildFixture(t, "connector.export")
	opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir}
	j := NewJournal(1, opts)
	if got, want := j.State(), "journal: twingate-connector (opening)"; got != want {
		t.Errorf("State before Run = %q, want %q", got, want)
	}
	out := make(chan []model.Record, 64)
	if err := j.Run(t.Context(), out); err != nil {
		t.Fatalf("Run: %v", err)
	}
	n := len(journalFixtureMessages(entries, journalIsUnit("twingate-connector.service")))
	if got, want := j.State(), "journal: twingate-connector: "+strconv.Itoa(n)+" entries loaded"; got != want {
		t.Errorf("State after Run = %q, want %q", got, want)
	}
	f := journalStart(t, opts)
	if got, want := f.j.State(), "journal: twingate-connector (following)"; got != want {
		t.Errorf("State while following = %q, want %q", got, want)
	}
}

// TestJournalLocalOpens reads this machine's own journal (the path taken
// without -D or --file) with the running boot selected: it must open and end
// cleanly, or say the user cannot read the system journal.
func TestJournalLocalOpens(t *testing.T) {
	_, err := journalRead(t, JournalOptions{AllUnits: true, Lines: 0, Boot: "0"})
	if err != nil && !errors.Is(err, ErrJournalPermission) {
		t.Fatalf("Run on the local journal: %v", err)
	}
}

package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"connlog/model/query"
)

// TestTUIQueryFoldsTheWindowOfFiles: for files and standard input, the
// interface's first filter is -q with the --since/--until window as since:
// and until: terms, quoted where they need it; the journal, which reads only
// its window, keeps -q alone; --kind and --level become terms for any
// input, as in export's selection; a bound that is not a time, or a kind or
// level that is none, is a usage error, as for export.
func TestTUIQueryFoldsTheWindowOfFiles(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"a file, no window", Config{Files: []string{"a.log"}, Query: "level>=warn"}, "level>=warn"},
		{"a file, since", Config{Files: []string{"a.log"}, SinceText: "08:01:30"}, "since:08:01:30"},
		{"standard input, both", Config{Files: []string{"-"}, SinceText: "2026-11-20 08:00", UntilText: "-15m"},
			`since:"2026-11-20 08:00" until:-15m`},
		{"with -q", Config{Files: []string{"a.log"}, Query: "level>=warn or kind:analytics", UntilText: "09:00"},
			"(level>=warn or kind:analytics) until:09:00"},
		{"the journal", Config{Units: []string{"twingate-connector"}, Query: "user:x", SinceText: "08:00"}, "user:x"},
		{"kinds and levels, any input", Config{Query: "user:x", Kinds: listFlag{"analytics", "audit"}, Levels: listFlag{"WARN"}},
			"user:x (kind=analytics or kind=audit) (level=warn)"},
	} {
		got, err := tuiQuery(c.cfg)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
		if _, err := query.Compile(got, c.cfg.timeOptions()); err != nil {
			t.Errorf("%s: the filter %q does not compile: %v", c.name, got, err)
		}
	}
	for _, bad := range []Config{{Files: []string{"a.log"}, UntilText: "bogus"}, {Kinds: listFlag{"nope"}}, {Levels: listFlag{"loud"}}} {
		_, err := tuiQuery(bad)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: got %v, want a usage error", bad, err)
		}
	}
}

// TestUnitsOfFilesAreTerms: -u and -t given with files select their lines
// as the journal's selection would (unit= or ident=, any of them); the
// default unit, which names the journal's, selects nothing of a file; and
// the journal keeps -u and -t to itself.
func TestUnitsOfFilesAreTerms(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-t", "twingate-connector", "syslog.log"}, "(ident=twingate-connector)"},
		{[]string{"-u", "newt", "-t", "twingate-connector", "-q", "level>=warn", "slice.export"},
			"level>=warn (unit=newt or ident=newt or ident=twingate-connector)"},
		{[]string{"-u", "twingate-connector.service", "syslog.log"}, "(unit=twingate-connector.service or ident=twingate-connector)"},
		{[]string{"syslog.log"}, ""},
		{[]string{"-t", "twingate-connector", "--all-units", "syslog.log"}, ""}, // the whole file, as the whole journal
		{[]string{"-u", "newt", "-q", "level>=warn"}, "level>=warn"},
	} {
		cfg, err := parseArgs(c.args, io.Discard)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if got, err := tuiQuery(cfg); err != nil || got != c.want {
			t.Errorf("%v: got %q, %v; want %q", c.args, got, err, c.want)
		}
	}
}

// TestExportSelectsTheIdentifiersOfASyslogFile: export -t (or -u) on a
// syslog file writes the lines of that identifier alone, as from the
// journal.
func TestExportSelectsTheIdentifiersOfASyslogFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "syslog")
	lines := "Nov 20 08:00:00 host1 twingate-connector[812]: [INFO] [connector] State: Online\n" +
		"Nov 20 08:00:01 host1 sshd[900]: Accepted publickey for root\n" +
		"Nov 20 08:00:02 host1 twingate-connector[812]: [ERROR] [libsdwan] listen::channel_event: Failed\n"
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "Nov 20 08:00:00 host1 twingate-connector[812]: [INFO] [connector] State: Online\n" +
		"Nov 20 08:00:02 host1 twingate-connector[812]: [ERROR] [libsdwan] listen::channel_event: Failed\n"
	// -u names the unit's program too: syslog lines name no unit.
	for _, flag := range []string{"-t", "-u"} {
		out, stderr, code := runCLI(t, "export", "--format", "raw", flag, "twingate-connector", path)
		if code != 0 || out != want {
			t.Errorf("%s: exit %d (%s), wrote:\n%s\nwant:\n%s", flag, code, stderr, out, want)
		}
	}
}

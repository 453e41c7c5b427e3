package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, c Config)
	}{
		{"defaults read the connector unit", nil, func(t *testing.T, c Config) {
			if !reflect.DeepEqual([]string(c.Units), []string{defaultUnit}) || c.Lines != 10000 || c.Export {
				t.Errorf("got units %v lines %d export %v", c.Units, c.Lines, c.Export)
			}
		}},
		{"flags after files", []string{"a.log", "-q", "level>=warn", "b.log"}, func(t *testing.T, c Config) {
			if !reflect.DeepEqual(c.Files, []string{"a.log", "b.log"}) || c.Query != "level>=warn" {
				t.Errorf("files %v query %q", c.Files, c.Query)
			}
		}},
		{"repeatable units and identifiers", []string{"-u", "newt", "--unit", "twingate-connector", "-t", "x"}, func(t *testing.T, c Config) {
			if !reflect.DeepEqual([]string(c.Units), []string{"newt", "twingate-connector"}) || len(c.Identifiers) != 1 {
				t.Errorf("units %v identifiers %v", c.Units, c.Identifiers)
			}
		}},
		{"identifier alone replaces the default unit", []string{"-t", "newt"}, func(t *testing.T, c Config) {
			if len(c.Units) != 0 {
				t.Errorf("units %v, want none", c.Units)
			}
		}},
		{"boot value after a space", []string{"-b", "-1", "-n", "all"}, func(t *testing.T, c Config) {
			if !c.Boot.set || c.Boot.value != "-1" || c.Lines != -1 {
				t.Errorf("boot %+v lines %d", c.Boot, c.Lines)
			}
		}},
		{"boot alone is the current boot", []string{"-b", "-q", "x"}, func(t *testing.T, c Config) {
			if !c.Boot.set || c.Boot.value != "0" || c.Query != "x" {
				t.Errorf("boot %+v query %q", c.Boot, c.Query)
			}
		}},
		{"a range named in the interface is read whole", []string{"--since", "yesterday", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != -1 {
				t.Errorf("lines %d, want all (-1)", c.Lines)
			}
		}},
		{"an until bound is a range too", []string{"--until", "08:00", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != -1 {
				t.Errorf("lines %d, want all (-1)", c.Lines)
			}
		}},
		{"a boot is read whole", []string{"-b", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != -1 {
				t.Errorf("lines %d, want all (-1)", c.Lines)
			}
		}},
		{"-n still bounds a named range", []string{"--since", "yesterday", "-n", "500", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != 500 {
				t.Errorf("lines %d, want 500", c.Lines)
			}
		}},
		{"export reads the whole journal unless -n says otherwise", []string{"export", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != -1 {
				t.Errorf("lines %d, want all (-1)", c.Lines)
			}
		}},
		{"export -n limits", []string{"export", "-n", "50", "-D", "dir"}, func(t *testing.T, c Config) {
			if c.Lines != 50 {
				t.Errorf("lines %d, want 50", c.Lines)
			}
		}},
		{"files take -n all, which is what they do", []string{"export", "-n", "all", "f.log"}, func(t *testing.T, c Config) {
			if c.Lines != -1 || c.Files[0] != "f.log" || c.fromLast {
				t.Errorf("lines %d files %v from the last lines %v", c.Lines, c.Files, c.fromLast)
			}
		}},
		{"-n with files counts their last lines", []string{"-n", "100", "a.log", "b.log"}, func(t *testing.T, c Config) {
			if !c.fromLast || c.fileLines != 100 {
				t.Errorf("from the last lines %v, %d of them", c.fromLast, c.fileLines)
			}
		}},
		{"-n 0 with files reads from their end", []string{"export", "-f", "-n", "0", "a.log"}, func(t *testing.T, c Config) {
			if !c.fromLast || c.fileLines != 0 {
				t.Errorf("from the last lines %v, %d of them", c.fromLast, c.fileLines)
			}
		}},
		{"files without -n are read whole", []string{"a.log"}, func(t *testing.T, c Config) {
			if c.fromLast {
				t.Error("read from the last lines")
			}
		}},
		{"export with lists", []string{"export", "--kind", "audit,analytics", "--level", "warn,error", "-o", "x.csv", "f.log"}, func(t *testing.T, c Config) {
			if !c.Export || len(c.Kinds) != 2 || len(c.Levels) != 2 || c.Output != "x.csv" || c.Files[0] != "f.log" {
				t.Errorf("%+v", c)
			}
		}},
		{"memory budget with units", []string{"--max-memory", "256MiB"}, func(t *testing.T, c Config) {
			if c.MaxMemory != 256<<20 {
				t.Errorf("max memory %d", c.MaxMemory)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseArgs(tt.args, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

func TestParseArgsUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"-n", "lots"},
		{"--max-memory", "plenty"},
		{"--demo", "file.log"},
		{"file.log", "-D", "dir"},
		{"-o", "x.csv"}, // -o belongs to export
		{"--format", "csv", "f.log"},
		{"--compress", "gzip", "f.log"},
		{"export", "--after-cursor", "s=1;i=2", "slice.export"}, // a file is read whole
		{"--cursor", "s=1;i=2", "f.log"},
		{"-b", "-1", "f.log"},
		{"-b", "--demo"},
		{"-n", "5", "--demo"},
		{"export", "-n", "5", "-"}, // standard input has no end to count back from
		{"-n", "5", "--with-rotated", "f.log"},
	} {
		_, err := parseArgs(args, io.Discard)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: err = %v, want a usage error", args, err)
		}
	}
}

func TestDefaultMemoryBudget(t *testing.T) {
	for _, c := range []struct{ ram, want int64 }{
		{0, 512 << 20},        // unknown: the floor
		{2 << 30, 512 << 20},  // a small connector host
		{6 << 30, 1536 << 20}, // a quarter
		{64 << 30, 2 << 30},   // the ceiling
	} {
		if got := clampBudget(c.ram / 4); got != c.want {
			t.Errorf("RAM %d: budget %d, want %d", c.ram, got, c.want)
		}
	}
	if memTotal() <= 0 {
		t.Error("MemTotal not read from /proc/meminfo")
	}
}

// TestAFlagMistakeSaysItOnce: a mistake on the command line prints its
// message and the hint to -h, and not the whole usage, which scrolled the
// message off a small terminal; -h prints the usage and exits 0.
func TestAFlagMistakeSaysItOnce(t *testing.T) {
	for _, args := range [][]string{{"--no-such-flag"}, {"--max-memory", "1KiB", "f.log"}, {"export", "-n", "lots"}, {"summary", "--bogus"}} {
		_, stderr, code := runCLI(t, args...)
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if code != 2 || len(lines) != 2 || !strings.HasPrefix(lines[0], "connlog: ") || lines[1] != "Run connlog -h for the flags." {
			t.Errorf("%v: exit %d, stderr %q: want 2 and the message with the hint alone", args, code, stderr)
		}
	}
	for _, args := range [][]string{{"-h"}, {"export", "--help"}, {"summary", "-h"}} {
		_, stderr, code := runCLI(t, args...)
		if code != 0 || stderr != usageText {
			t.Errorf("%v: exit %d, stderr of %d bytes: want 0 and the usage", args, code, len(stderr))
		}
	}
}

// -D with --file is refused wherever a journal is read, as journalctl
// refuses it: reading one of them would leave the other out unsaid.
func TestDirectoryWithJournalFileRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.journal")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	both := []string{"-D", dir, "--file", file}
	if _, err := parseArgs(both, io.Discard); !errors.As(err, new(usageError)) {
		t.Fatalf("the interface: err = %v, want a usage error", err)
	}
	for _, cmd := range [][]string{{"export", "--all-units"}, {"summary", "--all-units"}, {"--list-boots"}} {
		_, stderr, code := runCLI(t, append(cmd, both...)...)
		if code != 2 || !strings.Contains(stderr, "-D") || !strings.Contains(stderr, "--file") || !strings.Contains(stderr, "give one of them") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and what to do", cmd, code, stderr)
		}
	}
}

// A --cursor or --after-cursor that is no cursor is a usage error (exit
// 2), as any malformed flag value is; one of the right form is not
// refused, whether or not the journal holds it.
func TestMalformedCursorIsUsageError(t *testing.T) {
	dir := t.TempDir()
	for _, flag := range []string{"--cursor", "--after-cursor"} {
		for _, bad := range []string{"bogus", "s=0;i=1", "i=zz"} {
			_, stderr, code := runCLI(t, "export", "--all-units", "-D", dir, flag, bad)
			if code != 2 || !strings.Contains(stderr, "not a journal cursor") {
				t.Errorf("%s %q: exit %d, stderr %q; want 2 saying it is not a cursor", flag, bad, code, stderr)
			}
		}
		good := "s=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c;i=1a;b=9a7d5e3c1b2f4e6d8c0a1b3d5f7e9c2a;m=3e8;t=64a1c2b3d4e5f;x=1f2e3d4c5b6a7988"
		if _, err := parseArgs([]string{"export", "-D", dir, flag, good}, io.Discard); err != nil {
			t.Errorf("%s with a cursor of the right form: %v", flag, err)
		}
	}
}

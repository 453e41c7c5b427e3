//go:build linux

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"connlog/source/remote/vltest"
)

// twoHostJournals writes the journals of two of the fleet's hosts into
// one directory, as copied off the connectors, and returns it and each
// host's file.
func twoHostJournals(t *testing.T) (dir string, files map[string]string) {
	t.Helper()
	dir, files = t.TempDir(), map[string]string{}
	fleet := vltest.Fleet(time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC))
	for _, host := range []string{"gw-fra-1", "gw-ams-1"} {
		files[host] = vltest.MakeJournal(t, dir, host, fleet[host])
	}
	return dir, files
}

// A journal of several machines exports the host of each entry as a log
// store's fleet does: a CSV host column, the text's host after the time.
// One machine's journal exports as before, without them.
func TestJournalOfSeveralHostsExportsTheHost(t *testing.T) {
	dir, files := twoHostJournals(t)
	textHost := regexp.MustCompile(`^\S+ (gw-fra-1|gw-ams-1) `)
	for _, c := range []struct {
		name   string
		inputs []string
		hosts  bool
	}{
		{"a directory of two machines", []string{"-D", dir}, true},
		{"two machines' files", []string{"--file", files["gw-fra-1"], "--file", files["gw-ams-1"]}, true},
		{"one machine's file", []string{"--file", files["gw-ams-1"]}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			csv, errText, code := runCLI(t, append([]string{"export", "--utc", "--format", "csv", "--kind", "service"}, c.inputs...)...)
			header, rows, _ := strings.Cut(csv, "\n")
			if code != 0 || rows == "" {
				t.Fatalf("csv: exit %d, %s\n%s", code, errText, csv)
			}
			if got := strings.HasSuffix(header, ",host") && strings.Contains(rows, ",gw-ams-1\n"); got != c.hosts {
				t.Errorf("csv host column %v, want %v:\n%.400s", got, c.hosts, csv)
			}
			text, errText, code := runCLI(t, append([]string{"export", "--utc", "--format", "text"}, c.inputs...)...)
			lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			if code != 0 || len(lines) < 2 {
				t.Fatalf("text: exit %d, %s\n%s", code, errText, text)
			}
			for _, l := range lines {
				if got := textHost.MatchString(l); got != c.hosts {
					t.Errorf("text line names its host %v, want %v: %q", got, c.hosts, l)
				}
			}
		})
	}
}

// The reopen command of a bundle of two machines' journal selects the
// same entries of the extracted bundle as its query did of the journal,
// a query on the host included.
func TestBundleOfSeveralHostsReopensTheSameEntries(t *testing.T) {
	dir, _ := twoHostJournals(t)
	q := "host:gw-ams-1 level>=warn"
	bundle := filepath.Join(t.TempDir(), "b.tar")
	if _, errText, code := runCLI(t, "export", "-D", dir, "-q", q, "--format", "bundle", "-o", bundle); code != 0 {
		t.Fatalf("bundle: exit %d, %s", code, errText)
	}
	files := untar(t, bundle)
	var m struct {
		Reopen string `json:"reopen"`
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v\n%s", err, files["manifest.json"])
	}
	args := shellWords(t, m.Reopen)
	if len(args) < 2 || args[0] != "connlog" || files[args[len(args)-1]] == nil {
		t.Fatalf("reopen %q", m.Reopen)
	}
	member := filepath.Join(t.TempDir(), args[len(args)-1])
	if err := os.WriteFile(member, files[args[len(args)-1]], 0o600); err != nil {
		t.Fatal(err)
	}
	reopened, errText, code := runCLI(t, append(append([]string{"export", "--format", "raw"}, args[1:len(args)-1]...), member)...)
	want, _, _ := runCLI(t, "export", "-D", dir, "-q", q, "--format", "raw")
	if code != 0 || reopened != want || strings.Count(want, "\n") < 2 {
		t.Errorf("reopen %q (exit %d, %s) selects\n%s\nthe query selected of the journal\n%s", m.Reopen, code, errText, reopened, want)
	}
}

// The title of a journal copied off several machines names none of them:
// the table's HOST column names each row's, where the title would say
// every entry is the newest one's.
func TestTitleNamesNoHostOfAJournalOfSeveral(t *testing.T) {
	dir, files := twoHostJournals(t)
	for _, c := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"two machines", Config{Directory: dir, AllUnits: true, Lines: -1}, ""},
		{"one machine", Config{JournalFile: listFlag{files["gw-ams-1"]}, AllUnits: true, Lines: -1}, "gw-ams-1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			store, _ := copiedJournalStore(t, c.cfg)
			if newestHost(store) == "" {
				t.Fatal("the newest entry names no host")
			}
			if got := copiedHost(store); got != c.want {
				t.Errorf("title host %q, want %q", got, c.want)
			}
		})
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestJournalExportOfAJournalKeepsItsMarks exports a journal of a restart,
// journald's rate limit and a reboot in the journal export format: read
// back, the export shows what the journal showed, each mark a mark; no
// record repeats another's cursor; and the journal systemd-journal-remote
// makes of it holds no empty message in their place.
func TestJournalExportOfAJournalKeepsItsMarks(t *testing.T) {
	dir := copiedJournalDir(t)
	t.Chdir(t.TempDir())
	want, errOut, code := runCLI(t, "export", "--format", "text", "-D", dir)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	for _, mark := range []string{"service restarted", "journald suppressed messages", "host rebooted"} {
		if !strings.Contains(want, mark) {
			t.Fatalf("the fixture journal shows no %q:\n%s", mark, want)
		}
	}
	if _, errOut, code := runCLI(t, "export", "--format", "journal", "-o", "x.export", "-D", dir); code != 0 {
		t.Fatalf("export to x.export: exit %d: %s", code, errOut)
	}
	got, errOut, code := runCLI(t, "export", "--format", "text", "x.export")
	if code != 0 {
		t.Fatalf("read x.export: exit %d: %s", code, errOut)
	}
	if got != want {
		t.Errorf("the export read back shows\n%s\nthe journal showed\n%s", got, want)
	}
	exported, err := os.ReadFile("x.export")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, line := range bytes.Split(exported, []byte("\n")) {
		if c, ok := bytes.CutPrefix(line, []byte("__CURSOR=")); ok {
			if seen[string(c)] {
				t.Errorf("two records of cursor %s", c)
			}
			seen[string(c)] = true
		}
	}
	for _, msg := range reimportedMessages(t, "x.export") {
		if msg == "" {
			t.Errorf("the journal made of the export holds an empty message")
		}
	}
}

// reimportedMessages feeds an export to systemd-journal-remote and returns
// the MESSAGE of each record journalctl reads from the journal it made.
func reimportedMessages(t *testing.T, export string) []string {
	t.Helper()
	in, err := os.Open(export)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cmd := exec.Command("/lib/systemd/systemd-journal-remote", "--output=x.journal", "-")
	cmd.Stdin = in
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	out, err := exec.Command("journalctl", "--file", "x.journal", "-o", "json", "--all", "--no-pager").Output()
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var rec struct {
			Message json.RawMessage `json:"MESSAGE"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("journalctl line %q: %v", line, err)
		}
		msgs = append(msgs, strings.Trim(string(rec.Message), `"`))
	}
	return msgs
}

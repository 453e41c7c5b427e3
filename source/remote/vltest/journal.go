package vltest

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Tools from systemd-journal-remote (scripts/deps.sh installs it).
const (
	journalRemote = "/lib/systemd/systemd-journal-remote"
	journalUpload = "/lib/systemd/systemd-journal-upload"
)

// Entry is one journal entry of a fake host.
type Entry struct {
	Time       time.Time
	Host       string
	Unit       string // e.g. twingate-connector.service
	Identifier string
	PID        int
	Invocation string   // _SYSTEMD_INVOCATION_ID, when set
	Extra      []string // more FIELD=value lines, e.g. UNIT= of systemd's messages about a unit
	Message    string
}

// ExportText renders entries in the journal export format.
func ExportText(entries []Entry) []byte {
	var b bytes.Buffer
	for i, e := range entries {
		fmt.Fprintf(&b, "__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n", e.Time.UnixMicro(), 1000000+i)
		fmt.Fprintf(&b, "_BOOT_ID=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c\n_HOSTNAME=%s\n_SYSTEMD_UNIT=%s\n", e.Host, e.Unit)
		fmt.Fprintf(&b, "SYSLOG_IDENTIFIER=%s\n_PID=%d\nPRIORITY=6\n_TRANSPORT=stdout\n", e.Identifier, e.PID)
		if e.Invocation != "" {
			fmt.Fprintf(&b, "_SYSTEMD_INVOCATION_ID=%s\n", e.Invocation)
		}
		for _, f := range e.Extra {
			fmt.Fprintf(&b, "%s\n", f)
		}
		fmt.Fprintf(&b, "MESSAGE=%s\n\n", e.Message)
	}
	return b.Bytes()
}

// MakeJournal writes entries into a new journal file under dir with
// systemd-journal-remote, and checks that every entry landed.
func MakeJournal(tb testing.TB, dir, name string, entries []Entry) string {
	tb.Helper()
	if _, err := os.Stat(journalRemote); err != nil {
		tb.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh test)", journalRemote)
	}
	path := filepath.Join(dir, name+".journal")
	cmd := exec.Command(journalRemote, "--output="+path, "-")
	cmd.Stdin = bytes.NewReader(ExportText(entries))
	cmd.Env = append(os.Environ(), "SYSTEMD_JOURNAL_COMPACT=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("journal-remote: %v\n%s", err, out)
	}
	out, err := exec.Command("journalctl", "--file="+path, "-o", "cat", "--no-pager").Output()
	if err != nil {
		tb.Fatalf("journalctl --file=%s: %v", path, err)
	}
	if n := strings.Count(string(out), "\n"); n != len(entries) {
		tb.Fatalf("journal-remote wrote %d of %d entries to %s", n, len(entries), path)
	}
	return path
}

// Ship uploads a journal file to the server as a connector host would.
func Ship(tb testing.TB, s *Server, journal string) {
	tb.Helper()
	cmd := exec.Command(journalUpload, "--follow=no", "--file="+journal, "--url="+s.URL()+"/insert/journald")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("journal-upload %s: %v\n%s", journal, err, out)
	}
}

// Journalctl returns `journalctl -o cat` of the files for args (e.g. -u UNIT).
func Journalctl(tb testing.TB, files []string, args ...string) []string {
	tb.Helper()
	a := []string{"-o", "cat", "--no-pager"}
	for _, f := range files {
		a = append(a, "--file="+f)
	}
	out, err := exec.Command("journalctl", append(a, args...)...).Output()
	if err != nil {
		tb.Fatalf("journalctl %v: %v", args, err)
	}
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func urlEscape(s string) string { return url.QueryEscape(s) }

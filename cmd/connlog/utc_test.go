package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runConnlogInZone runs connlog as its own process in the time zone tz
// (the tests' own process reads every local time as UTC, see TestMain) and
// returns its standard output and error.
func runConnlogInZone(t *testing.T, tz string, args ...string) (stdout, stderr string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), runAsConnlog+"=1", "TZ="+tz)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v, stderr %q", args, err, errb.String())
	}
	return out.String(), errb.String()
}

// With --utc, times written in a query or a flag are read in UTC, as the
// interface reads them when it shows UTC: `since:23:00 until:23:01` typed
// in it works unchanged headless. They were read in the local zone, which
// the output does not show: in New York, 23:00 was 04:00 UTC the next day,
// and nothing was written.
func TestExportUTCReadsQueryTimesInUTC(t *testing.T) {
	p := filepath.Join(t.TempDir(), "iso.log")
	lines := "2026-12-05T22:59:30.000000001Z [INFO] [connector] iso 0\n" +
		"2026-12-05T23:00:00.000000001Z [INFO] [connector] iso 1\n" +
		"2026-12-05T23:00:30.000000001Z [INFO] [connector] iso 2\n" +
		"2026-12-05T23:01:30.000000001Z [INFO] [connector] iso 3\n"
	if err := os.WriteFile(p, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, window := range [][]string{
		{"-q", "since:23:00 until:23:01"},
		{"--since", "23:00", "--until", "23:01"},
		{"--since", "2026-12-05 23:00", "--until", "2026-12-05 23:01"},
	} {
		out, errs := runConnlogInZone(t, "America/New_York", append([]string{"export", "--utc", p}, window...)...)
		if !strings.Contains(out, "iso 1\n") || !strings.Contains(out, "iso 2\n") || strings.Count(out, "\n") != 2 {
			t.Errorf("%v: output %q, stderr %q; want iso 1 and iso 2", window, out, errs)
		}
	}
	// summary reads them the same way.
	out, errs := runConnlogInZone(t, "America/New_York", "summary", "--utc", "-q", "since:23:00 until:23:01", p)
	if !strings.Contains(out, "2 entries") {
		t.Errorf("summary: output %q, stderr %q; want 2 entries", out, errs)
	}
}

// A journal is read with its --since/--until window pushed down: with
// --utc the window is UTC there too.
func TestExportUTCReadsTheJournalWindowInUTC(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errs := runConnlogInZone(t, "America/New_York", "export", "--utc", "-D", dir, "--since", "09:30", "--format", "ndjson")
	if n := strings.Count(out, "\n"); n == 0 || errs != "" {
		t.Errorf("--since 09:30 on a journal of 08:00–09:30 UTC: %d entries, stderr %q", n, errs)
	}
}

// In a zone that is UTC all year (TZ=UTC, as on many servers) the text
// export writes its times with Z, as --utc does, not "+00:00".
func TestTextExportInUTCZoneWritesZ(t *testing.T) {
	p := filepath.Join(t.TempDir(), "iso.log")
	if err := os.WriteFile(p, []byte("2026-12-05T23:00:00.5Z [INFO] [connector] iso 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tz := range []string{"UTC", "Etc/UTC"} {
		out, errs := runConnlogInZone(t, tz, "export", "--format", "text", p)
		if !strings.HasPrefix(out, "2026-12-05T23:00:00.500Z ") {
			t.Errorf("TZ=%s: output %q, stderr %q; want the time 2026-12-05T23:00:00.500Z", tz, out, errs)
		}
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"connlog/model/export"
)

// clientLines name a client's address in a service line and a Tailscale
// flow before the analytics event that says it is the client's, and in a
// service line after it.
const clientLines = `[INFO] [libsdwan] [peer] peer=203.0.113.77:51820 connected via [203.0.113.77]
{"end":"2025-10-28T22:39:56.886545512Z","nodeId":"nBcdef1CNTRL","start":"2025-10-28T22:39:51.890385065Z","physicalTraffic":[{"dst":"203.0.113.77:41641","src":"100.101.102.103:0","txBytes":640,"txPkts":5}]}
ANALYTICS {"connection": {"client_ip": "203.0.113.77", "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "10.20.30.40", "resource_port": 443, "rx": 1, "tx": 2}, "event_type": "closed_connection", "resource": {"address": "app.website.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "user@twingate.com", "id": "113256"}}
[WARN] [libsdwan] peer 203.0.113.77: keepalive lost
`

var clearClient = regexp.MustCompile(`(^|[^0-9.])203\.0\.113\.77([^0-9]|$)`)

// TestRedactedExportHidesAClientAddressInEveryLine: a headless redacted
// export of a file, or of standard input, replaces the client's address
// in the lines before the event that revealed it, and keeps the
// resource's address, which is no one's.
func TestRedactedExportHidesAClientAddressInEveryLine(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("mixed.log", []byte(clientLines), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"raw", "ndjson", "csv", "journal"} {
		fromFile := exportOK(t, "export", "--redact", "--format", format, "mixed.log")
		var fromStdin, errOut bytes.Buffer
		if code := run([]string{"export", "--redact", "--format", format, "-"}, strings.NewReader(clientLines), &fromStdin, &errOut); code != 0 {
			t.Fatalf("%s, standard input: exit %d: %s", format, code, errOut.String())
		}
		for input, got := range map[string]string{"file": fromFile, "standard input": fromStdin.String()} {
			if m := clearClient.FindString(got); m != "" {
				t.Errorf("%s of a %s keeps the client's address (%q):\n%s", format, input, m, got)
			}
			if !strings.Contains(got, "10.20.30.40") {
				t.Errorf("%s of a %s lost the resource's address:\n%s", format, input, got)
			}
		}
	}
	if left, _ := filepath.Glob(".connlog-*"); len(left) > 0 {
		t.Errorf("files left behind: %v", left)
	}
}

// A followed redacted export says that what it has not yet learned stays
// in the lines it writes first.
func TestFollowedRedactedExportSaysWhatItCannotHide(t *testing.T) {
	var errOut bytes.Buffer
	cfg := Config{Follow: true}
	_, done, err := learnPersonal(t.Context(), cfg, export.Options{Redact: export.NewRedactor()}, nil, &errOut)
	done()
	if err != nil || !strings.Contains(errOut.String(), "keeps it; export without -f") {
		t.Errorf("err %v, stderr %q; want a note on what a followed export cannot replace", err, errOut.String())
	}
}

// An export that leaves out the event revealing a client (a kind, a query,
// a window) still replaces its address in the lines it writes: the input
// holds the event, and "only the service lines, redacted" must not hand
// over the addresses the events say are clients'.
func TestRedactedExportOfSomeLinesHidesWhatOtherLinesReveal(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("mixed.log", []byte(clientLines), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, filter := range [][]string{{"--kind", "service"}, {"-q", "level>=warn"}, {"-q", "keepalive"}} {
		got := exportOK(t, append(append([]string{"export", "--redact", "--format", "raw"}, filter...), "mixed.log")...)
		if got == "" {
			t.Fatalf("%v wrote nothing", filter)
		}
		if m := clearClient.FindString(got); m != "" {
			t.Errorf("%v keeps the client's address (%q):\n%s", filter, m, got)
		}
	}
}

// Standard input saved for a redacted export into a TMPDIR that is missing
// or not writable is said with what TMPDIR must be, not "with room".
func TestRedactedStdinSaysWhatTMPDIRMustBe(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	var out, errOut bytes.Buffer
	code := run([]string{"export", "--redact", "-"}, strings.NewReader(clientLines), &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "set TMPDIR to a directory that exists") || out.Len() != 0 {
		t.Errorf("exit %d, stderr %q, %d bytes out; want 1 saying TMPDIR must exist, nothing written", code, errOut.String(), out.Len())
	}
}

// A followed redacted export of the service lines alone learns from the
// events it does not write: the lines after the event naming a client
// keep no address of it (only those before it can, as stderr says).
func TestFollowedRedactedExportLearnsFromWhatItLeavesOut(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mixed.log")
	event := clientLines[strings.Index(clientLines, "ANALYTICS"):strings.Index(clientLines, "[WARN]")]
	writeLog(t, path, "2026-02-10T08:00:00.000Z "+event+"2026-02-10T08:00:01.000Z [INFO] [libsdwan] peer 203.0.113.77:51820 connected\n")
	p := followExport(t, "export", "-f", "--redact", "--kind", "service", "--format", "raw", path)
	p.waitStdout(t, "connected")
	if m := clearClient.FindString(p.stdout.String()); m != "" {
		t.Errorf("the line after the event keeps the client's address (%q):\n%s", m, p.stdout.String())
	}
}

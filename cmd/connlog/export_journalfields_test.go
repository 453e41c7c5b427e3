package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestJournalExportEqualsJournalctls: a journal export of a journal holds
// every entry as journalctl -o export writes it, every field of it, byte
// for byte; only the gaps and restarts connlog adds (CONNLOG_KIND) are
// records of their own.
func TestJournalExportEqualsJournalctls(t *testing.T) {
	journal := filepath.Join(copiedJournalDir(t), "copied.journal")
	want, err := exec.Command("journalctl", "--file", journal, "-o", "export").Output()
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	for _, reader := range []string{"native", "libsystemd"} {
		got, stderr, code := runCLI(t, "export", "--journal-reader", reader, "--file", journal, "--all-units", "--format", "journal")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", reader, code, stderr)
		}
		var entries [][]byte
		for rec := range bytes.SplitSeq([]byte(got), []byte("\n\n")) {
			if len(rec) > 0 && !bytes.Contains(rec, []byte("\nCONNLOG_KIND=")) {
				entries = append(entries, append(rec, "\n\n"...))
			}
		}
		if joined := bytes.Join(entries, nil); !bytes.Equal(joined, want) {
			t.Errorf("%s: the export's entries differ from journalctl -o export:\n%s\nwant\n%s", reader, joined, want)
		}
	}
}

// TestJournalExportOfAnExportFileKeepsEveryField: an export in the
// journal format of a journal export file (journalctl -o export's, with
// fields connlog does not keep and binary values) gives back its records
// byte for byte, compressed or not, and on standard input; a slice of it
// the records chosen; a redacted one only the fields connlog keeps.
func TestJournalExportOfAnExportFileKeepsEveryField(t *testing.T) {
	record := func(i int, extra string) string {
		return fmt.Sprintf("__CURSOR=s=1;i=%d\n__REALTIME_TIMESTAMP=176490000000000%d\n__MONOTONIC_TIMESTAMP=5\n"+
			"_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=gw1\nPRIORITY=6\n"+
			"_SYSTEMD_UNIT=twingate-connector.service\nMY_EXTRA=%s\nCODE_FILE=src/x.rs\n"+
			"BIN\n\x08\x00\x00\x00\x00\x00\x00\x00a\nb\x00c\x01de\n"+
			"MESSAGE=[INFO] [relay] hello %d\n\n", i, i, extra, i)
	}
	data := record(1, "one") + record(2, "two") + record(3, "three")
	dir := t.TempDir()
	plain := filepath.Join(dir, "in.export")
	if err := os.WriteFile(plain, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("gzip", "-k", plain).Run(); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{plain, plain + ".gz"} {
		got, stderr, code := runCLI(t, "export", in, "--format", "journal", "-o", "-")
		if code != 0 || got != data {
			t.Errorf("%s: exit %d (%s), export:\n%q\nwant the input\n%q", in, code, stderr, got, data)
		}
		got, _, _ = runCLI(t, "export", in, "-q", "hello 2", "--format", "journal", "-o", "-")
		if want := record(2, "two"); got != want {
			t.Errorf("%s: a slice:\n%q\nwant its record\n%q", in, got, want)
		}
		got, _, _ = runCLI(t, "export", in, "--redact", "--format", "journal", "-o", "-")
		if strings.Contains(got, "MY_EXTRA") || strings.Contains(got, "CODE_FILE") {
			t.Errorf("%s: a redacted export wrote fields the redactor never saw:\n%q", in, got)
		}
	}
	var out, stderr bytes.Buffer
	if code := run([]string{"export", "-", "--format", "journal", "-o", "-"}, strings.NewReader(data), &out, &stderr); code != 0 || out.String() != data {
		t.Errorf("standard input: exit %d (%s), export:\n%q\nwant the input\n%q", code, stderr.String(), out.String(), data)
	}
}

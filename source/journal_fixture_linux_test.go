//go:build linux

package source

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// journalRemoteBin turns journal export text into a real journal file.
const journalRemoteBin = "/lib/systemd/systemd-journal-remote"

// journalRemoteDeadline bounds one run of journal-remote.
const journalRemoteDeadline = 3 * time.Minute

// journalFixtureDir holds the export-format fixtures shared with other tests.
const journalFixtureDir = "../testdata/journal"

// journalExportField is one FIELD=value of an export-format entry.
type journalExportField struct {
	key   string
	value []byte
}

// journalExportEntry is one entry of journal export format, fields in order.
type journalExportEntry []journalExportField

// get returns a field's value and whether the entry has it.
func (e journalExportEntry) get(key string) (string, bool) {
	for _, f := range e {
		if f.key == key {
			return string(f.value), true
		}
	}
	return "", false
}

// value returns a field's value, "" when absent.
func (e journalExportEntry) value(key string) string {
	v, _ := e.get(key)
	return v
}

// appendExport writes the entry in export format, using the binary form
// (name, newline, 64-bit little-endian size, bytes, newline) for values that
// the text form cannot carry.
func (e journalExportEntry) appendExport(dst []byte) []byte {
	for _, f := range e {
		if journalTextSafe(f.value) {
			dst = append(dst, f.key...)
			dst = append(dst, '=')
			dst = append(dst, f.value...)
		} else {
			dst = append(dst, f.key...)
			dst = append(dst, '\n')
			dst = binary.LittleEndian.AppendUint64(dst, uint64(len(f.value)))
			dst = append(dst, f.value...)
		}
		dst = append(dst, '\n')
	}
	return append(dst, '\n')
}

// journalTextSafe reports whether a value can use the FIELD=value form.
func journalTextSafe(v []byte) bool {
	if !utf8.Valid(v) {
		return false
	}
	for _, c := range v {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

// journalExport renders entries as one export-format stream.
func journalExport(entries []journalExportEntry) []byte {
	var out []byte
	for _, e := range entries {
		out = e.appendExport(out)
	}
	return out
}

// journalParseExport reads export-format text (both field forms).
func journalParseExport(b []byte) ([]journalExportEntry, error) {
	var entries []journalExportEntry
	var cur journalExportEntry
	for len(b) > 0 {
		line, rest, ok := bytes.Cut(b, []byte("\n"))
		if !ok {
			return nil, errors.New("export text ends without a newline")
		}
		b = rest
		if len(line) == 0 {
			if len(cur) > 0 {
				entries = append(entries, cur)
			}
			cur = nil
			continue
		}
		if key, value, ok := bytes.Cut(line, []byte("=")); ok {
			cur = append(cur, journalExportField{string(key), append([]byte(nil), value...)})
			continue
		}
		if len(b) < 8 {
			return nil, fmt.Errorf("binary field %s: size missing", line)
		}
		n := binary.LittleEndian.Uint64(b)
		if uint64(len(b)-8) < n+1 || b[8+n] != '\n' {
			return nil, fmt.Errorf("binary field %s: %d bytes announced, %d left", line, n, len(b)-8)
		}
		cur = append(cur, journalExportField{string(line), append([]byte(nil), b[8:8+n]...)})
		b = b[9+n:]
	}
	if len(cur) > 0 {
		entries = append(entries, cur)
	}
	return entries, nil
}

// journalLoadFixture parses testdata/journal/NAME.
func journalLoadFixture(tb testing.TB, name string) []journalExportEntry {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(journalFixtureDir, name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	entries, err := journalParseExport(b)
	if err != nil {
		tb.Fatalf("parse fixture %s: %v", name, err)
	}
	return entries
}

// journalRequireRemote fails the test, saying what to install, when
// systemd-journal-remote is missing: the journald tests need real journals.
func journalRequireRemote(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(journalRemoteBin); err != nil {
		tb.Fatalf("%s is missing (%v): install systemd-journal-remote (apt-get install systemd-journal-remote); "+
			"the journald tests build real journal files with it", journalRemoteBin, err)
	}
}

// journalWrite appends entries to the journal file at path (creating it)
// with systemd-journal-remote, and checks that every entry landed: it drops
// invalid entries without failing.
func journalWrite(tb testing.TB, path string, entries []journalExportEntry) {
	tb.Helper()
	journalRequireRemote(tb)
	before := journalCountFile(tb, path)
	// The deadline only guards against a hang: journal-remote makes a few
	// system calls per field, which a loaded machine can slow a hundredfold.
	ctx, cancel := context.WithTimeout(context.Background(), journalRemoteDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, journalRemoteBin, "--output="+path, "-")
	cmd.Stdin = bytes.NewReader(journalExport(entries))
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("%s --output=%s (%d entries, after %v): %v\n%s",
			journalRemoteBin, path, len(entries), time.Since(start).Round(time.Millisecond), err, out)
	}
	if got := journalCountFile(tb, path) - before; got != len(entries) {
		tb.Fatalf("journal-remote wrote %d of %d entries to %s (it drops invalid entries silently)",
			got, len(entries), path)
	}
}

// journalCountFile counts the entries of one journal file (0 if it does not
// exist), as journalctl sees them: one line of -o json per entry.
func journalCountFile(tb testing.TB, path string) int {
	tb.Helper()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return 0
	}
	out, err := exec.Command("journalctl", "--file="+path, "-o", "json", "--no-pager", "-q").Output()
	if err != nil {
		tb.Fatalf("journalctl --file=%s: %v", path, err)
	}
	return bytes.Count(out, []byte("\n"))
}

// journalBuildFixture builds a journal directory from a fixture and returns
// the directory, the journal file's path and the fixture's entries.
func journalBuildFixture(tb testing.TB, fixture string) (dir, file string, entries []journalExportEntry) {
	tb.Helper()
	entries = journalLoadFixture(tb, fixture)
	dir = tb.TempDir()
	file = filepath.Join(dir, "connector.journal")
	journalWrite(tb, file, entries)
	return dir, file, entries
}

// journalSyntheticEntries makes n entries of the connector unit in one boot and
// run, timestamped after the given microsecond clocks, with messages
// "<tag> 0000", "<tag> 0001", ...
func journalSyntheticEntries(tag, boot, invocation string, realtime, monotonic uint64, n int) []journalExportEntry {
	out := make([]journalExportEntry, n)
	for i := range out {
		out[i] = journalExportEntry{
			{"__REALTIME_TIMESTAMP", fmt.Appendf(nil, "%d", realtime+uint64(i)*1000)},
			{"__MONOTONIC_TIMESTAMP", fmt.Appendf(nil, "%d", monotonic+uint64(i)*1000)},
			{"_BOOT_ID", []byte(boot)},
			{"_HOSTNAME", []byte("connector-1")},
			{"_SYSTEMD_UNIT", []byte("twingate-connector.service")},
			{"SYSLOG_IDENTIFIER", []byte("twingate-connector")},
			{"_PID", []byte("702")},
			{"PRIORITY", []byte("6")},
			{"_SYSTEMD_INVOCATION_ID", []byte(invocation)},
			{"_TRANSPORT", []byte("stdout")},
			{"MESSAGE", fmt.Appendf(nil, "%s %04d", tag, i)},
		}
	}
	return out
}

// journalLastClocks returns the realtime and monotonic clocks of the last entry,
// plus a second, for entries that must come after it in the same boot.
func journalLastClocks(tb testing.TB, entries []journalExportEntry) (realtime, monotonic uint64) {
	tb.Helper()
	last := entries[len(entries)-1]
	if _, err := fmt.Sscan(last.value("__REALTIME_TIMESTAMP"), &realtime); err != nil {
		tb.Fatalf("fixture realtime: %v", err)
	}
	if _, err := fmt.Sscan(last.value("__MONOTONIC_TIMESTAMP"), &monotonic); err != nil {
		tb.Fatalf("fixture monotonic: %v", err)
	}
	return realtime + 1_000_000, monotonic + 1_000_000
}

// journalCursorOf returns journalctl's cursor of the i-th entry of dir.
func journalCursorOf(tb testing.TB, dir string, i int) string {
	tb.Helper()
	out, err := exec.Command("journalctl", "-D", dir, "-o", "json", "--output-fields=__CURSOR", "--no-pager", "-q").Output()
	if err != nil {
		tb.Fatalf("journalctl -D %s: %v", dir, err)
	}
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	if i >= len(lines) {
		tb.Fatalf("journalctl lists %d entries, not %d", len(lines), i+1)
	}
	var e struct {
		Cursor string `json:"__CURSOR"`
	}
	if err := json.Unmarshal(lines[i], &e); err != nil || e.Cursor == "" {
		tb.Fatalf("journalctl entry %d: %s (%v)", i, lines[i], err)
	}
	return e.Cursor
}

package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestJournalExportOfJournalJSON: a journal export of `journalctl -o json`
// text holds each entry as journalctl -o export writes it, every field
// with its value byte for byte, the cursor, times and boot first, read
// from a file or from standard input, its keys sorted (`jq -S -c .`) or
// not. (journalctl -o json does not keep the order of the other fields.)
func TestJournalExportOfJournalJSON(t *testing.T) {
	journal := filepath.Join(copiedJournalDir(t), "copied.journal")
	want := journalctl(t, "--file", journal, "-o", "export")
	lines := journalctl(t, "--file", journal, "-o", "json", "--all")
	t.Chdir(t.TempDir())
	for name, data := range map[string]string{"as written": lines, "keys sorted": keysSorted(t, lines)} {
		if err := os.WriteFile("j.json", []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		fromFile := exportOK(t, "export", "--format", "journal", "j.json")
		var fromStdin, errOut bytes.Buffer
		if code := run([]string{"export", "--format", "journal", "-"}, strings.NewReader(data), &fromStdin, &errOut); code != 0 {
			t.Fatalf("%s: standard input: exit %d: %s", name, code, errOut.String())
		}
		for input, got := range map[string]string{"file": fromFile, "standard input": fromStdin.String()} {
			got = journalEntriesOnly(got)
			if g, w := recordHeads(got), recordHeads(want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s: the records begin\n%q\nwant\n%q", name, input, g, w)
			}
			if g, w := exportFields(t, got), exportFields(t, want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s: the export's fields\n%q\nwant\n%q", name, input, g, w)
			}
		}
	}
}

// hostileJournalJSON are journal JSON lines with what the format allows:
// binary values, fields given twice (text and binary), a null MESSAGE,
// values of several lines, escapes, keys sorted.
const hostileJournalJSON = `{"__CURSOR":"s=1;i=1;b=22d374d78ac34ffb86b955ebf0524bb1;m=10;t=5eb61044c0800;x=1","__REALTIME_TIMESTAMP":"1666176800000000","__MONOTONIC_TIMESTAMP":"16","_BOOT_ID":"22d374d78ac34ffb86b955ebf0524bb1","PRIORITY":"6","_HOSTNAME":"h1","SYSLOG_IDENTIFIER":"systemd","_SYSTEMD_UNIT":"init.scope","MESSAGE":"Started \"Foo\" Service\t\u00e9.","CODE_FILE":"src/core/job.c"}
{"__CURSOR":"s=1;i=2;b=22d374d78ac34ffb86b955ebf0524bb1;m=11;t=5eb61044c0801;x=2","__REALTIME_TIMESTAMP":"1666176800000001","__MONOTONIC_TIMESTAMP":"17","_BOOT_ID":"22d374d78ac34ffb86b955ebf0524bb1","PRIORITY":"3","_HOSTNAME":"h1","SYSLOG_IDENTIFIER":"foo","MESSAGE":[104,105,27,91,51,49,109,255,10,108,105,110,101,50],"FOO":["a","b"],"BLOB":[[0,1],[2]]}
{"__CURSOR":"s=1;i=3;b=22d374d78ac34ffb86b955ebf0524bb1;m=12;t=5eb61044c0802;x=3","__REALTIME_TIMESTAMP":"1666176800000002","__MONOTONIC_TIMESTAMP":"18","_BOOT_ID":"22d374d78ac34ffb86b955ebf0524bb1","PRIORITY":"5","_HOSTNAME":"h1","SYSLOG_IDENTIFIER":"bar","MESSAGE":null,"X":"multi\nline"}
{"MESSAGE":["first","second"],"PRIORITY":"5","SYSLOG_IDENTIFIER":"bar","_BOOT_ID":"22d374d78ac34ffb86b955ebf0524bb1","_HOSTNAME":"h1","__CURSOR":"s=1;i=4;b=22d374d78ac34ffb86b955ebf0524bb1;m=13;t=5eb61044c0803;x=4","__MONOTONIC_TIMESTAMP":"19","__REALTIME_TIMESTAMP":"1666176800000003"}
`

// TestJournalExportOfJournalJSONFields reads the export of hostile journal
// JSON back, as the export format says to: each record has the fields of
// its line, and nothing else.
func TestJournalExportOfJournalJSONFields(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("j.json", []byte(hostileJournalJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	got := exportFields(t, exportOK(t, "export", "--format", "journal", "j.json"))
	if want := jsonFields(t, hostileJournalJSON); !reflect.DeepEqual(got, want) {
		t.Errorf("the export's fields\n%q\nwant those of the lines\n%q", got, want)
	}
}

// TestJournalExportOfJournalJSONImports: systemd-journal-remote makes a
// journal of the export of hostile journal JSON, whose entries have the
// fields of the lines (a new journal gives them cursors of its own).
func TestJournalExportOfJournalJSONImports(t *testing.T) {
	const remote = "/lib/systemd/systemd-journal-remote"
	if _, err := os.Stat(remote); err != nil {
		t.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh does)", remote)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("j.json", []byte(hostileJournalJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(remote, "--output=x.journal", "-")
	cmd.Stdin = strings.NewReader(exportOK(t, "export", "--format", "journal", "j.json"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, out)
	}
	got := jsonFields(t, journalctl(t, "--file", "x.journal", "-o", "json", "--all"))
	want := jsonFields(t, hostileJournalJSON)
	for _, fields := range append(got, want...) {
		delete(fields, "__CURSOR")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the journal's entries\n%q\nwant those of the lines\n%q", got, want)
	}
}

// journalctl runs journalctl with args and returns its output.
func journalctl(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("journalctl", append(args, "--no-pager")...).Output()
	if err != nil {
		t.Fatalf("journalctl %v: %v", args, err)
	}
	return string(out)
}

// journalEntriesOnly drops the records of the gaps and restarts connlog
// adds (CONNLOG_KIND) from a journal export.
func journalEntriesOnly(export string) string {
	var b strings.Builder
	for rec := range strings.SplitSeq(export, "\n\n") {
		if rec != "" && !strings.Contains(rec, "\nCONNLOG_KIND=") {
			b.WriteString(rec + "\n\n")
		}
	}
	return b.String()
}

// recordHeads are the first four lines of each record of a journal
// export: its cursor, times and boot, as journalctl -o export writes them.
func recordHeads(export string) []string {
	var heads []string
	for rec := range strings.SplitSeq(strings.TrimSuffix(export, "\n\n"), "\n\n") {
		lines := strings.SplitN(rec, "\n", 5)
		heads = append(heads, strings.Join(lines[:min(4, len(lines))], "\n"))
	}
	return heads
}

// exportFields reads each record of the journal export format, as
// systemd describes it, into its fields, each field's values sorted (the
// journal keeps no order among them).
func exportFields(t *testing.T, export string) []map[string][]string {
	t.Helper()
	data := []byte(export)
	var out []map[string][]string
	rec := map[string][]string{}
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		switch name, value, text := bytes.Cut(line, []byte("=")); {
		case len(line) == 0:
			out, rec = append(out, sortedValues(rec)), map[string][]string{}
		case text:
			rec[string(name)] = append(rec[string(name)], string(value))
		default:
			if len(data) < 8 || uint64(len(data)-8) < binary.LittleEndian.Uint64(data)+1 {
				t.Fatalf("binary field %s cut: %q", line, data)
			}
			n := binary.LittleEndian.Uint64(data)
			rec[string(line)] = append(rec[string(line)], string(data[8:8+n]))
			data = data[8+n+1:]
		}
	}
	return out
}

// jsonFields reads each line of journal JSON into its fields as
// journalctl -o json writes them: a string, an array of byte values, an
// array of either for a field given more than once, null for none.
func jsonFields(t *testing.T, lines string) []map[string][]string {
	t.Helper()
	var out []map[string][]string
	for line := range strings.SplitSeq(strings.TrimSuffix(lines, "\n"), "\n") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		rec := map[string][]string{}
		for name, raw := range obj {
			var many []json.RawMessage
			if json.Unmarshal(raw, &many) == nil && len(many) > 0 && (many[0][0] == '"' || many[0][0] == '[') {
				for _, one := range many {
					rec[name] = append(rec[name], jsonValue(t, one))
				}
			} else if string(raw) != "null" {
				rec[name] = append(rec[name], jsonValue(t, raw))
			}
		}
		out = append(out, sortedValues(rec))
	}
	return out
}

// jsonValue is one value of journal JSON: a string or its bytes.
func jsonValue(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var bytes []byte
	var numbers []int
	if err := json.Unmarshal(raw, &numbers); err != nil {
		t.Fatalf("value %s: %v", raw, err)
	}
	for _, n := range numbers {
		bytes = append(bytes, byte(n))
	}
	return string(bytes)
}

// sortedValues sorts the values of each field of rec.
func sortedValues(rec map[string][]string) map[string][]string {
	for _, values := range rec {
		slices.Sort(values)
	}
	return rec
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeInputs writes each file of files (name to content) in a new
// directory and returns their paths, in order of names.
func writeInputs(t *testing.T, files ...[2]string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// exportLines runs `connlog export --format raw -q q paths…` and returns
// the lines written.
func exportLines(t *testing.T, q string, paths []string) []string {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"export", "--format", "raw", "-q", q}, paths...)...)
	if code != 0 {
		t.Fatalf("-q %s: exit %d: %s", q, code, errOut)
	}
	if out == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

// TestExportFileSelectsAnInput: with several inputs merged, file: picks
// the lines of one by its base name or its path as named, glob or exact.
func TestExportFileSelectsAnInput(t *testing.T) {
	paths := writeInputs(t,
		[2]string{"a.log", "2026-12-05T22:00:00Z [INFO] [connector] a1\n2026-12-05T22:00:02Z [INFO] [connector] a2\n"},
		[2]string{"b-syslog.log", "2026-12-05T22:00:01Z [INFO] [connector] b1\n2026-12-05T22:00:03Z [INFO] [connector] b2\n"})
	for _, tc := range []struct{ query, want string }{
		{"file:b-syslog.log", "b1 b2"},
		{"file=a.log", "a1 a2"},
		{"file:b-*", "b1 b2"},
		{"file:" + paths[0], "a1 a2"},
		{"-file:a.log", "b1 b2"},
		{"file:*.log", "a1 b1 a2 b2"},
		{"file:a.log or b2", "a1 a2 b2"},
	} {
		var got []string
		for _, l := range exportLines(t, tc.query, paths) {
			got = append(got, l[strings.LastIndexByte(l, ' ')+1:])
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("-q %s: got %v, want %s", tc.query, got, tc.want)
		}
	}
}

// TestExportPhraseAsShownInJSONInputs: a phrase holding quotes, as the
// table shows a docker json-file record's or a journal JSON line's text,
// finds those lines, as it finds a plain line that holds it as it reads.
func TestExportPhraseAsShownInJSONInputs(t *testing.T) {
	paths := writeInputs(t,
		[2]string{"d.log", `{"log":"[INFO] [connector] processing \"health\" request\n","stream":"stderr","time":"2026-12-05T22:00:00Z"}` + "\n"},
		[2]string{"j.json", `{"__REALTIME_TIMESTAMP":"1796508001000000","_HOSTNAME":"gw-d","PRIORITY":"6","SYSLOG_IDENTIFIER":"twingate-connector","MESSAGE":"[INFO] [connector] processing \"health\" request"}` + "\n"},
		[2]string{"p.log", `2026-12-05T22:00:02Z [INFO] [connector] processing "health" request` + "\n"})
	for _, q := range []string{`"processing \"health\" request"`, `/processing "health" request/`} {
		if got := exportLines(t, q, paths); len(got) != 3 {
			t.Errorf("-q %s: %d lines, want 3: %q", q, len(got), got)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestMain(m *testing.M) {
	time.Local = time.UTC // fixtures with local times (syslog, newt) read the same everywhere
	os.Exit(m.Run())
}

// fixtureCopy copies a fixture into a temp dir with a fixed modification time
// (the syslog year is inferred from it) and moves the test there, so that the
// source names in the output are stable.
func fixtureCopy(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(rel, "testdata/realworld/") {
		data = withoutHeader(data)
	}
	dir := t.TempDir()
	name := filepath.Base(rel)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return name
}

// withoutHeader drops the "#" lines that cite a real-world fixture's
// sources: they are not part of the log.
func withoutHeader(data []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if !bytes.HasPrefix(line, []byte("#")) {
			out = append(out, line...)
		}
	}
	return out
}

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestExportGoldenNDJSON runs `connlog export --format ndjson` on every
// fixture and compares with the reviewed output in testdata/golden.
func TestExportGoldenNDJSON(t *testing.T) {
	fixtures := allFixtures(t)
	for _, f := range fixtures {
		rel := strings.TrimPrefix(f, "../../")
		golden := filepath.Join("..", "..", "testdata", "golden", strings.ReplaceAll(strings.TrimPrefix(rel, "testdata/"), "/", "-")+".ndjson")
		golden, _ = filepath.Abs(golden)
		t.Run(rel, func(t *testing.T) {
			name := fixtureCopy(t, rel)
			out, errOut, code := runCLI(t, "export", "--format", "ndjson", name)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			assertValidNDJSON(t, out)
			compareGolden(t, golden, maskReadTimes(out, time.Now()))
		})
	}
}

// allFixtures lists the fixtures of testdata/envelopes, payloads and
// realworld.
func allFixtures(t *testing.T) []string {
	t.Helper()
	fixtures, _ := filepath.Glob("../../testdata/envelopes/*.log")
	payloads, _ := filepath.Glob("../../testdata/payloads/*.log")
	realWorld, _ := filepath.Glob("../../testdata/realworld/*.log")
	fixtures = append(append(fixtures, payloads...), realWorld...)
	if len(fixtures) < 10 {
		t.Fatalf("found only %d fixtures", len(fixtures))
	}
	return fixtures
}

var rfc3339 = regexp.MustCompile(`"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"`)

// maskReadTimes replaces the times that are the moment the test read the
// fixture — lines with no time of their own carry it — so goldens are stable.
func maskReadTimes(out string, now time.Time) string {
	return rfc3339.ReplaceAllStringFunc(out, func(s string) string {
		ts, err := time.Parse(time.RFC3339Nano, strings.Trim(s, `"`))
		if err == nil && ts.Sub(now).Abs() < time.Hour {
			return `"<read time>"`
		}
		return s
	})
}

func assertValidNDJSON(t *testing.T, out string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
		}
		for _, k := range []string{"time", "level", "kind"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("line %d has no %q: %s", i+1, k, line)
			}
		}
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/connlog -update to create it, then review it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
}

func TestExportQueriesFromTheREADME(t *testing.T) {
	name := fixtureCopy(t, "testdata/payloads/analytics.log")
	out, errOut, code := runCLI(t, "export", "-q", "event:failed_to_connect or level>=error", "--format", "ndjson", name)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("no entries matched")
	}
	for _, l := range lines {
		var e struct {
			Level  string
			Fields struct {
				EventType string `json:"event_type"`
			}
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e.Fields.EventType != "failed_to_connect" && e.Level != "error" && e.Level != "critical" {
			t.Errorf("entry matched neither side of the query: %s", l)
		}
	}
}

func TestExportRawIsByteIdentical(t *testing.T) {
	for _, rel := range []string{"testdata/envelopes/docker-json.log", "testdata/payloads/service.log", "testdata/envelopes/cri.log"} {
		t.Run(rel, func(t *testing.T) {
			name := fixtureCopy(t, rel)
			out, errOut, code := runCLI(t, "export", "--format", "raw", name)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			want, _ := os.ReadFile(name)
			if out != string(want) {
				t.Errorf("raw export differs from the input (%d vs %d bytes)", len(out), len(want))
			}
		})
	}
}

// TestExportRawWithoutLastNewline: a finished file, or a stream that
// ended, whose last line has no newline is exported raw as it is, without
// one; a line written after such a line, from another input, still starts
// a line of its own; and the formats that write entries end theirs as
// always.
func TestExportRawWithoutLastNewline(t *testing.T) {
	const data = "2026-12-06T01:00:00Z [INFO] [connector] full\n2026-12-06T01:00:01Z [INFO] [connector] no newline at EOF"
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("nonl.log", []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("later.log", []byte("2026-12-06T01:00:02Z [INFO] [connector] later\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCLI(t, "export", "--format", "raw", "nonl.log"); code != 0 || out != data {
		t.Errorf("file: exit %d, %q (%s); want the file, %q", code, out, errOut, data)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"export", "--format", "raw", "-"}, strings.NewReader(data), &out, &errb); code != 0 || out.String() != data {
		t.Errorf("stream: exit %d, %q (%s); want the stream, %q", code, out.String(), errb.String(), data)
	}
	both := data + "\n2026-12-06T01:00:02Z [INFO] [connector] later\n"
	if out, errOut, code := runCLI(t, "export", "--format", "raw", "nonl.log", "later.log"); code != 0 || out != both {
		t.Errorf("two inputs: exit %d, %q (%s); want %q", code, out, errOut, both)
	}
	if out, errOut, code := runCLI(t, "export", "--format", "ndjson", "nonl.log"); code != 0 || strings.Count(out, "\n") != 2 || !strings.HasSuffix(out, "\n") {
		t.Errorf("ndjson: exit %d, %q (%s); want two lines, each ended", code, out, errOut)
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cases := []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"bad query names the column, from 1", []string{"export", "-q", "rx>", "x.log"}, 2, `bad query: expected a value after "rx>" at column 4 — `},
		{"unknown kind lists the kinds", []string{"export", "--kind", "bogus", "x.log"}, 2, "unknown kind (kinds: text, service, analytics,"},
		{"an empty --kind is refused", []string{"export", "--kind", "", "x.log"}, 2, "--kind needs a value"},
		{"unknown level lists the levels", []string{"export", "--level", "warnn", "x.log"}, 2, "unknown level (levels: none, trace, debug, info, notice, warn,"},
		{"bad format", []string{"export", "--format", "xml", "x.log"}, 2, "xml"},
		{"missing file", []string{"export", "nope.log"}, 1, "nope.log"},
		{"bad since", []string{"export", "--since", "yesterday-ish", "x.log"}, 2, "--since"},
		{"empty output path", []string{"export", "-o", "", "x.log"}, 2, "-o needs a path (or - for standard output)"},
		{"empty output path, long flag", []string{"export", "--output=", "x.log"}, 2, "-o needs a path"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, c.args...)
			if code != c.code || !strings.Contains(errOut, c.say) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, errOut, c.code, c.say)
			}
		})
	}
}

package main

import (
	"archive/tar"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHeadlessBundleManifestSaysWhatWasAsked: a bundle written by `connlog
// export` names the host of its entries, the window asked for (not the
// entries found in it) and the whole selection as a query, whose reopen
// command selects the bundle's entries of raw.log again.
func TestHeadlessBundleManifestSaysWhatWasAsked(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.tar")
	fixture, _ := filepath.Abs("../../testdata/envelopes/syslog.log")
	_, errOut, code := runCLI(t, "export", "--since", "2025-12-31 23:59:40.5", "--until", "2026-01-01T00:00:10Z",
		"--kind", "service", "--level", "info", "-q", "-health", "-o", out, fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	files := untar(t, out)
	var m struct {
		Host      string                    `json:"host"`
		Query     string                    `json:"query"`
		TimeRange struct{ From, To string } `json:"time_range"`
		Entries   int                       `json:"entries"`
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	// The window is the moments asked for, in UTC: the query means the
	// same wherever and whenever the bundle is reopened.
	wantQuery := `-health (kind=service) (level=info) since:2025-12-31T23:59:40.5Z until:2026-01-01T00:00:10Z`
	if m.Host != "ip-172-30-2-209" || m.Query != wantQuery ||
		m.TimeRange.From != "2025-12-31T23:59:40.5Z" || m.TimeRange.To != "2026-01-01T00:00:10Z" {
		t.Errorf("host %q, query %q, time range %+v\nwant ip-172-30-2-209, %q and the window asked for", m.Host, m.Query, m.TimeRange, wantQuery)
	}
	raw := filepath.Join(dir, "raw.log")
	if err := os.WriteFile(raw, files["raw.log"], 0o600); err != nil {
		t.Fatal(err)
	}
	again, _, _ := runCLI(t, "export", "--format", "raw", "-q", m.Query, raw)
	if m.Entries == 0 || again != string(files["raw.log"]) {
		t.Errorf("the query selects %q from raw.log, which holds %d entries %q", again, m.Entries, files["raw.log"])
	}
}

// TestHeadlessBundleManifestFixesARelativeWindow: --since or the query's
// until: given as a duration (or yesterday, or a time without a zone)
// names a moment that moves with the clock; the manifest's query names the
// moment it named when the bundle was written, so that reopening it later
// selects the same entries.
func TestHeadlessBundleManifestFixesARelativeWindow(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.tar")
	fixture, _ := filepath.Abs("../../testdata/envelopes/syslog.log")
	before := time.Now()
	_, errOut, code := runCLI(t, "export", "-q", "until:1m", "--since", "87600h", "-o", out, fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m struct {
		Query string `json:"query"`
	}
	if err := json.Unmarshal(untar(t, out)["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, term := range []struct {
		keyword string
		ago     time.Duration
	}{{"until:", time.Minute}, {"since:", 87600 * time.Hour}} {
		_, text, ok := strings.Cut(m.Query, term.keyword)
		text, _, _ = strings.Cut(text, " ")
		at, err := time.Parse(time.RFC3339Nano, text)
		if !ok || err != nil || !strings.HasSuffix(text, "Z") {
			t.Fatalf("query %q, want %s and the moment in UTC (%v)", m.Query, term.keyword, err)
		}
		if at.Before(before.Add(-term.ago).Add(-time.Minute)) || at.After(time.Now().Add(-term.ago)) {
			t.Errorf("%s%v, want the moment %v before the export", term.keyword, at, term.ago)
		}
	}
}

// untar returns the members of a tar file by name.
func untar(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := map[string][]byte{}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if files[h.Name], err = io.ReadAll(tr); err != nil {
			t.Fatal(err)
		}
	}
}

package ui

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"connlog/ui/exportdialog"
	"github.com/charmbracelet/x/exp/golden"
)

func TestGoldenExportDialog(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := goldenModel(t, sz[0], sz[1])
			m = drive(t, m, keys("g", "j", "v", "j", "j", "v", "m", "x", "down", "right", "down", "right", "down", "space")...)
			// Pseudonyms are keyed by a random secret per export, and so the
			// compressed size varies with them: mask both.
			s := pseudonym.ReplaceAllString(screen(m), "-<hash>")
			golden.RequireEqual(t, []byte(sizeEstimate.ReplaceAllString(s, "about <size>")))
		})
	}
}

var (
	pseudonym    = regexp.MustCompile(`-[0-9a-f]{12}`)
	sizeEstimate = regexp.MustCompile(`about [0-9.]+[KMGT]?i?B`)
)

// TestExportDialogScopes checks the count each scope gives.
func TestExportDialogScopes(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		count int
	}{
		{"selection of three rows", []string{"g", "j", "v", "j", "j", "v", "x"}, 3},
		{"marked rows", []string{"g", "m", "j", "j", "m", "x"}, 2},
		{"filtered view", []string{"2", "x"}, 6},
		{"time window, both ends included", []string{"x", "right", "down", "08:00:01", "down", "08:00:04"}, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, goldenModel(t, 120, 40), keys(c.keys...)...)
			if !m.dialog.IsOpen() || m.dialog.PlanErr() != "" {
				t.Fatalf("dialog open %v, plan error %q", m.dialog.IsOpen(), m.dialog.PlanErr())
			}
			if got := m.dialog.Plan().Seqs.Len(); got != c.count {
				t.Errorf("scope %s selects %d entries; want %d", m.dialog.Settings().Scope, got, c.count)
			}
			if m.dialog.Plan().Estimate <= 0 {
				t.Errorf("estimate %d; want a size", m.dialog.Plan().Estimate)
			}
		})
	}
}

// TestFlowExportCSVGzip writes the Connections tab as csv.gz to a temp dir
// through the dialog, as a person would, and reads the file back.
func TestFlowExportCSVGzip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "conns.csv.gz")
	l := startLive(t, fixtureEntries(), 120, 35)
	l.waitFor("15/15")
	l.press("2", "x")
	// The tab's gap and restart rows are counted apart; a CSV of its
	// kinds leaves them out.
	l.waitFor("Export", "4 entries and 2 gap or restart marks")
	l.press("down", "right", "down", "right")
	l.waitFor("4 entries (2 gap or restart marks left out: the format cannot hold them)")
	l.press("down", "down", "ctrl+u", path, "enter")
	l.waitFor("wrote " + path)
	l.press("esc")
	if m := l.final(); m.mode != ModeNormal {
		t.Errorf("mode after closing the dialog = %v", m.mode)
	}
	rows := readCSVGzip(t, path)
	if len(rows) != 1+4 { // header, then the four connection events (the gap and boundary are not connections)
		t.Fatalf("csv has %d rows; want header + 4:\n%v", len(rows), rows)
	}
	if !strings.Contains(strings.Join(rows[0], ","), "client_ip") {
		t.Errorf("header %v lacks the network-event columns", rows[0])
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("stat %v, mode %v; want a 0600 file", err, info.Mode())
	}
}

func readCSVGzip(t *testing.T, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("not csv: %v", err)
	}
	return rows
}

// TestExportDialogExistingFile asks before overwriting.
func TestExportDialogExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.ndjson")
	if err := os.WriteFile(path, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := goldenModel(t, 120, 40)
	m = drive(t, m, keys("x", "up", "ctrl+u", path, "enter")...)
	if m.dialog.State() != exportdialog.Confirm {
		t.Fatalf("state %v; want confirm", m.dialog.State())
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Fatal("the existing file changed before confirmation")
	}
	m = drive(t, m, keys("enter")...)
	if m.dialog.State() != exportdialog.Done {
		t.Fatalf("state %v (%s); want done", m.dialog.State(), m.dialog.Err())
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), `"kind":"analytics"`) {
		t.Errorf("file was not overwritten with the export: %.80q", b)
	}
}

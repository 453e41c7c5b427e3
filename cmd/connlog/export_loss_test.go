package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLongLineLossIsReported: a line longer than the maximum is cut; the
// export flags it, says so on stderr and, with --fail-on-loss, exits 3.
func TestLongLineLossIsReported(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log")
	long := "2026-11-20T10:00:00Z [INFO] " + strings.Repeat("x", 3<<20)
	if err := os.WriteFile(in, []byte("before\n"+long+"\nafter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "export", "--format", "ndjson", "-q", "-kind:gap", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var cut struct {
		Flags struct {
			Truncated bool `json:"truncated"`
		} `json:"flags"`
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d entries, want before, the cut line, after", len(lines))
	}
	if err := json.Unmarshal([]byte(lines[1]), &cut); err != nil || !cut.Flags.Truncated {
		t.Errorf("the cut line is not flagged truncated (%v)", err)
	}
	dropped := len(long) - 1<<20
	if !strings.Contains(stderr, "1 gap: ") || !strings.Contains(stderr, "line too long") || !strings.Contains(stderr, strconv.Itoa(dropped)+" bytes") {
		t.Errorf("stderr = %q, want a one-line loss summary of %d bytes", stderr, dropped)
	}
	if n := strings.Count(stderr, "\n"); n != 1 {
		t.Errorf("summary is %d lines", n)
	}
	_, stderr, code = runCLI(t, "export", "--fail-on-loss", "-o", filepath.Join(dir, "out.log"), in)
	if code != 3 || !strings.Contains(stderr, "--fail-on-loss") {
		t.Errorf("--fail-on-loss: exit %d, stderr %q", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "out.log")); err != nil || !bytes.Contains(data, []byte("after")) {
		t.Errorf("the export itself was not kept: %v", err)
	}
}

// TestBundleListsGapsTheQueryLeftOut: a bundle of a query's matches still
// lists the gaps of its range in its manifest.
func TestBundleListsGapsTheQueryLeftOut(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log")
	long := strings.Repeat("y", 2<<20)
	if err := os.WriteFile(in, []byte("secretA\n"+long+"\nsecretA again\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "b.tar")
	if _, stderr, code := runCLI(t, "export", "--format", "bundle", "-q", "secretA", "-o", out, in); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(out)
	if !regexp.MustCompile(`"reason": ?"line too long"`).Match(data) {
		t.Error("the manifest does not list the gap")
	}
}

// TestQueryWindowBoundsTheGapsLikeSince: the query's since: and until:
// are the requested range as --since and --until are, so a gap outside
// them is neither a loss of the export (--fail-on-loss exits 0) nor listed
// in a bundle's manifest, and a gap inside is, whichever form gave the
// window.
func TestQueryWindowBoundsTheGapsLikeSince(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "app.log")
	text := "2026-11-20T10:00:01Z [INFO] a\n2026-11-20T10:00:04Z [INFO] " + strings.Repeat("y", 2<<20) +
		"\n2026-11-20T10:00:06Z [INFO] b\n2026-11-20T10:00:08Z [INFO] " + strings.Repeat("z", 2<<20) +
		"\n2026-11-20T10:00:09Z [INFO] c\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	const since, until = "2026-11-20T10:00:05Z", "2026-11-20T10:00:07Z"
	for _, c := range []struct {
		window []string
		gaps   int // of the two, those inside the window
	}{
		{[]string{"-q", "-kind:gap and since:" + since}, 1},
		{[]string{"-q", "-kind:gap", "--since", since}, 1},
		{[]string{"-q", "-kind:gap and since:" + since + " and until:" + until}, 0},
		{[]string{"-q", "-kind:gap", "--since", since, "--until", until}, 0},
	} {
		out := filepath.Join(dir, "b.tar")
		args := append([]string{"export", "--fail-on-loss", "--force", "--format", "bundle", "-o", out}, c.window...)
		_, stderr, code := runCLI(t, append(args, in)...)
		var m struct{ Gaps []json.RawMessage }
		if err := json.Unmarshal(untar(t, out)["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		want := 0
		if c.gaps > 0 {
			want = 3
		}
		if code != want || len(m.Gaps) != c.gaps {
			t.Errorf("%q: exit %d, %d gaps listed, want %d and %d: %s", c.window, code, len(m.Gaps), want, c.gaps, stderr)
		}
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/source"
)

// followExport runs `connlog args…` (an export -f) in this process until
// the test ends, its standard output and error readable as it runs (the
// process has no command).
func followExport(t *testing.T, args ...string) *connlogProcess {
	t.Helper()
	p, stop := startExport(t, args...)
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("the export failed: %v; stderr %q", err, p.stderr.String())
		}
	})
	return p
}

// startExport runs `connlog args…` (an export -f) in this process until
// stop, which returns what the export returned; the test fails when it
// does not end once stopped.
func startExport(t *testing.T, args ...string) (p *connlogProcess, stop func() error) {
	t.Helper()
	p = &connlogProcess{}
	stdout, stderr := &p.stdout, &p.stderr
	cfg, err := parseArgs(args, stderr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runExport(ctx, cfg, strings.NewReader(""), stdout, stderr) }()
	var once sync.Once
	var result error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(10 * time.Second):
				t.Error("the export did not end when stopped")
			}
		})
		return result
	}
	t.Cleanup(func() { _ = stop() })
	return p, stop
}

func writeLog(t *testing.T, path, text string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(text), 0o644))
}

// TestExportFollowReadsTheNewFilesOfAPattern: `export -f` of
// 'DIR/*/*-json.log' while a container is recreated: the new container's
// log, which appeared after the start, is read from its start, under its
// own name; the old one's removal is no error; and a third appears after
// that.
func TestExportFollowReadsTheNewFilesOfAPattern(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "c1", "c1-json.log")
	writeLog(t, old, "2024-05-01T10:00:00Z old container\n")
	p := followExport(t, "export", "-f", "--format", "ndjson", filepath.Join(dir, "*", "*-json.log"))
	p.waitStdout(t, "old container")

	fresh := filepath.Join(dir, "c2", "c2-json.log")
	writeLog(t, fresh, "2024-05-01T10:00:01Z new container\n")
	p.waitStdout(t, "new container")
	must(t, os.RemoveAll(filepath.Join(dir, "c1")))
	third := filepath.Join(dir, "c3", "c3-json.log")
	writeLog(t, third, "2024-05-01T10:00:02Z third container\n")
	p.waitStdout(t, "third container")
	for _, l := range strings.Split(strings.TrimSpace(p.stdout.String()), "\n") {
		if strings.Contains(l, "new container") && !strings.Contains(l, `"name":"`+fresh+`"`) {
			t.Errorf("the new file's entry does not name it: %s", l)
		}
	}
	if strings.Contains(p.stderr.String(), "ERROR") || strings.Contains(p.stderr.String(), "fail") {
		t.Errorf("stderr %q", p.stderr.String())
	}
}

// TestExportFollowWaitsForAPatternThatMatchesNothingYet: followed, a
// pattern that matches nothing is said and waited for; its first file is
// read when it comes.
func TestExportFollowWaitsForAPatternThatMatchesNothingYet(t *testing.T) {
	dir := t.TempDir()
	pattern := filepath.Join(dir, "*.log")
	p := followExport(t, "export", "-f", "--format", "raw", pattern)
	p.waitStderr(t, "connlog: no file matches "+pattern+" yet: its files are read as they appear\n")
	writeLog(t, filepath.Join(dir, "app.log"), "hello\n")
	p.waitStdout(t, "hello\n")
}

// TestGlobJoinerOnlyWhileFollowing: the patterns are expanded again only
// when the inputs are followed.
func TestGlobJoinerOnlyWhileFollowing(t *testing.T) {
	cfg := Config{Files: []string{filepath.Join(t.TempDir(), "*.log")}}
	if newGlobJoiner(cfg, nil, false, nil, nil, joinHooks{}) != nil {
		t.Error("a pattern read once is watched")
	}
	if newGlobJoiner(cfg, nil, true, nil, nil, joinHooks{}) == nil {
		t.Error("a followed pattern is not watched")
	}
}

// TestGlobJoinerSaysOnceWhenNoIDIsLeft: past the last SourceID, the new
// files of a pattern are left out, and that is said once, on stderr and
// to the interface.
func TestGlobJoinerSaysOnceWhenNoIDIsLeft(t *testing.T) {
	dir := t.TempDir()
	var stderr strings.Builder
	var told []string
	cfg := Config{Files: []string{filepath.Join(dir, "*.log")}, notes: &stderr}
	join := newGlobJoiner(cfg, nil, true, nil, nil, joinHooks{refused: func(n string) { told = append(told, n) }})
	writeLog(t, filepath.Join(dir, "a.log"), "a\n")
	writeLog(t, filepath.Join(dir, "b.log"), "b\n")
	feeds := join.Find(model.SourceID(maxInputs - 1))
	if len(feeds) != 1 || feeds[0].ID != maxInputs-1 || feeds[0].Source.Name() != filepath.Join(dir, "a.log") {
		t.Fatalf("added %v; want a.log as the last input", feeds)
	}
	writeLog(t, filepath.Join(dir, "c.log"), "c\n")
	if feeds := join.Find(model.SourceID(maxInputs)); len(feeds) != 0 {
		t.Errorf("added %v past the last ID", feeds)
	}
	want := "connlog: " + filepath.Join(dir, "b.log") + " and later new files matching the patterns are not read: connlog reads at most 65535 inputs\n"
	if stderr.String() != want || len(told) != 1 {
		t.Errorf("stderr %q, told %q; want once %q", stderr.String(), told, want)
	}
	closeSources(feeds)
}

func closeSources(feeds []source.Feed) {
	for _, f := range feeds {
		if c, ok := f.Source.(interface{ Close() error }); ok {
			c.Close()
		}
	}
}

// TestTitleOfGlobsThatMatchNothingYet: the interface's title names the
// followed globs while no file matches them, not nothing.
func TestTitleOfGlobsThatMatchNothingYet(t *testing.T) {
	pattern := filepath.Join(t.TempDir(), "*", "*-json.log")
	if got := uiConfig(Config{Files: []string{pattern}}, nil, "", time.Now()).Title; got != pattern {
		t.Errorf("title %q, want %q", got, pattern)
	}
}

// TestGlobJoinerSkipsAnExportSavedBesideTheLogs: an export written from
// the interface into the directory of the pattern it follows, on its way
// and once committed, is not read back as a new log; a log that appears
// after it is.
func TestGlobJoinerSkipsAnExportSavedBesideTheLogs(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{Files: []string{filepath.Join(dir, "*.log")}}
	join := newGlobJoiner(cfg, nil, true, nil, nil, joinHooks{})
	out, err := export.CreateFile(filepath.Join(dir, "slice.log"), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := out.Write([]byte("2026-12-06T08:00:00Z [INFO] [connector] exported\n")); err != nil {
		t.Fatal(err)
	}
	if feeds := join.Find(0); len(feeds) != 0 {
		t.Fatalf("the export on its way was read: %v", feeds[0].Source.Name())
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	if feeds := join.Find(0); len(feeds) != 0 {
		t.Fatalf("the committed export was read: %v", feeds[0].Source.Name())
	}
	writeLog(t, filepath.Join(dir, "new.log"), "x\n")
	feeds := join.Find(0)
	if len(feeds) != 1 || feeds[0].Source.Name() != filepath.Join(dir, "new.log") {
		t.Fatalf("found %d inputs; want new.log alone", len(feeds))
	}
	closeSources(feeds)
}

// TestExportFollowReadsAFixedWindowRotationOnce: `export -f 'DIR/*.log'`
// while logback's FixedWindowRollingPolicy rotates app.log twice
// (app.1.log to app.2.log, app.log to app.1.log, a new app.log): the
// rotated files are the followed log's, whose lines came by following it,
// and are not read again under their new names, even once it has let go
// of them. Every line comes once, in order, under app.log.
func TestExportFollowReadsAFixedWindowRotationOnce(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	line := func(n int) string { return fmt.Sprintf("2024-05-01T10:00:%02dZ INFO seq=%d\n", n, n) }
	lines := func(from, to int) string {
		var b strings.Builder
		for n := from; n <= to; n++ {
			b.WriteString(line(n))
		}
		return b.String()
	}
	writeLog(t, at("app.log"), lines(1, 10))
	p := followExport(t, "export", "-f", "--format", "raw", filepath.Join(dir, "*.log"))
	p.waitStdout(t, line(10))
	for r := 1; r <= 2; r++ {
		if r > 1 {
			must(t, os.Rename(at("app.1.log"), at("app.2.log")))
		}
		must(t, os.Rename(at("app.log"), at("app.1.log")))
		writeLog(t, at("app.log"), lines(r*10+1, r*10+10))
		p.waitStdout(t, line(r*10+10)) // the follower has moved to the new app.log
	}
	// The pattern is expanded again at every poll (200ms): app.2.log has
	// been looked at a few times by now.
	time.Sleep(time.Second)
	f, err := os.OpenFile(at("app.log"), os.O_WRONLY|os.O_APPEND, 0)
	must(t, err)
	_, err = f.WriteString(line(31))
	must(t, errors.Join(err, f.Close()))
	p.waitStdout(t, line(31))
	if got, want := p.stdout.String(), lines(1, 31); got != want {
		t.Errorf("exported\n%s\nwant\n%s", got, want)
	}
}

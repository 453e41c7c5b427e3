package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/source"
)

// blockOpening makes opening the inputs block until the test ends, as
// opening /sys/kernel/tracing/trace_pipe does (its head is read to tell
// its format, and it has nothing to read until an event is traced).
func blockOpening(t *testing.T) {
	t.Helper()
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	saved := buildFeedsFunc
	buildFeedsFunc = func(Config, io.Reader, bool) ([]source.Feed, []sourceInfo, error) {
		<-release
		return nil, nil, nil
	}
	t.Cleanup(func() { buildFeedsFunc = saved })
}

// TestAStuckOpeningYieldsToSignals: an input whose opening never returns
// does not hold a signal back: export says nothing was written (and where)
// and leaves nothing at the path; summary says it was interrupted before
// reading anything.
func TestAStuckOpeningYieldsToSignals(t *testing.T) {
	blockOpening(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.log")
	run := func(f func(ctx context.Context, stderr io.Writer) error) error {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		done := make(chan error, 1)
		go func() { done <- f(ctx, io.Discard) }()
		select {
		case err := <-done:
			return err
		case <-time.After(5 * time.Second):
			t.Fatal("the signal did not end the run")
		}
		return nil
	}
	cfg := Config{Export: true, Files: []string{"/sys/kernel/tracing/trace_pipe"}, Output: out, Format: "raw", Compress: "none"}
	err := run(func(ctx context.Context, stderr io.Writer) error {
		return runExport(ctx, cfg, strings.NewReader(""), &bytes.Buffer{}, stderr)
	})
	if err == nil || err.Error() != "interrupted: nothing was written to "+out {
		t.Errorf("export: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	err = run(func(ctx context.Context, stderr io.Writer) error {
		return runSummary(ctx, Config{Files: cfg.Files}, summaryFlags{}, strings.NewReader(""), &bytes.Buffer{}, stderr)
	})
	if err == nil || !strings.HasPrefix(err.Error(), "interrupted: the summary covers only the 0 entries") {
		t.Errorf("summary: %v", err)
	}
}

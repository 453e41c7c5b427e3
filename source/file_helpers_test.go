package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// waitLimit bounds every wait in these tests; they never sleep to
// synchronise, they wait on the output channel or a condition.
const waitLimit = 20 * time.Second

// running is a source started by start: its output and its end.
type running struct {
	t      *testing.T
	out    chan []model.Record
	cancel context.CancelFunc
	done   chan error
	got    []model.Record
	lines  int // ordinary records in got
}

// start runs src in a goroutine; the test's cleanup cancels it and checks
// that Run returned.
func start(t *testing.T, src Source) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, out: make(chan []model.Record, 4), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- src.Run(ctx, r.out) }()
	t.Cleanup(func() { r.stop() })
	return r
}

// stop cancels the run and returns Run's result, failing if it does not
// return promptly.
func (r *running) stop() error {
	r.cancel()
	deadline := time.After(waitLimit)
	for {
		select {
		case err := <-r.done:
			r.done <- err // keep it for a second stop
			return err
		case b := <-r.out:
			r.receive(b)
		case <-deadline:
			r.t.Fatalf("Run did not return after cancel")
			return nil
		}
	}
}

// waitUntil collects batches until cond holds for everything received so
// far, failing after waitLimit with a description of what arrived.
func (r *running) waitUntil(what string, cond func([]model.Record) bool) []model.Record {
	r.t.Helper()
	deadline := time.After(waitLimit)
	for !cond(r.got) {
		select {
		case b := <-r.out:
			r.receive(b)
		case err := <-r.done:
			r.done <- err
			r.t.Fatalf("waiting for %s: Run returned %v; got %d records: %s", what, err, len(r.got), describe(r.got))
		case <-deadline:
			r.t.Fatalf("waiting for %s: timed out; got %d records: %s", what, len(r.got), describe(r.got))
		}
	}
	return r.got
}

// waitLines waits until n ordinary lines have arrived.
func (r *running) waitLines(n int) []model.Record {
	r.t.Helper()
	return r.waitUntil(fmt.Sprintf("%d lines", n), func([]model.Record) bool { return r.lines >= n })
}

// receive takes one batch, holding it to the batch contract.
func (r *running) receive(b []model.Record) {
	r.t.Helper()
	checkBatch(r.t, b)
	r.got = append(r.got, b...)
	for _, rec := range b {
		if rec.Mark == model.MarkLine {
			r.lines++
		}
	}
}

// finish collects until Run returns by itself and returns its error.
func (r *running) finish() error {
	r.t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case b := <-r.out:
			r.receive(b)
		case err := <-r.done:
			r.done <- err
			// Batches sent before Run returned are already in the channel.
			for {
				select {
				case b := <-r.out:
					r.receive(b)
				default:
					return err
				}
			}
		case <-deadline:
			r.t.Fatalf("Run did not end; got %d records", len(r.got))
		}
	}
}

// checkBatch holds every batch to the batch contract.
func checkBatch(t *testing.T, b []model.Record) {
	t.Helper()
	if len(b) == 0 || len(b) > batchMaxRecords {
		t.Fatalf("batch of %d records, want 1..%d", len(b), batchMaxRecords)
	}
}

// waitFor polls cond (a state the source exposes only by method) until it
// holds, failing after waitLimit.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(waitLimit)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// lineTexts returns the Raw of the ordinary records.
func lineTexts(rs []model.Record) []string {
	var out []string
	for _, r := range rs {
		if r.Mark == model.MarkLine {
			out = append(out, string(r.Raw))
		}
	}
	return out
}

// gaps returns the gap records.
func gaps(rs []model.Record) []model.Record {
	var out []model.Record
	for _, r := range rs {
		if r.Mark == model.MarkGap {
			out = append(out, r)
		}
	}
	return out
}

func describe(rs []model.Record) string {
	var b strings.Builder
	for i, r := range rs {
		if i == 12 {
			fmt.Fprintf(&b, " … (%d more)", len(rs)-i)
			break
		}
		if r.Mark == model.MarkGap {
			fmt.Fprintf(&b, " [gap %q %d]", r.Note, r.Count)
			continue
		}
		fmt.Fprintf(&b, " %q@%d", trim(string(r.Raw), 40), r.Offset)
	}
	return b.String()
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// numbered returns n distinct lines "prefix-000000 …", without newlines.
func numbered(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%06d some text to make the line longer", prefix, i)
	}
	return out
}

// joinLines renders lines as file content, each ending in '\n'.
func joinLines(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// appendTo appends s to the file at path, creating it.
func appendTo(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// logPath returns a path for a log file in a fresh temporary directory.
func logPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "app.log")
}

// equalLines fails unless got equals want exactly, in order.
func equalLines(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
	}
	if i := firstDiff(got, want); i >= 0 {
		t.Fatalf("line %d: got %q, want %q", i, trim(got[i], 80), trim(want[i], 80))
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

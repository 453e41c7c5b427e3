package source

import (
	"bytes"
	"context"
	"testing"
	"time"

	"connlog/model"
)

// receive collects batches until stop says enough or the deadline passes.
func receive(t *testing.T, out <-chan []model.Record, deadline time.Duration, stop func([][]model.Record) bool) [][]model.Record {
	t.Helper()
	timeout := time.After(deadline)
	var got [][]model.Record
	for !stop(got) {
		select {
		case b := <-out:
			got = append(got, b)
		case <-timeout:
			t.Fatalf("after %v: %d batches, still waiting", deadline, len(got))
		}
	}
	return got
}

func count(batches [][]model.Record) int {
	n := 0
	for _, b := range batches {
		n += len(b)
	}
	return n
}

func runDemo(t *testing.T, ctx context.Context, d *Demo) (<-chan []model.Record, <-chan error) {
	t.Helper()
	out := make(chan []model.Record)
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx, out) }()
	return out, done
}

func TestDemoBackfillThenLive(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const backfill = 2500
	start := time.Now()
	demo := NewDemo(3, DemoOptions{Seed: 1, Backfill: backfill, Rate: 400})
	out, done := runDemo(t, ctx, demo)
	batches := receive(t, out, 10*time.Second, func(b [][]model.Record) bool { return count(b) >= backfill+200 })
	if got := demo.State(); got != "live" {
		t.Errorf("State after the backfill = %q", got)
	}
	lines := 0
	var prev time.Time
	for i, b := range batches {
		if len(b) == 0 || len(b) > demoBatchRecords {
			t.Fatalf("batch %d has %d records", i, len(b))
		}
		for _, r := range b {
			if r.Mark == model.MarkLine {
				lines++
			}
			if r.Received.Before(prev) {
				t.Fatalf("record times go back: %v after %v", r.Received, prev)
			}
			prev = r.Received
			checkDemoRecord(t, r)
			if lines == backfill && r.Received.After(time.Now()) {
				t.Fatalf("the last backfill line is in the future: %v", r.Received)
			}
			if lines > backfill && r.Received.Before(start) {
				t.Fatalf("live line %d dated %v, before the demo started at %v", lines, r.Received, start)
			}
		}
	}
	if full := batches[0]; len(full) != demoBatchRecords {
		t.Errorf("the backfill came in a batch of %d; want full batches of %d", len(full), demoBatchRecords)
	}
	d := NewDemo(0, DemoOptions{})
	if got := d.State(); got != "starting" {
		t.Errorf("State before Run = %q", got)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v after cancel", err)
		}
		if got := demo.State(); got != "stopped" {
			t.Errorf("State after Run = %q", got)
		}
	case <-time.After(waitLimit):
		t.Fatalf("Run did not stop within %v of cancel", waitLimit)
	}
}

func checkDemoRecord(t *testing.T, r model.Record) {
	t.Helper()
	j := r.Journal
	if j == nil || r.Offset != -1 || r.Source != 3 {
		t.Fatalf("record without journald shape: %+v", r)
	}
	if j.Unit != "twingate-connector.service" || j.Identifier != "twingate-connector" || j.Hostname != "demo-connector" ||
		j.Priority != 6 || j.Transport != "stdout" || j.PID == 0 || len(j.InvocationID) != 32 || len(j.BootID) != 32 {
		t.Fatalf("journal fields %+v", *j)
	}
	if (r.Mark == model.MarkLine) == (len(r.Raw) == 0) {
		t.Fatalf("mark %v with %d raw bytes", r.Mark, len(r.Raw))
	}
}

func TestDemoRestartBoundaries(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const backfill = 30000
	out, _ := runDemo(t, ctx, NewDemo(0, DemoOptions{Seed: 2, Backfill: backfill, Rate: 100, RestartEvery: 20 * time.Second}))
	batches := receive(t, out, 20*time.Second, func(b [][]model.Record) bool { return count(b) >= backfill })
	var recs []model.Record
	for _, b := range batches {
		recs = append(recs, b...)
	}
	boundaries := 0
	var last model.Record
	for i, r := range recs {
		if r.Mark != model.MarkBoundary {
			if r.Mark == model.MarkLine {
				last = r
			}
			continue
		}
		boundaries++
		next := recs[i+1]
		if r.Note != "restart" || next.Mark != model.MarkLine || !bytes.Equal(next.Raw, []byte("[INFO] [connector] State: Offline")) {
			t.Fatalf("boundary %q followed by %q", r.Note, next.Raw)
		}
		if last.Journal.PID == next.Journal.PID || last.Journal.InvocationID == next.Journal.InvocationID {
			t.Fatalf("the new process kept pid %d / invocation %s", next.Journal.PID, next.Journal.InvocationID)
		}
		if *r.Journal != *next.Journal {
			t.Fatalf("the boundary's fields %+v differ from the new process's %+v", *r.Journal, *next.Journal)
		}
	}
	if boundaries < 3 {
		t.Fatalf("%d restart boundaries in %d records", boundaries, len(recs))
	}
}

func TestDemoDurationEnds(t *testing.T) {
	start := time.Now()
	out, done := runDemo(t, context.Background(), NewDemo(0, DemoOptions{Seed: 4, Backfill: -1, Rate: 500, Duration: 300 * time.Millisecond}))
	n := 0
	for {
		select {
		case b := <-out:
			for _, r := range b {
				n++
				if r.Received.After(start.Add(time.Second)) {
					t.Fatalf("record dated %v, after the 300ms demo that began at %v", r.Received, start)
				}
			}
		case err := <-done:
			if err != nil || n == 0 {
				t.Fatalf("Run returned %v after %d records", err, n)
			}
			return
		case <-time.After(waitLimit):
			t.Fatalf("a 300ms demo still runs after %v (%d records)", waitLimit, n)
		}
	}
}

func TestDemoStopsWhileBlocked(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	_, done := runDemo(t, ctx, NewDemo(0, DemoOptions{Seed: 5, Backfill: 5000}))
	cancel() // nobody ever reads: Run must not hang on its first send
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Run blocked on a send after cancel")
	}
}

func TestDemoLiveBatchesAreTimely(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, _ := runDemo(t, ctx, NewDemo(0, DemoOptions{Seed: 6, Backfill: -1, Rate: 40}))
	batches := receive(t, out, 5*time.Second, func(b [][]model.Record) bool { return len(b) >= 3 })
	for i, b := range batches {
		if len(b) >= demoBatchRecords {
			t.Errorf("live batch %d waited for %d records: at 40 lines/s batches should go out by age", i, len(b))
		}
		if lag := time.Since(b[0].Received); lag > 5*time.Second {
			t.Errorf("live batch %d is %v late", i, lag)
		}
	}
}

//go:build linux

package source

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// journalTestDeadline bounds every wait in these tests. It only guards
// against a hang: CI machines are shared, and a loaded one under the race
// detector can be many times slower than a desk.
const journalTestDeadline = time.Minute

// journalRead runs a non-following source to its end and returns every record.
func journalRead(tb testing.TB, opts JournalOptions) ([]model.Record, error) {
	tb.Helper()
	opts.Follow = false
	j := NewJournal(3, opts)
	out := make(chan []model.Record)
	done := make(chan error, 1)
	ctx, cancel := context.WithTimeout(context.Background(), journalTestDeadline)
	defer cancel()
	go func() { done <- j.Run(ctx, out) }()
	var recs []model.Record
	for {
		select {
		case batch := <-out:
			recs = append(recs, batch...)
		case err := <-done:
			if ctx.Err() != nil {
				tb.Fatalf("reading the journal took longer than %v", journalTestDeadline)
			}
			return recs, err
		}
	}
}

// journalFollower runs a following source in the background.
type journalFollower struct {
	tb        testing.TB
	j         *Journal
	cancel    context.CancelFunc
	out       chan []model.Record
	done      chan error
	following chan struct{}
	got       []model.Record
}

// journalStart starts a following source and returns once it follows.
func journalStart(tb testing.TB, opts JournalOptions) *journalFollower {
	tb.Helper()
	return journalStartWith(tb, opts, nil)
}

// journalStartWith is journalStart with setup, when set, called on the
// source before it runs.
func journalStartWith(tb testing.TB, opts JournalOptions, setup func(*Journal)) *journalFollower {
	tb.Helper()
	opts.Follow = true
	f := &journalFollower{tb: tb, j: NewJournal(3, opts), out: make(chan []model.Record),
		done: make(chan error, 1), following: make(chan struct{})}
	if setup != nil {
		setup(f.j)
	}
	f.j.onFollow = func() { close(f.following) }
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	go func() { f.done <- f.j.Run(ctx, f.out) }()
	tb.Cleanup(func() { f.stop() })
	deadline := time.After(journalTestDeadline)
	for {
		select {
		case <-f.following:
			return f
		case batch := <-f.out:
			f.got = append(f.got, batch...)
		case err := <-f.done:
			tb.Fatalf("the source ended before following: %v", err)
		case <-deadline:
			tb.Fatalf("the source did not start following within %v", journalTestDeadline)
		}
	}
}

// collectUntil receives batches until some line record's raw text is want.
func (f *journalFollower) collectUntil(want string) {
	f.tb.Helper()
	deadline := time.After(journalTestDeadline)
	for !journalHasLine(f.got, want) {
		select {
		case batch := <-f.out:
			f.got = append(f.got, batch...)
		case err := <-f.done:
			f.tb.Fatalf("the source ended (%v) before %q arrived; got:\n%s", err, want, journalDescribe(f.got))
		case <-deadline:
			f.tb.Fatalf("%q did not arrive within %v; got:\n%s", want, journalTestDeadline, journalDescribe(f.got))
		}
	}
}

// stop cancels the source and returns how long Run took to return.
func (f *journalFollower) stop() time.Duration {
	f.tb.Helper()
	f.cancel()
	start := time.Now()
	for {
		select {
		case err := <-f.done:
			if err != nil {
				f.tb.Errorf("Run after cancel: %v", err)
			}
			f.done <- nil // later stops return at once
			return time.Since(start)
		case batch := <-f.out:
			f.got = append(f.got, batch...)
		case <-time.After(journalTestDeadline):
			f.tb.Fatalf("Run did not return within %v of cancel", journalTestDeadline)
		}
	}
}

// hasLine reports whether an ordinary record's raw text is want.
func journalHasLine(recs []model.Record, want string) bool {
	for _, r := range recs {
		if r.Mark == model.MarkLine && string(r.Raw) == want {
			return true
		}
	}
	return false
}

// lines returns the raw text of the ordinary records, in order.
func journalLines(recs []model.Record) []string {
	var out []string
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			out = append(out, string(r.Raw))
		}
	}
	return out
}

// journalDescribe renders records one per line for failure messages.
func journalDescribe(recs []model.Record) string {
	var b strings.Builder
	for i, r := range recs {
		unit := ""
		if r.Journal != nil {
			unit = r.Journal.Unit
		}
		switch r.Mark {
		case model.MarkLine:
			fmt.Fprintf(&b, "%3d line     %-28s %q\n", i, unit, r.Raw)
		case model.MarkGap:
			fmt.Fprintf(&b, "%3d gap      %-28s %s (%d)\n", i, unit, r.Note, r.Count)
		default:
			fmt.Fprintf(&b, "%3d boundary %-28s %s\n", i, unit, r.Note)
		}
	}
	return b.String()
}

// journalFixtureMessages returns the MESSAGE of each entry keep accepts, in order.
func journalFixtureMessages(entries []journalExportEntry, keep func(journalExportEntry) bool) []string {
	var out []string
	for _, e := range entries {
		if keep(e) {
			out = append(out, e.value("MESSAGE"))
		}
	}
	return out
}

// journalEqualLines compares two line lists and explains the first difference.
func journalEqualLines(got, want []string) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("missing line %d: %q (got %d lines, want %d)", i, want[i], len(got), len(want))
		case i >= len(want):
			return fmt.Sprintf("extra line %d: %q (got %d lines, want %d)", i, got[i], len(got), len(want))
		case got[i] != want[i]:
			return fmt.Sprintf("line %d: got %q, want %q", i, got[i], want[i])
		}
	}
	return ""
}

// journalSameRecords compares records field by field, ignoring when gaps
// were noticed (they are stamped with the time of reading).
func journalSameRecords(t *testing.T, got, want []model.Record) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		if i >= len(got) || i >= len(want) {
			t.Fatalf("native read %d records, libsystemd %d\nnative:\n%s\nlibsystemd:\n%s",
				len(got), len(want), journalDescribe(got), journalDescribe(want))
		}
		g, w := got[i], want[i]
		if g.Mark == model.MarkGap && g.Journal == nil {
			g.Received = w.Received
		}
		if !reflect.DeepEqual(g.Journal, w.Journal) {
			t.Fatalf("record %d: journald fields\n got %+v\nwant %+v", i, g.Journal, w.Journal)
		}
		g.Journal, w.Journal = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("record %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// journalReadWith reads the journal to its end with the named reader.
func journalReadWith(t *testing.T, opts JournalOptions, reader string) []model.Record {
	t.Helper()
	opts.Reader = reader
	recs, err := journalRead(t, opts)
	if err != nil {
		t.Fatalf("%s reader: %v", reader, err)
	}
	return recs
}

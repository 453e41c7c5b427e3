package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
)

// linesAt returns n batches of size lines, the i-th line of all stamped
// start plus i milliseconds.
func linesAt(start time.Time, n, size int) [][]model.Record {
	var out [][]model.Record
	for k := range n {
		var b []model.Record
		for j := range size {
			i := k*size + j
			t := start.Add(time.Duration(i) * time.Millisecond)
			b = append(b, model.Record{Raw: fmt.Appendf(nil, "%s [INFO] [connector] line %d", t.Format(time.RFC3339Nano), i), Offset: int64(i) * 64})
		}
		out = append(out, b)
	}
	return out
}

// Two inputs read together whose entries are all later in one than in the
// other (the logs of two days): the later one is not decoded ahead of the
// merge by more than the merger's bound and what is in flight, and the
// timeline comes out whole and in order.
func TestMergeBoundsWhatALaterInputQueues(t *testing.T) {
	defer func(n int) { mergeQueueMax = n }(mergeQueueMax)
	mergeQueueMax = 100
	const batches, size = 400, 10
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	early := &scripted{batches: linesAt(day, batches, size)}
	late := &scripted{batches: linesAt(day.Add(24*time.Hour), batches, size)}
	// What may be decoded past the bound: a batch in each channel and stage
	// between the source and the merger, generously.
	bound := int64(mergeQueueMax + 40*size)
	var worst atomic.Int64
	early.before = func(int) {
		if n := late.sent.Load(); n > worst.Load() {
			worst.Store(n)
		}
	}
	var got []model.Entry
	sink := func(es []model.Entry, _ bool) {
		for _, e := range es {
			got = append(got, model.Entry{Time: e.Time})
		}
	}
	done := make(chan struct{})
	go func() {
		Ingest(context.Background(), []Feed{{ID: 0, Source: early}, {ID: 1, Source: late}}, sink, nil)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the merge never ended: an input waits for room that never comes")
	}
	if w := worst.Load(); w > bound {
		t.Errorf("while the earlier input was read, the later one had sent %d lines; at most %d may wait", w, bound)
	}
	if len(got) != 2*batches*size {
		t.Fatalf("%d entries came out of %d", len(got), 2*batches*size)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Time.Before(got[i-1].Time) {
			t.Fatalf("entry %d (%v) comes out after a later one (%v)", i, got[i].Time, got[i-1].Time)
		}
	}
}

// A quiet input holds the others back while it may still send earlier
// lines: when it ends (a file read without following), and when it is
// followed but has not marked that it has read what it held at the start.
// A followed input that has marked, or that never marks (standard input),
// holds nothing back once quiet for mergeIdleAfter.
func TestMergeWaitsForAQuietInputUntilItCatchesUp(t *testing.T) {
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	mark := []model.Record{}
	for _, tc := range []struct {
		name  string
		feed  Feed
		first [][]model.Record // sent at once, before the quiet
		holds bool
	}{
		{"finite", Feed{Finite: true}, nil, true},
		{"followed before its mark", Feed{CatchesUp: true}, nil, true},
		{"followed after its mark", Feed{CatchesUp: true}, [][]model.Record{mark}, false},
		{"followed without marks", Feed{}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			release := make(chan struct{})
			batches := append(append(tc.first, linesAt(day, 3, 10)...), mark)
			slow := &scripted{batches: batches, before: func(k int) {
				if k == len(tc.first) {
					<-release // quiet well past mergeIdleAfter
				}
			}}
			later := &scripted{batches: append(linesAt(day.Add(time.Hour), 3, 10), mark)}
			var mu sync.Mutex
			var got []time.Time
			sink := func(es []model.Entry, _ bool) {
				mu.Lock()
				defer mu.Unlock()
				for _, e := range es {
					got = append(got, e.Time)
				}
			}
			done := make(chan struct{})
			slowFeed, laterFeed := tc.feed, tc.feed
			slowFeed.ID, slowFeed.Source = 0, slow
			laterFeed.ID, laterFeed.Source = 1, later
			go func() {
				Ingest(context.Background(), []Feed{slowFeed, laterFeed}, sink, nil)
				close(done)
			}()
			time.Sleep(10 * mergeIdleAfter)
			mu.Lock()
			early := len(got)
			mu.Unlock()
			close(release)
			<-done
			if tc.holds && early != 0 {
				t.Errorf("%d entries of the later input came out while the earlier one was quiet", early)
			}
			if !tc.holds && early == 0 {
				t.Errorf("a quiet input held the other back")
			}
			if len(got) != 60 {
				t.Fatalf("%d entries came out of 60", len(got))
			}
			if tc.holds {
				for i := 1; i < len(got); i++ {
					if got[i].Before(got[i-1]) {
						t.Fatalf("entry %d (%v) comes out after a later one (%v)", i, got[i], got[i-1])
					}
				}
			}
		})
	}
}

// Two followed files, the earlier of which is slow to open (a cold disk, a
// busy machine) or ends in a line not yet terminated (its writer is in the
// middle of it): the later one's lines wait until the earlier has been read
// to its end, and the timeline comes out in order. The unterminated line
// waits for its newline, which never comes here: it must not hold the
// later file's lines back.
func TestFollowedFilesWaitForTheEarlierToCatchUp(t *testing.T) {
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		slowOpen bool
		tail     string // written after the earlier file's lines
		entries  int    // the entries tail makes
	}{
		{"slow to open", true, "", 0},
		{"an unterminated last line", false, "2026-02-10T08:00:01Z [INFO] [connector] half writ", 0},
		{"a multi-line entry at its end", false, "[2026-02-10T08:00:01.000000+00:00] [INFO] [client] Environment Information:\n    OS: Ubuntu 24.04.3 LTS\n    Kernel: 6.14.0-33-generic\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name string, start time.Time, tail string) string {
				var b []byte
				for _, batch := range linesAt(start, 3, 10) {
					for _, r := range batch {
						b = append(append(b, r.Raw...), '\n')
					}
				}
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, append(b, tail...), 0o600); err != nil {
					t.Fatal(err)
				}
				return path
			}
			earlier, later := write("earlier.log", day, tc.tail), write("later.log", day.Add(time.Hour), "")
			opts := FileOptions{Follow: true, MarkCaughtUp: true}
			slow := opts
			if tc.slowOpen {
				slow.Open = func(name string) (*os.File, error) {
					time.Sleep(10 * mergeIdleAfter)
					return os.Open(name)
				}
			}
			feeds := []Feed{
				{ID: 0, Source: NewFile(earlier, 0, slow), CatchesUp: true},
				{ID: 1, Source: NewFile(later, 1, opts), CatchesUp: true},
			}
			want := 60 + tc.entries
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			var got []time.Time
			sink := func(es []model.Entry, _ bool) {
				for _, e := range es {
					got = append(got, e.Time)
				}
				if len(got) >= want {
					cancel()
				}
			}
			Ingest(ctx, feeds, sink, nil)
			if len(got) != want {
				t.Fatalf("%d entries came out of %d", len(got), want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Before(got[i-1]) {
					t.Fatalf("entry %d (%v) comes out after a later one (%v)", i, got[i], got[i-1])
				}
			}
		})
	}
}

// A followed file's mark comes after every line the file held when it was
// opened, and only when asked for.
func TestFollowedFileMarksAfterWhatItHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.log")
	var b []byte
	for i := range 1000 {
		b = fmt.Appendf(b, "2026-02-10T08:00:00Z [INFO] [connector] line %d\n", i)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, mark := range []bool{true, false} {
		t.Run(fmt.Sprintf("mark=%v", mark), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out := make(chan []model.Record)
			done := make(chan error, 1)
			go func() { done <- NewFile(path, 0, FileOptions{Follow: true, MarkCaughtUp: mark}).Run(ctx, out) }()
			lines, marks := 0, 0
			deadline := time.After(3 * time.Second)
			for lines < 1000 || (mark && marks == 0) {
				select {
				case batch := <-out:
					if len(batch) == 0 {
						marks++
						if lines != 1000 {
							t.Fatalf("the mark came after %d of the 1000 lines", lines)
						}
					}
					lines += len(batch)
				case <-deadline:
					t.Fatalf("%d lines and %d marks after 3 s", lines, marks)
				}
			}
			select {
			case batch := <-out:
				t.Fatalf("a batch of %d records after the mark, with nothing appended", len(batch))
			case <-time.After(5 * mergeIdleAfter):
			}
			cancel()
			<-done
			if !mark && marks != 0 {
				t.Fatalf("%d marks sent unasked", marks)
			}
		})
	}
}

// Each of a few inputs may queue mergeQueueMax entries; many share
// mergeQueueTotal, each still at least mergeQueueLeast.
func TestQueueBoundIsShared(t *testing.T) {
	for _, c := range []struct{ inputs, want int }{
		{1, mergeQueueMax}, {4, mergeQueueMax}, {8, mergeQueueTotal / 8}, {50, mergeQueueTotal / 50}, {300, mergeQueueLeast},
	} {
		if got := queueBound(c.inputs); got != c.want {
			t.Errorf("queueBound(%d) = %d, want %d", c.inputs, got, c.want)
		}
	}
}

// A file's batches are smaller when many files are read at once.
func TestBatchRecordsShare(t *testing.T) {
	for _, c := range []struct{ files, want int }{
		{0, batchMaxRecords}, {1, batchMaxRecords}, {4, batchMaxRecords}, {8, batchShared / 8}, {32, batchLeast}, {300, batchLeast},
	} {
		if got := BatchRecordsShare(c.files); got != c.want {
			t.Errorf("BatchRecordsShare(%d) = %d, want %d", c.files, got, c.want)
		}
	}
}

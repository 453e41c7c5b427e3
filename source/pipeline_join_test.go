package source

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"connlog/model"
)

// joinLog records, in order, what reaches the merge's goroutine: the
// inputs that join and the entries of each input.
type joinLog struct {
	mu     sync.Mutex
	events []string
}

func (l *joinLog) add(s string) {
	l.mu.Lock()
	l.events = append(l.events, s)
	l.mu.Unlock()
}

func (l *joinLog) has(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Contains(l.events, s)
}

func (l *joinLog) index(s string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Index(l.events, s)
}

// TestIngestJoiningAddsAnInputToARunningMerge: a followed file is merged;
// an input found once the merge runs joins it under the next ID, the sink
// hears of it before its first entry, and its lines arrive; the merge ends
// with ctx.
func TestIngestJoiningAddsAnInputToARunningMerge(t *testing.T) {
	dir := t.TempDir()
	first, late := filepath.Join(dir, "first.log"), filepath.Join(dir, "late.log")
	if err := os.WriteFile(first, []byte("first line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	follow := FileOptions{Follow: true, MarkCaughtUp: true}
	var log joinLog
	var mu sync.Mutex
	found := false
	join := &Joining{
		Every: 10 * time.Millisecond,
		Find: func(next model.SourceID) []Feed {
			mu.Lock()
			defer mu.Unlock()
			if _, err := os.Stat(late); err != nil || found {
				return nil
			}
			found = true
			return []Feed{{ID: next, Source: NewFile(late, next, follow), CatchesUp: true}}
		},
		Joined: func(feeds []Feed) {
			for _, f := range feeds {
				log.add("joined " + f.Source.Name())
			}
		},
	}
	sink := func(es []model.Entry, _ bool) {
		for _, e := range es {
			log.add(string(e.Raw) + " from " + string(rune('0'+e.Source)))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		IngestJoining(ctx, []Feed{{ID: 0, Source: NewFile(first, 0, follow), CatchesUp: true}}, join, sink, nil)
		close(done)
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the merge did not end with ctx")
		}
	}()
	waitFor(t, "the first file's line", func() bool { return log.has("first line from 0") })
	if err := os.WriteFile(late, []byte("late line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the late file's line", func() bool { return log.has("late line from 1") })
	if j, l := log.index("joined "+late), log.index("late line from 1"); j < 0 || j > l {
		t.Errorf("the sink heard of the input at %d, its line at %d: %q", j, l, log.events)
	}
}

// TestIngestWithoutJoiningEnds: with nothing to join, a merge of inputs
// that end ends, as it always did.
func TestIngestWithoutJoiningEnds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.log")
	if err := os.WriteFile(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan int)
	go func() {
		n := 0
		Ingest(context.Background(), []Feed{{Source: NewFile(path, 0, FileOptions{}), Finite: true}}, func(es []model.Entry, _ bool) { n += len(es) }, nil)
		done <- n
	}()
	select {
	case n := <-done:
		if n != 1 {
			t.Errorf("%d entries, want 1", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the merge did not end")
	}
}

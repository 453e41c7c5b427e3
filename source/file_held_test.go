package source

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"connlog/model"
)

// An unfinished line held for longer than the quiet time is said, with its
// length and first bytes: not sooner (a line cut by a read is finished a
// moment later), and no longer once its newline came or it was flushed.
func TestFramerSaysItHoldsAnUnfinishedLine(t *testing.T) {
	q := newQuietFramer(0)
	var held heldLine
	q.fr.held = &held
	q.feedThenWait(t, "first\nERROR crash", 0, 500*time.Millisecond)
	if got := held.report(q.now); got != (model.HeldLine{}) {
		t.Fatalf("held for half the quiet time: %+v, want nothing said", got)
	}
	q.now = q.now.Add(600 * time.Millisecond)
	if got, want := held.report(q.now), (model.HeldLine{Bytes: 11, Head: "ERROR crash"}); got != want {
		t.Fatalf("held past the quiet time: %+v, want %+v", got, want)
	}
	// More of it comes: held since its first bytes, it is said at once.
	q.feedThenWait(t, " nonl", 17, 0)
	if got, want := held.report(q.now), (model.HeldLine{Bytes: 16, Head: "ERROR crash nonl"}); got != want {
		t.Fatalf("grown: %+v, want %+v", got, want)
	}
	q.feedThenWait(t, "\n", 22, 2*time.Second)
	if got := held.report(q.now); got != (model.HeldLine{}) {
		t.Fatalf("its newline came: %+v, want nothing said", got)
	}
	long := strings.Repeat("x", 3*heldHeadBytes)
	q.feedThenWait(t, long, 23, 2*time.Second)
	if got := held.report(q.now); got.Bytes != int64(len(long)) || got.Head != long[:heldHeadBytes] {
		t.Fatalf("a long line: %d bytes, head of %d, want %d and %d", got.Bytes, len(got.Head), len(long), heldHeadBytes)
	}
	if err := q.fr.flush(q.now, NotePartialLine); err != nil {
		t.Fatal(err)
	}
	if got := held.report(q.now.Add(time.Hour)); got != (model.HeldLine{}) {
		t.Fatalf("flushed: %+v, want nothing said", got)
	}
}

// A followed file whose last line has no newline yet says so in its
// status, which the interface shows: a crashed writer's last words are not
// an entry (the line may still be finished) but are not hidden either. The
// newline ends it, and the line is one entry.
func TestFileStatusSaysItHoldsAnUnfinishedLine(t *testing.T) {
	path := logPath(t)
	const last = "2026-02-10T08:00:03Z ERROR crash nonl"
	appendTo(t, path, "2026-02-10T08:00:00Z INFO first\n"+last)
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.quietAfter = 20 * time.Millisecond
	var mu sync.Mutex
	var states []model.SourceStatus
	entries := 0
	held := func() model.HeldLine {
		mu.Lock()
		defer mu.Unlock()
		if len(states) == 0 {
			return model.HeldLine{}
		}
		return states[0].Held
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Ingest(ctx, []Feed{{ID: 1, Source: src}}, func(es []model.Entry, _ bool) {
			mu.Lock()
			entries += len(es)
			mu.Unlock()
		}, func(st []model.SourceStatus) {
			mu.Lock()
			states = st
			mu.Unlock()
		})
	}()
	defer func() { cancel(); <-done }()
	want := model.HeldLine{Bytes: int64(len(last)), Head: last}
	waitFor(t, "the held line in the status", func() bool { return held() == want })
	appendTo(t, path, "\n")
	waitFor(t, "the status without a held line", func() bool { return held() == model.HeldLine{} })
	waitFor(t, "the line as one entry", func() bool { mu.Lock(); defer mu.Unlock(); return entries == 2 })
	mu.Lock()
	defer mu.Unlock()
	if entries != 2 || states[0].State != "following" {
		t.Fatalf("%d entries, state %q; want 2, following", entries, states[0].State)
	}
}

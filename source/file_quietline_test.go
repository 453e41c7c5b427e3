package source

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// quietFramer is a framer with its records, and a clock the test moves.
type quietFramer struct {
	fr   *lineFramer
	recs []model.Record
	b    *batcher
	now  time.Time
}

func newQuietFramer(maxLine int) *quietFramer {
	q := &quietFramer{now: time.Unix(100, 0), b: newBatcher(make(chan []model.Record, 16))}
	q.fr = newLineFramer(1, maxLine, func(r model.Record) error { q.recs = append(q.recs, r); return nil })
	q.fr.quietAfter = time.Second
	return q
}

// feedThenWait feeds s at off and lets the input stay quiet for wait,
// running the deadlines a reading loop runs.
func (q *quietFramer) feedThenWait(t *testing.T, s string, off int64, wait time.Duration) {
	t.Helper()
	if err := q.fr.feed([]byte(s), off, q.now); err != nil {
		t.Fatal(err)
	}
	lastData := q.now
	q.now = q.now.Add(wait)
	if err := onDeadlines(context.Background(), q.now, q.b, q.fr, lastData); err != nil {
		t.Fatal(err)
	}
}

// A line whose newline comes long after its first bytes (a block-buffered
// writer, a slow one) is one record whatever the pause: a consumer that
// cannot take a record back (a followed export) must never get its first
// part alone.
func TestQuietInputHoldsTheLineUntilItsNewline(t *testing.T) {
	for _, pause := range []time.Duration{500 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second, 10 * time.Second} {
		q := newQuietFramer(0)
		first := `2026-12-05T10:00:01.100Z ANALYTICS {"event_type":"closed_connection","connection":{"id":"L1","rx":`
		q.feedThenWait(t, "whole\n"+first, 0, pause)
		if _, waiting := nextWake(newBatcher(nil), q.fr, q.now); waiting {
			t.Fatalf("pause %v: a held line still asks for a wake-up: the loop would spin", pause)
		}
		q.feedThenWait(t, "5000000}}\nnext\n", int64(len("whole\n"+first)), 0)
		equalLines(t, lineTexts(q.recs), []string{"whole", first + "5000000}}", "next"})
		wantOffsets := []int64{0, 6, int64(len("whole\n" + first + "5000000}}\n"))}
		for i, r := range q.recs {
			if r.Note != "" || r.Offset != wantOffsets[i] {
				t.Fatalf("pause %v: record %q at %d noted %q, want at %d", pause, r.Raw, r.Offset, r.Note, wantOffsets[i])
			}
		}
	}
}

// The rest of a line cut at the line limit is dropped up to its newline
// however long that takes: a pause in it does not make its tail a line.
func TestQuietInputGoesOnDroppingACutLine(t *testing.T) {
	q := newQuietFramer(8)
	q.feedThenWait(t, "0123456789ab", 0, 3*time.Second)
	q.feedThenWait(t, "cd\nnext\n", 12, 0)
	want := `"01234567"@0 [gap "line too long" 6] "next"@15`
	if got := strings.TrimSpace(describe(q.recs)); got != want {
		t.Fatalf("records %s, want %s", got, want)
	}
}

// A run of NULs at the end of a quiet input is still counted once the
// input is quiet: it is a gap, no line is cut by it.
func TestQuietInputCountsANULRun(t *testing.T) {
	q := newQuietFramer(0)
	q.feedThenWait(t, "a\n\x00\x00", 0, 2*time.Second)
	q.feedThenWait(t, "b\n", 4, 0)
	if got, want := strings.TrimSpace(describe(q.recs)), `"a"@0 [gap "nul bytes" 2] "b"@4`; got != want {
		t.Fatalf("records %s, want %s", got, want)
	}
}

// A followed file whose writer pauses mid-line sends the line whole once
// its newline comes, and nothing of it before, however long the pause.
func TestFileQuietLineWaitsForItsNewline(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "whole\nno newline yet")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.quietAfter = 20 * time.Millisecond
	r := start(t, src)
	r.waitLines(1)
	time.Sleep(20 * src.quietAfter) // many quiet times, and polls
	appendTo(t, path, " — the rest\nnext\n")
	got := r.waitLines(3)
	equalLines(t, lineTexts(got), []string{"whole", "no newline yet — the rest", "next"})
	for _, rec := range got {
		raw, err := src.ReadRaw(rec.Offset, len(rec.Raw), nil)
		if rec.Note != "" || err != nil || string(raw) != string(rec.Raw) {
			t.Fatalf("record %q noted %q re-reads as %q, %v", rec.Raw, rec.Note, raw, err)
		}
	}
}

// A line never finished before its file is renamed away is as complete
// as it will ever be once the writer has moved to the new file: it is sent
// then, whole, with no partial flag, before the new file's lines.
func TestFileHeldLineSentWhenTheFileIsRotated(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "before\nnever finished")
	src := NewFile(path, 1, FileOptions{Follow: true})
	src.quietAfter = 20 * time.Millisecond
	src.grace = 100 * time.Millisecond
	r := start(t, src)
	r.waitLines(1)
	time.Sleep(10 * src.quietAfter)
	rotateByRename(t, path, "after\n")
	got := r.waitLines(3)
	equalLines(t, lineTexts(got), []string{"before", "never finished", "after"})
	if got[1].Note != "" {
		t.Fatalf("the rotated file's last line is noted %q", got[1].Note)
	}
}

// A followed file that holds an unterminated line when it is opened still
// says it caught up once it has been quiet (the merge would otherwise hold
// every other input back until the line is finished), and the line comes
// whole when it is.
func TestFollowedFileMarksWhileALineIsHeld(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "one\nhalf")
	src := NewFile(path, 1, FileOptions{Follow: true, MarkCaughtUp: true})
	src.quietAfter = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan []model.Record, 4)
	go func() { _ = src.Run(ctx, out) }()
	var got []model.Record
	deadline := time.After(waitLimit)
	for marked := false; len(got) < 2; {
		select {
		case b := <-out:
			if len(b) == 0 {
				marked = true
				if len(got) != 1 {
					t.Fatalf("the mark came after %s", describe(got))
				}
				appendTo(t, path, " written\n")
			}
			got = append(got, b...)
		case <-deadline:
			t.Fatalf("marked %v, records %s", marked, describe(got))
		}
	}
	equalLines(t, lineTexts(got), []string{"one", "half written"})
}

// Standard input (a pipe: `tail -f x | connlog`) holds a line whose writer
// pauses in it until its newline, and sends what it holds when it ends.
func TestStdinQuietLineWaitsForItsNewline(t *testing.T) {
	pr, pw := io.Pipe()
	src := NewStdin(pr, 1)
	src.quietAfter = 20 * time.Millisecond
	r := start(t, src)
	write := func(s string) {
		if _, err := pw.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	write("one\ntw")
	r.waitLines(1)
	time.Sleep(20 * src.quietAfter)
	write("o\nthr")
	r.waitLines(2)
	if src.State() != "reading" {
		t.Fatalf("State = %q", src.State())
	}
	pw.Close()
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"one", "two", "thr"})
	if notes := []string{r.got[1].Note, r.got[2].Note}; notes[0] != "" || notes[1] != NoteLastLine {
		t.Fatalf("notes %q, want none and %q", notes, NoteLastLine)
	}
}

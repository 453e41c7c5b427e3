package source

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
)

// untimedBatches returns batches of lines without a time, named after
// name, every record received at received.
func untimedBatches(name string, batches, size int, received time.Time) [][]model.Record {
	var out [][]model.Record
	for k := range batches {
		var b []model.Record
		for j := range size {
			i := k*size + j
			b = append(b, model.Record{Raw: fmt.Appendf(nil, "%s line %d", name, i), Offset: int64(i) * 32, Received: received})
		}
		out = append(out, b)
	}
	return out
}

// ingestRaw runs Ingest over feeds and returns the lines in the order the
// timeline has them, with their times: until the inputs end, or, when
// until is more than 0, until that many have come (a followed file does
// not end).
func ingestRaw(t *testing.T, feeds []Feed, until int) ([]string, []time.Time) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var lines []string
	var times []time.Time
	var came atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
			for _, e := range es {
				lines, times = append(lines, string(e.Raw)), append(times, e.Time)
			}
			came.Store(int64(len(lines)))
			if until > 0 && len(lines) >= until {
				cancel()
			}
		}, nil)
	}()
	// A merge that stops sending fails; one that is slow, on a machine busy
	// with other tests, goes on.
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	last, since := int64(-1), time.Now()
	for {
		select {
		case <-done:
			return lines, times
		case <-tick.C:
			if n := came.Load(); n != last {
				last, since = n, time.Now()
			} else if time.Since(since) > mergeStallLimit {
				cancel()
				<-done
				t.Fatalf("the merge stopped: no line for %v after %d lines", mergeStallLimit, len(lines))
			}
		}
	}
}

// mergeStallLimit is how long ingestRaw waits for the next lines. An
// input whose lines have no time holds up to maxLeadEntries of them back
// before it sends any, and on a machine busy with other tests (under the
// race detector) reading that many took over 20 s.
const mergeStallLimit = 90 * time.Second

// concat returns the lines of batches, in order.
func concat(inputs ...[][]model.Record) []string {
	var out []string
	for _, in := range inputs {
		for _, b := range in {
			for _, r := range b {
				out = append(out, string(r.Raw))
			}
		}
	}
	return out
}

// Lines without a time of their own, of several inputs read together, keep
// the inputs' order (a rotation chain oldest first, files in the order
// named), however their reads happened to be timed: the input read last
// here had its lines received first. Lines with times keep their order.
func TestUntimedLinesKeepTheInputsOrder(t *testing.T) {
	now := time.Now()
	day := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	oldest := untimedBatches("oldest", 3, 5, now.Add(3*time.Hour))
	middle := untimedBatches("middle", 3, 5, now.Add(2*time.Hour))
	newest := untimedBatches("newest", 3, 5, now.Add(time.Hour))
	early, late := linesAt(day, 2, 5), linesAt(day.Add(5*time.Millisecond/2), 2, 5)
	for _, c := range []struct {
		name   string
		inputs [][][]model.Record
		want   []string
	}{
		{"no line has a time", [][][]model.Record{oldest, middle, newest}, concat(oldest, middle, newest)},
		{"among lines with times", [][][]model.Record{early, oldest, late, middle, newest},
			append(byTime(early, late), concat(oldest, middle, newest)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			var feeds []Feed
			for i, b := range c.inputs {
				feeds = append(feeds, Feed{ID: model.SourceID(i), Source: &scripted{batches: b}, Finite: true})
			}
			got, _ := ingestRaw(t, feeds, 0)
			equalLines(t, got, c.want)
		})
	}
}

// byTime merges the lines of two inputs of linesAt by the times they start
// with, the first input's on ties.
func byTime(a, b [][]model.Record) []string {
	la, lb := concat(a), concat(b)
	at := func(l string) time.Time {
		t, _ := time.Parse(time.RFC3339Nano, strings.Fields(l)[0])
		return t
	}
	var out []string
	for len(la) > 0 || len(lb) > 0 {
		if len(lb) == 0 || len(la) > 0 && !at(lb[0]).Before(at(la[0])) {
			out, la = append(out, la[0]), la[1:]
		} else {
			out, lb = append(out, lb[0]), lb[1:]
		}
	}
	return out
}

// A followed file's lines without a time that it held at the start are
// dated when reading began, as the other inputs' are; a line it brings
// after it has read what it held, with nothing to inherit, was written
// then, and is dated when read.
func TestUntimedLinesAfterCatchingUpAreDatedWhenRead(t *testing.T) {
	before := time.Now()
	held := untimedBatches("held", 1, 2, before.Add(2*time.Hour))
	written := untimedBatches("written", 1, 1, before.Add(time.Hour))
	feeds := []Feed{
		{ID: 0, Source: &scripted{batches: append(held, nil)}, CatchesUp: true},
		{ID: 1, Source: &scripted{batches: append([][]model.Record{nil}, written...)}, CatchesUp: true},
	}
	got, times := ingestRaw(t, feeds, 0)
	equalLines(t, got, concat(held, written))
	after := time.Now()
	for i := range 2 {
		if times[i].Before(before) || times[i].After(after) {
			t.Errorf("%q, held at the start, is dated %v, not when reading began (%v to %v)", got[i], times[i], before, after)
		}
	}
	if w := written[0][0].Received; !times[2].Equal(w) {
		t.Errorf("%q, written after the file was read, is dated %v, want when it was read, %v", got[2], times[2], w)
	}
}

// Standard input or a named pipe beside a file (neither Finite nor
// CatchesUp) may bring its lines long after the start: its lines without a
// time keep the time they were read, while the file's are dated when
// reading began.
func TestUntimedLinesOfAStreamAreDatedWhenRead(t *testing.T) {
	before := time.Now()
	piped := untimedBatches("piped", 2, 2, before.Add(time.Hour))
	file := untimedBatches("file", 1, 2, before.Add(2*time.Hour))
	feeds := []Feed{
		{ID: 0, Source: &scripted{batches: piped}},
		{ID: 1, Source: &scripted{batches: file}, Finite: true},
	}
	got, times := ingestRaw(t, feeds, 0)
	after := time.Now()
	if len(got) != 6 {
		t.Fatalf("%d lines came: %q", len(got), got)
	}
	for i, line := range got {
		switch {
		case strings.HasPrefix(line, "piped") && !times[i].Equal(piped[0][0].Received):
			t.Errorf("%q, piped in, is dated %v, want when it was read, %v", line, times[i], piped[0][0].Received)
		case strings.HasPrefix(line, "file") && (times[i].Before(before) || times[i].After(after)):
			t.Errorf("%q, of a file, is dated %v, not when reading began (%v to %v)", line, times[i], before, after)
		}
	}
}

// A rotation chain of logs without times, each sibling much longer than a
// read batch and than the lines held back while none has a time, comes
// out as the siblings' concatenation, oldest first, as export reads it and
// as the TUI does (following the live file).
func TestRotatedChainWithoutTimesKeepsItsOrder(t *testing.T) {
	const lines = 200_000
	live := filepath.Join(t.TempDir(), "app.log")
	oldest, middle, newest := numbered("oldest", lines), numbered("middle", lines), numbered("newest", lines)
	writeFile(t, live+".2.gz", gzipped(t, joinLines(oldest)))
	writeFile(t, live+".1", []byte(joinLines(middle)))
	writeFile(t, live, []byte(joinLines(newest)))
	want := slices.Concat(oldest, middle, newest)
	inputs, err := ExpandInputs([]string{live}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 3 {
		t.Fatalf("inputs %+v, want the two siblings and the live file", inputs)
	}
	for _, follow := range []bool{false, true} {
		t.Run(fmt.Sprintf("follow=%v", follow), func(t *testing.T) {
			var feeds []Feed
			for i, in := range inputs {
				opts := FileOptions{Follow: follow, MarkCaughtUp: follow, ReuseBlocks: follow, StreamOnly: !follow,
					RecentBytes: RecentBytesShare(len(inputs)), BatchRecords: BatchRecordsShare(len(inputs))}
				followed := follow && in.Follow
				feeds = append(feeds, Feed{ID: model.SourceID(i), Source: NewInput(in, model.SourceID(i), opts, nil),
					Finite: !followed, CatchesUp: followed})
			}
			got, _ := ingestRaw(t, feeds, len(want))
			equalLines(t, got, want)
		})
	}
}

package source

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// timeline is what a store holding a tail-first file's records looks like:
// ordinary batches appended, backfill batches prepended.
type timeline struct {
	t        *testing.T
	recs     []model.Record
	batches  int
	backfill int // backfill batches seen
	nLines   int // line records in recs, kept as batches come: counting them each time is quadratic
}

// add applies one batch, holding it to the batch contract: 1..batchMaxRecords
// records, all backfill or none.
func (tl *timeline) add(b []model.Record) {
	tl.t.Helper()
	checkBatch(tl.t, b)
	for _, r := range b[1:] {
		if r.Backfill != b[0].Backfill {
			tl.t.Fatalf("a batch mixes backfill and ordinary records: %s", describe(b))
		}
	}
	tl.batches++
	for _, r := range b {
		if r.Mark == model.MarkLine {
			tl.nLines++
		}
	}
	if b[0].Backfill {
		tl.backfill++
		tl.recs = append(append([]model.Record(nil), b...), tl.recs...)
		releaseStored(b)
		return
	}
	tl.recs = append(tl.recs, b...)
}

// releaseStored tells the source its records are stored, as the ingest
// loop does once its sink has taken a batch (see model.Record.Release).
func releaseStored(b []model.Record) {
	for _, r := range b {
		if r.Release != nil {
			r.Release()
		}
	}
}

// collect applies batches from r until cond holds, failing after waitLimit.
func (tl *timeline) collect(r *running, what string, cond func() bool) {
	tl.t.Helper()
	// The limit is on a stall, not on the whole read: a big file under the
	// race detector, on a machine busy with other tests, may take longer
	// than waitLimit while batches keep coming.
	stall := time.NewTimer(waitLimit)
	defer stall.Stop()
	for !cond() {
		select {
		case b := <-r.out:
			tl.add(b)
			stall.Reset(waitLimit)
		case err := <-r.done:
			r.done <- err
			for len(r.out) > 0 {
				tl.add(<-r.out)
			}
			if !cond() {
				tl.t.Fatalf("waiting for %s: Run returned %v; have %d records", what, err, len(tl.recs))
			}
			return
		case <-stall.C:
			tl.t.Fatalf("waiting for %s: nothing came for %v, with %d records: %s", what, waitLimit, len(tl.recs), describe(tl.recs))
		}
	}
}

func (tl *timeline) lines() int { return tl.nLines }

// checkOffsets verifies that every line's offset is where a forward read
// would have put it, and that the file re-reads it.
func checkOffsets(t *testing.T, f *File, content string, recs []model.Record) {
	t.Helper()
	off := int64(0)
	for _, r := range recs {
		if r.Mark != model.MarkLine {
			continue
		}
		if r.Offset != off {
			t.Fatalf("line %q at offset %d, a forward read says %d", trim(string(r.Raw), 40), r.Offset, off)
		}
		raw, err := f.ReadRaw(r.Offset, len(r.Raw), nil)
		if err != nil || string(raw) != string(r.Raw) {
			t.Fatalf("ReadRaw(%d) = %q, %v; want %q", r.Offset, trim(string(raw), 40), err, trim(string(r.Raw), 40))
		}
		off += int64(len(r.Raw)) + 1
	}
	if off < int64(len(content)) && strings.HasSuffix(content, "\n") {
		t.Fatalf("lines end at %d, the file at %d", off, len(content))
	}
}

// varied returns n lines of lengths that wander between 1 and about 150
// bytes, so that block edges fall anywhere in a line.
func varied(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%06d %s", i, strings.Repeat("x", (i*37)%140))
	}
	return out
}

func TestTailFirstSendsEveryLineOnceInOrder(t *testing.T) {
	cases := []struct {
		name    string
		content string
		sizes   tailFirstSizes
	}{
		{"tiny blocks", joinLines(varied(3000)), tailFirstSizes{min: 1, tail: 1000, blockBytes: 100}},
		{"blocks of a few lines", joinLines(varied(3000)), tailFirstSizes{min: 1, tail: 5000, blockBytes: 1000}},
		{"block larger than the head", joinLines(varied(500)), tailFirstSizes{min: 1, tail: 200, blockBytes: 1 << 20}},
		{"lines longer than a block", joinLines(numbered("long", 400)), tailFirstSizes{min: 1, tail: 300, blockBytes: 10}},
		{"tail longer than the file", joinLines(varied(50)), tailFirstSizes{min: 1, tail: 1 << 20, blockBytes: 100}},
		{"block edge on a line start", joinLines(numbered("even", 1000)), tailFirstSizes{min: 1, tail: 45 * 100, blockBytes: 45 * 7}},
		{"default sizes", joinLines(varied(120000)), tailFirstSizes{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, tc.content)
			f := NewFile(path, 1, FileOptions{Follow: true, TailFirst: true})
			f.tailSizes = tc.sizes
			want := strings.Split(strings.TrimSuffix(tc.content, "\n"), "\n")
			r := start(t, f)
			tl := &timeline{t: t}
			tl.collect(r, "every line", func() bool { return tl.lines() >= len(want) })
			equalLines(t, lineTexts(tl.recs), want)
			checkOffsets(t, f, tc.content, tl.recs)
			if int64(len(tc.content)) >= tc.sizes.minSize() && tc.sizes.tailSize() < int64(len(tc.content)) && tl.backfill == 0 {
				t.Error("no backfill batch although the file is larger than its tail")
			}
			waitFor(t, "the state to leave indexing", func() bool { return f.State() == "following" })
		})
	}
}

// The head of a file opened tail first is read once the first screen is
// drawn (HoldBackfill closed), and not before: the tail alone comes first.
// When no screen comes, it is read after holdMax. Every line arrives in
// order either way, following or not.
func TestTailFirstBackfillWaitsForTheFirstScreen(t *testing.T) {
	for _, follow := range []bool{true, false} {
		for _, screen := range []bool{true, false} {
			t.Run(fmt.Sprintf("follow=%v screen=%v", follow, screen), func(t *testing.T) {
				path := logPath(t)
				content := joinLines(varied(3000))
				appendTo(t, path, content)
				hold := make(chan struct{})
				f := NewFile(path, 1, FileOptions{Follow: follow, TailFirst: true, HoldBackfill: hold})
				f.tailSizes = tailFirstSizes{min: 1, tail: 5000, blockBytes: 1000}
				f.holdMax = time.Hour
				if !screen {
					f.holdMax = 10 * time.Millisecond
				}
				r := start(t, f)
				tl := &timeline{t: t}
				tl.collect(r, "the tail", func() bool { return tl.lines() > 0 })
				if screen {
					quiet := time.After(100 * time.Millisecond)
					for waiting := true; waiting; {
						select {
						case b := <-r.out:
							if tl.add(b); tl.backfill > 0 {
								t.Fatal("the head was read before the first screen")
							}
						case <-quiet:
							waiting = false
						}
					}
					close(hold)
				}
				want := strings.Split(strings.TrimSuffix(content, "\n"), "\n")
				tl.collect(r, "every line", func() bool { return tl.lines() >= len(want) })
				equalLines(t, lineTexts(tl.recs), want)
				checkOffsets(t, f, content, tl.recs)
			})
		}
	}
}

func TestTailFirstNotFollowingReadsAllAndEnds(t *testing.T) {
	path := logPath(t)
	content := joinLines(varied(2000)) + "no newline at the end"
	appendTo(t, path, content)
	f := NewFile(path, 0, FileOptions{TailFirst: true})
	f.tailSizes = tailFirstSizes{min: 1, tail: 700, blockBytes: 500}
	r := start(t, f)
	tl := &timeline{t: t}
	tl.collect(r, "the end of the run", func() bool {
		select {
		case err := <-r.done:
			r.done <- err
			return len(r.out) == 0
		default:
			return false
		}
	})
	equalLines(t, lineTexts(tl.recs), strings.Split(content, "\n"))
	checkOffsets(t, f, content, tl.recs)
}

// Lines appended while the head is read come after the tail, and the head
// still goes before both.
func TestTailFirstAppendedDuringBackfill(t *testing.T) {
	path := logPath(t)
	head := varied(4000)
	appendTo(t, path, joinLines(head))
	f := NewFile(path, 2, FileOptions{Follow: true, TailFirst: true})
	f.tailSizes = tailFirstSizes{min: 1, tail: 2000, blockBytes: 300}
	r := start(t, f)
	tl := &timeline{t: t}
	tl.collect(r, "a first backfill batch", func() bool { return tl.backfill > 0 })
	progress := f.State()
	more := numbered("appended", 300)
	appendTo(t, path, joinLines(more))
	want := append(head, more...)
	tl.collect(r, "every line", func() bool { return tl.lines() >= len(want) })
	equalLines(t, lineTexts(tl.recs), want)
	checkOffsets(t, f, joinLines(want), tl.recs)
	if !regexp.MustCompile(`^indexing \d+% \(\d+(\.\d)?[KMG]?B\)$`).MatchString(progress) {
		t.Errorf("state while indexing = %q", progress)
	}
}

// A rename rotation while the head is read must not disturb the backfill:
// it reads the file it started on, and the new file follows the old one.
func TestTailFirstRotationDuringBackfill(t *testing.T) {
	path := logPath(t)
	old := varied(3000)
	appendTo(t, path, joinLines(old))
	f := NewFile(path, 0, FileOptions{Follow: true, TailFirst: true})
	f.tailSizes = tailFirstSizes{min: 1, tail: 1000, blockBytes: 200}
	r := start(t, f)
	tl := &timeline{t: t}
	tl.collect(r, "a first backfill batch", func() bool { return tl.backfill > 0 })
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	fresh := numbered("fresh", 50)
	appendTo(t, path, joinLines(fresh))
	want := append(old, fresh...)
	tl.collect(r, "every line", func() bool { return tl.lines() >= len(want) })
	equalLines(t, lineTexts(tl.recs), want)
	checkOffsets(t, f, joinLines(want), tl.recs)
}

// A file truncated in place while its head is read: what was read stays,
// the rest is reported as a gap before it, and nothing unread is invented.
func TestTailFirstTruncatedDuringBackfill(t *testing.T) {
	path := logPath(t)
	lines := varied(3000)
	appendTo(t, path, joinLines(lines))
	f := NewFile(path, 0, FileOptions{Follow: true, TailFirst: true})
	f.tailSizes = tailFirstSizes{min: 1, tail: 1000, blockBytes: 200}
	r := start(t, f)
	tl := &timeline{t: t}
	tl.collect(r, "a first backfill batch", func() bool { return tl.backfill > 0 })
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	tl.collect(r, "a gap at the front", func() bool { return len(tl.recs) > 0 && tl.recs[0].Mark == model.MarkGap })
	if g := tl.recs[0]; g.Note != NoteTruncated {
		t.Errorf("front gap %q, want %q", g.Note, NoteTruncated)
	}
	got := lineTexts(tl.recs)
	equalLines(t, got, lines[len(lines)-len(got):])
}

func TestLineStartAtOrBefore(t *testing.T) {
	content := "ab\ncde\n\nfg"
	cases := []struct {
		name string
		at   int64
		want int64
	}{
		{"start of file", 0, 0},
		{"negative", -5, 0},
		{"inside the first line", 1, 0},
		{"on the first newline", 2, 0},
		{"start of the second line", 3, 3},
		{"inside the second line", 5, 3},
		{"empty line", 7, 7},
		{"last line", 9, 8},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := lineStartAtOrBefore(strings.NewReader(content), tc.at)
			if err != nil || got != tc.want {
				t.Errorf("lineStartAtOrBefore(%d) = %d, %v; want %d", tc.at, got, err, tc.want)
			}
		})
	}
}

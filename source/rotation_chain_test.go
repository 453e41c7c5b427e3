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
	"connlog/model/decode"
)

// dayLines are n lines of a log written on day (2026-12-DD), a minute
// apart from 08:00 UTC.
func dayLines(day, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "2026-12-%02dT08:%02d:00Z [INFO] [connector] day %d line %d\n", day, i, day, i)
	}
	return b.String()
}

// dayStart is when dayLines(day, …) begins.
func dayStart(day int) time.Time { return time.Date(2026, 12, day, 8, 0, 0, 0, time.UTC) }

// lzmaBytes opens as lzma does, which connlog recognises but does not read.
var lzmaBytes = append(append([]byte(nil), lzmaMagic...), "not decoded by connlog"...)

// ingestChain reads live with its rotated siblings, as --with-rotated
// does, and returns the timeline's entries.
func ingestChain(t *testing.T, live string) []model.Entry {
	t.Helper()
	return ingestChainWith(t, live, FileOptions{})
}

// ingestChainWith is ingestChain, its files read with opts.
func ingestChainWith(t *testing.T, live string, opts FileOptions) []model.Entry {
	t.Helper()
	inputs, err := ExpandInputs([]string{live}, true)
	if err != nil {
		t.Fatal(err)
	}
	links := RotationLinks(inputs)
	feeds := make([]Feed, len(inputs))
	for i, in := range inputs {
		feeds[i] = Feed{ID: model.SourceID(i), Source: NewInput(in, model.SourceID(i), opts, nil),
			Decode: decode.Options{Location: time.UTC}, Finite: true, Chain: links[i]}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var got []model.Entry
	Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
		for _, e := range es {
			e.Raw = append([]byte(nil), e.Raw...)
			got = append(got, e)
		}
	}, nil)
	if ctx.Err() != nil {
		t.Fatal("the inputs did not end")
	}
	return got
}

// gapAt returns the index of the only gap among es.
func gapAt(t *testing.T, es []model.Entry) int {
	t.Helper()
	at := -1
	for i, e := range es {
		if e.Kind == model.KindGap {
			if at >= 0 {
				t.Fatalf("two gaps: %q and %q", es[at].Fields.Value(model.KeyMessage), e.Fields.Value(model.KeyMessage))
			}
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no gap")
	}
	return at
}

// TestUnreadSiblingStandsInItsRotation: a rotated copy connlog cannot read
// (lzma), copied onto this host just now, is a gap that stands where the
// copy stands in the rotation: dated by the first line of the next newer
// copy that was read, not by its own last write (now), so that the
// timeline and a window over the log's own days keep it among them.
func TestUnreadSiblingStandsInItsRotation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		files   map[string][]byte
		wantAt  time.Time
		before  string // the line that comes right after the gap
		unknown bool   // the gap's words say its time is unknown
	}{
		{"the oldest unread", map[string][]byte{
			"app.log.3.lzma": lzmaBytes,
			"app.log.2.gz":   gzipped(t, dayLines(3, 5)),
			"app.log.1":      []byte(dayLines(4, 5)),
			"app.log":        []byte(dayLines(5, 5)),
		}, dayStart(3), "day 3 line 0", false},
		{"one in the middle unread", map[string][]byte{
			"app.log.3":      []byte(dayLines(2, 5)),
			"app.log.2.lzma": lzmaBytes,
			"app.log.1":      []byte(dayLines(4, 5)),
			"app.log":        []byte(dayLines(5, 5)),
		}, dayStart(4), "day 4 line 0", false},
		{"two unread, the newer one's next has lines", map[string][]byte{
			"app.log.3.lzma": lzmaBytes,
			"app.log.2.Z":    {0x1f, 0x9d, 0x90, 'x'},
			"app.log.1":      []byte(dayLines(4, 5)),
			"app.log":        []byte(""),
		}, dayStart(4), "day 4 line 0", false},
		{"nothing newer has lines: after the older one's last", map[string][]byte{
			"app.log.2":      []byte(dayLines(2, 5)),
			"app.log.1.lzma": lzmaBytes,
			"app.log":        []byte(""),
		}, dayStart(2).Add(4 * time.Minute), "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				writeFile(t, filepath.Join(dir, name), data)
			}
			es := ingestChain(t, filepath.Join(dir, "app.log"))
			if tc.name == "two unread, the newer one's next has lines" {
				// Both gaps stand before the day 4 lines, oldest first.
				var gapTimes []time.Time
				for _, e := range es {
					if e.Kind == model.KindGap {
						gapTimes = append(gapTimes, e.Time)
					}
				}
				if len(gapTimes) != 2 || !gapTimes[0].Equal(tc.wantAt) || !gapTimes[1].Equal(tc.wantAt) {
					t.Fatalf("gaps at %v; want both at %v", gapTimes, tc.wantAt)
				}
				if es[2].Kind == model.KindGap || !strings.Contains(string(es[2].Raw), tc.before) {
					t.Fatalf("after the gaps comes %q; want %q", es[2].Raw, tc.before)
				}
				return
			}
			g := gapAt(t, es)
			if !es[g].Time.Equal(tc.wantAt) {
				t.Errorf("the gap is dated %v; want %v", es[g].Time, tc.wantAt)
			}
			switch {
			case tc.before != "" && (g+1 >= len(es) || !strings.Contains(string(es[g+1].Raw), tc.before)):
				t.Errorf("the gap is at %d of %d; want it right before %q", g, len(es), tc.before)
			case tc.before == "" && g != len(es)-1:
				t.Errorf("the gap is at %d of %d; want it after every line", g, len(es))
			}
			words := es[g].Fields.Value(model.KeyMessage)
			if says := strings.Contains(words, "time unknown"); says != tc.unknown {
				t.Errorf("the gap says %q; want its time said to be unknown: %v", words, tc.unknown)
			}
		})
	}
}

// TestUnreadSiblingOfNoDatedLineKeepsItsOwnTime: when no other file of
// the rotation has a dated line, the gap keeps the time it has, and says
// that it is unknown.
func TestUnreadSiblingOfNoDatedLineKeepsItsOwnTime(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "app.log.1.lzma"), lzmaBytes)
	writeFile(t, filepath.Join(dir, "app.log"), nil)
	written := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "app.log.1.lzma"), written, written); err != nil {
		t.Fatal(err)
	}
	es := ingestChain(t, filepath.Join(dir, "app.log"))
	g := gapAt(t, es)
	if !es[g].Time.Equal(written) {
		t.Errorf("the gap is dated %v; want its last write, %v", es[g].Time, written)
	}
	if words := es[g].Fields.Value(model.KeyMessage); !strings.Contains(words, "time unknown") {
		t.Errorf("the gap says %q; want its time said to be unknown", words)
	}
}

// TestRotationLinksJoinALiveFileAndItsSiblings: only the inputs of one
// rotation are linked, oldest first; a file named alone is not.
func TestRotationLinksJoinALiveFileAndItsSiblings(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.log", "a.log.1", "a.log.2.gz", "b.log", "c.log", "c.log.1"} {
		writeFile(t, filepath.Join(dir, name), nil)
	}
	inputs, err := ExpandInputs([]string{filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log"), filepath.Join(dir, "c.log")}, true)
	if err != nil {
		t.Fatal(err)
	}
	links := RotationLinks(inputs)
	var got []string
	for i, l := range links {
		if l == nil {
			got = append(got, filepath.Base(inputs[i].Path)+" alone")
			continue
		}
		got = append(got, fmt.Sprintf("%s %d of %d", filepath.Base(inputs[i].Path), l.at+1, len(l.chain.members)))
	}
	want := "a.log.2.gz 1 of 3, a.log.1 2 of 3, a.log 3 of 3, b.log alone, c.log.1 1 of 2, c.log 2 of 2"
	if strings.Join(got, ", ") != want {
		t.Errorf("links: %s\nwant   %s", strings.Join(got, ", "), want)
	}
}

// TestCorruptSiblingFromItsStartIsAnUnreadFile: a rotated copy whose
// compressed data is broken from its first byte is a file nothing of
// which was read: its gap says so, and how to check it, and stands in its
// rotation.
func TestCorruptSiblingFromItsStartIsAnUnreadFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "app.log.2.gz"), append(append([]byte(nil), gzipMagic...), 0x42, 0, 0, 0))
	writeFile(t, filepath.Join(dir, "app.log.1"), []byte(dayLines(4, 3)))
	writeFile(t, filepath.Join(dir, "app.log"), nil)
	es := ingestChain(t, filepath.Join(dir, "app.log"))
	g := gapAt(t, es)
	reason := es[g].Fields.Value(model.KeyGapReason)
	if !model.InputNotRead(reason) || !strings.Contains(reason, "app.log.2.gz") || !strings.Contains(reason, "gzip -t ") {
		t.Errorf("the gap says %q; want the file, that nothing of it was read, and how to check it", reason)
	}
	if g != 0 || !es[g].Time.Equal(dayStart(4)) {
		t.Errorf("the gap is at %d, dated %v; want it first, at %v", g, es[g].Time, dayStart(4))
	}
}

// TestRefusedSiblingIsAnUnreadFile: a rotated copy found beside the live
// file that this user may not read is not a failure of the run (the user
// did not name it) but a file nothing of which was read: its gap says
// which, why and what to do, and stands in its rotation.
func TestRefusedSiblingIsAnUnreadFile(t *testing.T) {
	dir := t.TempDir()
	refused := filepath.Join(dir, "app.log.2")
	writeFile(t, refused, []byte(dayLines(3, 3)))
	writeFile(t, filepath.Join(dir, "app.log.1"), []byte(dayLines(4, 3)))
	writeFile(t, filepath.Join(dir, "app.log"), nil)
	uid := effectiveUID
	effectiveUID = func() int { return 1000 } // as root, the hint would be another
	defer func() { effectiveUID = uid }()
	open := func(name string) (*os.File, error) {
		if name == refused {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		return openNonBlocking(name)
	}
	es := ingestChainWith(t, filepath.Join(dir, "app.log"), FileOptions{Open: open})
	g := gapAt(t, es)
	reason := es[g].Fields.Value(model.KeyGapReason)
	if !model.InputNotRead(reason) || !strings.Contains(reason, "app.log.2") || !strings.Contains(reason, "permission denied") || !strings.Contains(reason, "sudo") {
		t.Errorf("the gap says %q; want the file, that nothing of it was read, why, and what to do", reason)
	}
	if g != 0 || !es[g].Time.Equal(dayStart(4)) {
		t.Errorf("the gap is at %d, dated %v; want it first, at %v", g, es[g].Time, dayStart(4))
	}
}

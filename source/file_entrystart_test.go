package source

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

func TestPartStartIn(t *testing.T) {
	flush := func(_, line []byte) bool { return !strings.HasPrefix(string(line), " ") }
	cases := []struct {
		buf  string
		from int
		want int
	}{
		{"a\nb\n", 0, 2},         // the second line begins an entry
		{"a\n b\nc\n", 0, 5},     // " b" continues "a": the next start is "c"
		{"a\n b\n c\n", 0, -1},   // every start continues
		{"a\nb", 0, -1},          // "b" is not whole
		{"xx\na\n b\nc\n", 3, 8}, // from the whole line at 3
		{"a\n\n", 0, 2},          // an empty line is a line
		{"only one line, no newline", 0, -1},
	}
	for _, c := range cases {
		if got := partStartIn([]byte(c.buf), c.from, flush); got != c.want {
			t.Errorf("partStartIn(%q, %d) = %d, want %d", c.buf, c.from, got, c.want)
		}
	}
}

// splitEntryLogs are files whose entries span lines, as runtimes and
// programs write them: a long line split into pieces by CRI or by docker's
// json-file driver, and JSON documents and indented blocks in a bare log,
// where most lines have no time of their own. The entries are long and
// many, so that tiny tail-first parts (see TestTailFirstKeepsEntriesWhole)
// meet inside many of them. "bare, short lines" has more lines than a
// batch holds in each block, so that batches meet inside blocks too.
func splitEntryLogs() map[string]string {
	var cri, dockerJSON, bare, short strings.Builder
	for i := range 400 {
		at := time.Date(2026, 2, 10, 8, 0, i/10, (i%10)*1e8, time.UTC).Format(time.RFC3339Nano)
		msg := fmt.Sprintf("[DEBUG] [libsdwan] [controller] operator(): SD payload %03d %s", i, strings.Repeat("eyJy", 20+i%30))
		pieces := 1 + i%4
		step := len(msg)/pieces + 1
		for p := 0; p < pieces; p++ {
			part := msg[min(p*step, len(msg)):min((p+1)*step, len(msg))]
			tag, nl := "P", ""
			if p == pieces-1 {
				tag, nl = "F", `\n`
			}
			fmt.Fprintf(&cri, "%s stderr %s %s\n", at, tag, part)
			fmt.Fprintf(&dockerJSON, `{"log":"%s%s","stream":"stderr","time":"%s"}`+"\n", part, nl, at)
		}
		writeBareEntry(&bare, i, at)
	}
	for i := range 12000 { // untimed lines first: the file begins with lines that take their receive time
		fmt.Fprintf(&short, "[DEBUG] [libsdwan] untimed %d\n[DEBUG] [libsdwan] untimed too\n", i)
		writeBareEntry(&short, i, time.Date(2026, 2, 10, 8, 0, 0, i*1e6, time.UTC).Format(time.RFC3339Nano))
	}
	return map[string]string{"cri": cri.String(), "docker-json": dockerJSON.String(), "bare": bare.String(), "bare, short lines": short.String()}
}

// writeBareEntry writes entry i of a bare log: a line with its time, an
// indented block under a line with its time, or a JSON document with
// none (its time is the line's before it).
func writeBareEntry(w *strings.Builder, i int, at string) {
	switch i % 3 {
	case 0:
		fmt.Fprintf(w, "[%s] INFO plain line %d\n", at, i)
	case 1:
		fmt.Fprintf(w, "[%s] worker %d failed:\n  step one\n  step two %s\n", at, i, strings.Repeat("s", i%40))
	default:
		fmt.Fprintf(w, "{\n  \"id\": %d,\n  \"note\": \"%s\"\n}\n", i, strings.Repeat("n", i%50))
	}
}

// A file read tail first is decoded in parts: its tail, then its head in
// blocks, newest first, each block in batches, newest first. With
// BeginsPart the store holds exactly the entries a forward read decodes,
// with the same times, whatever the parts' sizes; without it, the same
// sizes cut entries in two or give lines another part's time (the test's
// own check that its parts meet where they must not).
func TestTailFirstKeepsEntriesWhole(t *testing.T) {
	opts := decode.Options{Location: time.UTC, IndexService: true}
	for name, content := range splitEntryLogs() {
		want := forwardEntries(content, opts)
		for _, sizes := range []tailFirstSizes{{min: 1, tail: 700, blockBytes: 300}, {min: 1, tail: 2000, blockBytes: 1500}, {min: 1, tail: 5000, blockBytes: 64 << 10}} {
			t.Run(fmt.Sprintf("%s/tail %d/blocks %d", name, sizes.tail, sizes.blockBytes), func(t *testing.T) {
				path := logPath(t)
				appendTo(t, path, content)
				read := func(begins func(prev, line []byte) bool) []string {
					f := NewFile(path, 0, FileOptions{TailFirst: true, ReuseBlocks: true, BeginsPart: begins})
					f.tailSizes = sizes
					return storedEntries(t, ingestInStore(f, opts))
				}
				if got := read(decode.New(0, opts).BeginsPart); !slices.Equal(got, want) {
					t.Fatalf("tail first: %d entries, a forward read %d; first difference: %s", len(got), len(want), firstDifference(got, want))
				}
				if got := read(nil); slices.Equal(got, want) {
					t.Fatal("without BeginsPart the parts cut no entry and time every line right: the test does not test the parts' edges")
				}
			})
		}
	}
}

// forwardEntries returns the time and raw bytes of each entry a forward
// read of content decodes.
func forwardEntries(content string, opts decode.Options) []string {
	d := decode.New(0, opts)
	var es []model.Entry
	for _, line := range strings.SplitAfter(content, "\n") {
		if line == "" {
			continue
		}
		es = d.Decode(&model.Record{Raw: []byte(strings.TrimSuffix(line, "\n"))}, es)
	}
	es = d.Flush(es)
	out := make([]string, len(es))
	for i := range es {
		out[i] = timeAndRaw(&es[i])
	}
	return out
}

// storedEntries returns the time and raw bytes of every entry s holds, in
// order.
func storedEntries(t *testing.T, s *model.Store) []string {
	t.Helper()
	sn := s.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, v.Len())
	for i := range out {
		var e model.Entry
		if err := sn.Load(v.At(i), &e, model.LoadRaw); err != nil {
			t.Fatal(err)
		}
		out[i] = timeAndRaw(&e)
	}
	return out
}

// timeAndRaw describes an entry by its time and raw bytes. The logs' times
// are all on 2026-02-10; any other is a receive time, which differs from
// one read to the next.
func timeAndRaw(e *model.Entry) string {
	at := e.Time.UTC().Format(time.RFC3339Nano)
	if !strings.HasPrefix(at, "2026-02-10") {
		at = "(received)"
	}
	return at + " " + string(e.Raw)
}

// firstDifference describes where two lists of entries part.
func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("entry %d is %q, want %q", i, trim(got[i], 100), trim(want[i], 100))
		}
	}
	return fmt.Sprintf("one list ends at %d", min(len(got), len(want)))
}

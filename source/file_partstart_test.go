package source

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// In these lines, one indented continues the line before it, and one
// starting with "t" has a time of its own.
func TestPartStartIn(t *testing.T) {
	ask := func(_, line []byte) (entry, timed bool) {
		entry = !strings.HasPrefix(string(line), " ")
		return entry, entry && strings.HasPrefix(string(line), "t")
	}
	untimed := strings.Repeat("u\n", timedLookahead) // the first line that begins an entry, and as many more
	cases := []struct {
		buf  string
		from int
		want int
	}{
		{"a\nt\n", 0, 2},                                   // the second line begins an entry and has a time
		{"a\n b\nt\n", 0, 5},                               // " b" continues "a": the next start is "t"
		{"a\n b\n c\n", 0, -1},                             // no line begins an entry
		{"a\nt", 0, -1},                                    // "t" is not whole
		{"xx\na\n b\nt\n", 3, 8},                           // from the whole line at 3
		{"a\nu\nv\nt\nu\n", 0, 6},                          // a line with a time, a little further
		{"a\nu\n w\n", 0, 2},                               // none with a time: the first that begins an entry
		{"a\n" + untimed + "u\nt\n", 0, 2},                 // a time too far: the first that begins an entry
		{"a\n" + untimed + "t\n", 0, 2 + 2*timedLookahead}, // a time just near enough
		{"only one line, no newline", 0, -1},
	}
	for _, c := range cases {
		if got, _ := partStartIn([]byte(c.buf), c.from, ask); got != c.want {
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
	for i := range 12000 { // untimed lines first: the file begins with lines that take the first timed line's
		fmt.Fprintf(&short, "[DEBUG] [libsdwan] untimed %d\n[DEBUG] [libsdwan] untimed too\n", i)
		writeBareEntry(&short, i, time.Date(2026, 2, 10, 8, 0, 0, i*1e6, time.UTC).Format(time.RFC3339Nano))
	}
	return map[string]string{"cri": cri.String(), "docker-json": dockerJSON.String(), "bare": bare.String(),
		"bare, short lines": short.String(), "bare, long documents": longDocuments()}
}

// longDocuments is a bare log of timed lines and JSON documents of more
// lines than a part looks ahead for a timed one, and than a batch of
// records holds.
func longDocuments() string {
	var w strings.Builder
	for i := range 8 {
		for j := range 300 {
			writeBareEntry(&w, 3*j, time.Date(2026, 2, 10, 8, i, j/10, 0, time.UTC).Format(time.RFC3339Nano))
		}
		w.WriteString("{\n")
		for j := range []int{100, 700, 1500, 1900, 2300, 2700, 3100, 3500}[i] {
			fmt.Fprintf(&w, "  \"k%d\": %d,\n", j, j)
		}
		w.WriteString("  \"end\": true\n}\n")
	}
	return w.String()
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
// PartStart the store holds exactly the entries a forward read decodes,
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
				read := func(ask func(prev, line []byte) (bool, bool)) []string {
					f := NewFile(path, 0, FileOptions{TailFirst: true, ReuseBlocks: true, PartStart: ask})
					f.tailSizes = sizes
					return storedEntries(t, ingestInStore(f, opts))
				}
				if got := read(decode.New(0, opts).PartStart); !slices.Equal(got, want) {
					t.Fatalf("tail first: %d entries, a forward read %d; first difference: %s", len(got), len(want), firstDifference(got, want))
				}
				if got := read(nil); slices.Equal(got, want) {
					t.Fatal("without PartStart the parts cut no entry and time every line right: the test does not test the parts' edges")
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
	d.SettleLead(es) // as assemble does: the lines before the first timed one take its time
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
	var out []string
	for seq := sn.First(); seq < sn.End(); seq++ {
		if seq == 0 {
			continue // no entry has it: prepended ones count down from -1
		}
		var e model.Entry
		if err := sn.Load(seq, &e, model.LoadRaw); err != nil {
			t.Fatal(err)
		}
		out = append(out, timeAndRaw(&e))
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

// TestTimedBefore: a batch that would begin at a line without a time of its
// own (a JSON document) begins at the nearest line before it that begins an
// entry with one, within timedLookahead lines; else where it would.
func TestTimedBefore(t *testing.T) {
	ask := decode.New(0, decode.Options{Location: time.UTC}).PartStart
	records := func(lines ...string) []model.Record {
		rs := make([]model.Record, len(lines))
		for i, l := range lines {
			rs[i].Raw = []byte(l)
		}
		return rs
	}
	timed := "[2026-02-10T08:00:00Z] INFO plain line"
	doc := []string{"{", `  "id": 1`, "}"}
	cases := []struct {
		block []string
		at    int
		want  int
	}{
		{append([]string{timed, timed}, doc...), 2, 1},                                                                                               // the line before the document
		{append([]string{timed, "untimed text", "more untimed"}, doc...), 3, 0},                                                                      // past lines without a time, to the nearest with one
		{append([]string{"untimed text", "more untimed"}, doc...), 2, 2},                                                                             // none with a time is near
		{append([]string{timed}, doc...), 1, 0},                                                                                                      // the block's own start
		{append([]string{timed, timed, timed}, timed), 3, 3},                                                                                         // a timed line stays where it is
		{append(append([]string{timed}, slices.Repeat([]string{`  "k": 1,`}, timedLookahead-1)...), doc...), timedLookahead, 0},                      // as far back as may be
		{append(append([]string{timed}, slices.Repeat([]string{`  "k": 1,`}, timedLookahead+1)...), doc...), timedLookahead + 2, timedLookahead + 2}, // too far back
	}
	for i, c := range cases {
		if got := timedBefore(records(c.block...), c.at, ask); got != c.want {
			t.Errorf("case %d: timedBefore(…, %d) = %d, want %d", i, c.at, got, c.want)
		}
	}
}

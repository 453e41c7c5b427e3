package model

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// spanFile is oneLineFile that also reads spans, counting its reads.
type spanFile struct {
	oneLineFile
	spans, lines *int
}

func (f spanFile) ReadRaw(off int64, n int, buf []byte) ([]byte, error) {
	*f.lines++
	return f.oneLineFile.ReadRaw(off, n, buf)
}

func (f spanFile) ReadSpan(off int64, n int, buf []byte) ([]byte, error) {
	*f.spans++
	if off < 0 || off+int64(n) > int64(len(f.data)) {
		return buf, errors.New("beyond what was read")
	}
	return append(buf, f.data[off:off+int64(n)]...), nil
}

// cutFour is the payload function of manyStore's lines: each without its
// first four bytes.
func cutFour(es []*Entry) {
	for _, e := range es {
		e.Payload = e.Raw[min(4, len(e.Raw)):]
	}
}

// manyStore is a store of lines from two files that read spans, one that
// reads lines only, one that fails, and lines held in memory, interleaved,
// with lines of the files skipped (as a filtered view skips them), far
// apart, and a last line without its newline. Every fourth line kept has
// a template, one of three.
func manyStore(t *testing.T, reparse func(*Entry)) (*Store, *int, *int) {
	t.Helper()
	var spans, lines int
	var a, b strings.Builder
	s := NewStore(StoreOptions{Reparse: reparse, Payloads: cutFour})
	var es []Entry
	add := func(sb *strings.Builder, src SourceID, line string, keep bool) {
		off := int64(sb.Len())
		sb.WriteString(line + "\n")
		if keep {
			es = append(es, Entry{Source: src, Kind: KindService, Time: t0, Raw: []byte(line), Origin: Origin{Offset: off},
				Fields: Fields{Str(KeyModule, fmt.Sprint("m", len(es)%3))}})
			if len(es)%4 == 0 {
				es[len(es)-1].Template = fmt.Sprint("line <num> of template ", len(es)%3)
			}
		}
	}
	for i := range 300 {
		add(&a, 3, fmt.Sprintf("a   line %d%s", i, strings.Repeat("x", i%17)), i%5 != 0)
		if i%50 == 7 {
			add(&a, 3, strings.Repeat("z", maxSpanGap+10), false) // a gap no span reads over
		}
		if i%3 == 0 {
			add(&b, 4, fmt.Sprintf("b   line %d", i), true)
		}
		if i%7 == 0 {
			es = append(es, Entry{Source: 9, Kind: KindService, Time: t0, Raw: []byte(fmt.Sprint("mem line ", i)), Origin: Origin{Offset: -1}})
		}
		if i%11 == 0 {
			es = append(es, Entry{Source: 6, Kind: KindService, Time: t0, Raw: []byte("gone"), Origin: Origin{Offset: int64(i)}})
		}
		if i%13 == 0 {
			es = append(es, Entry{Source: 5, Kind: KindService, Time: t0, Raw: []byte(fmt.Sprint("c   line ", i)), Origin: Origin{Offset: int64(i) * 16}})
		}
	}
	// The last line of file a has no newline.
	off := int64(a.Len())
	a.WriteString("a   the last line")
	es = append(es, Entry{Source: 3, Kind: KindService, Time: t0, Raw: []byte("a   the last line"), Origin: Origin{Offset: off}})
	s.SetRawReader(3, spanFile{oneLineFile{[]byte(a.String())}, &spans, &lines})
	s.SetRawReader(4, spanFile{oneLineFile{[]byte(b.String())}, &spans, &lines})
	var c strings.Builder
	for i := range 300 {
		fmt.Fprintf(&c, "%-15s\n", fmt.Sprint("c   line ", i))
	}
	s.SetRawReader(5, oneLineFile{[]byte(c.String())})
	s.SetRawReader(6, failingReader{})
	s.Append(es)
	return s, &spans, &lines
}

// TestLoadManyLoadsAsLoad: every entry loaded by LoadMany, at every level,
// is what Load gives it, through spans, single reads, failed reads and
// lines held in memory; and the lines of a file that reads spans are read
// with far fewer reads than lines.
func TestLoadManyLoadsAsLoad(t *testing.T) {
	reparse := func(e *Entry) { e.Fields = append(e.Fields, Str(KeyMessage, string(e.Raw))) }
	s, spans, lines := manyStore(t, reparse)
	sn := s.Snapshot()
	for _, what := range []Load{LoadIndex, LoadRaw, LoadTemplate, LoadPayload, LoadFull} {
		*spans, *lines = 0, 0
		es := make([]Entry, 0, sn.Len()+1)
		ps := []*Entry{}
		for seq := sn.First(); seq < sn.End(); seq++ {
			es = append(es, Entry{Seq: seq})
		}
		es = append(es, Entry{Seq: sn.End() + 5}) // not in the store
		for i := range es {
			ps = append(ps, &es[i])
		}
		sn.LoadMany(ps, what, nil, nil)
		readsMany := *spans + *lines
		for i := range es {
			var want Entry
			_ = sn.Load(es[i].Seq, &want, what)
			want.Seq = es[i].Seq
			if !reflect.DeepEqual(entryView(es[i]), entryView(want)) {
				t.Fatalf("load %d of entry %d:\n got %+v\nwant %+v", what, es[i].Seq, entryView(es[i]), entryView(want))
			}
		}
		if what >= LoadRaw && readsMany*4 > *spans+*lines-readsMany {
			t.Errorf("load %d: LoadMany made %d reads; Load one per line, %d", what, readsMany, *spans+*lines-readsMany)
		}
		templated := 0
		for i := range es {
			if es[i].Template == "" {
				continue
			}
			templated++
			if what == LoadTemplate && es[i].Raw != nil {
				t.Fatalf("LoadTemplate of entry %d with template %q read its raw bytes %q", es[i].Seq, es[i].Template, es[i].Raw)
			}
		}
		if templated < 50 {
			t.Fatalf("load %d: %d entries with a template", what, templated)
		}
	}
}

// entryView is what a load sets in an entry, comparable (nil and empty
// byte slices alike).
func entryView(e Entry) string {
	return fmt.Sprintf("seq=%d kind=%v level=%v time=%v src=%d off=%d item=%d raw=%q payload=%q fields=%v err=%q template=%q",
		e.Seq, e.Kind, e.Level, e.Time.UnixNano(), e.Source, e.Origin.Offset, e.Item, e.Raw, e.Payload, e.Fields, e.Err, e.Template)
}

// TestLoadManyAfterTheFileChanged: lines whose bytes changed since they
// were read are refused one by one, as Load refuses them, and their
// neighbours still load.
func TestLoadManyAfterTheFileChanged(t *testing.T) {
	data := "one 1\ntwo 22\nthree 333\nfour 4444\n"
	s := NewStore(StoreOptions{})
	var spans, lines int
	s.SetRawReader(3, spanFile{oneLineFile{[]byte(data)}, &spans, &lines})
	var es []Entry
	off := 0
	for _, l := range strings.SplitAfter(data, "\n")[:4] {
		es = append(es, Entry{Source: 3, Kind: KindService, Time: t0, Raw: []byte(strings.TrimSuffix(l, "\n")), Origin: Origin{Offset: int64(off)}})
		off += len(l)
	}
	s.Append(es)
	// "two 22" became "two 2\n2": its length holds a newline now.
	s.SetRawReader(3, spanFile{oneLineFile{[]byte("one 1\ntwo 2\n2\nthree 333\nfour 4444\n"[:len(data)])}, &spans, &lines})
	sn := s.Snapshot()
	got := make([]Entry, 4)
	ps := []*Entry{}
	for i := range got {
		got[i].Seq = int64(i + 1)
		ps = append(ps, &got[i])
	}
	sn.LoadMany(ps, LoadRaw, nil, nil)
	for i := range got {
		var want Entry
		err := sn.Load(int64(i+1), &want, LoadRaw)
		if string(got[i].Raw) != string(want.Raw) || (err != nil) != (got[i].Raw == nil) {
			t.Errorf("entry %d: LoadMany raw %q; Load %q, %v", i+1, got[i].Raw, want.Raw, err)
		}
	}
	if got[0].Raw == nil || string(got[0].Raw) != "one 1" {
		t.Errorf("the first line, unchanged, did not load: %q", got[0].Raw)
	}
}

// TestViewsThatReadRawBytesLoadInChunks: a view whose filter reads raw
// bytes (or payloads, or re-parses) holds exactly the entries that match
// when each is loaded alone, through spans, single reads, failed reads and
// lines held in memory, whether built at once or extended; and its lines
// are read with far fewer reads than lines.
func TestViewsThatReadRawBytesLoadInChunks(t *testing.T) {
	s, spans, lines := manyStore(t, func(e *Entry) { e.Fields = append(e.Fields, Str(KeyMessage, string(e.Raw))) })
	sn := s.Snapshot()
	for _, what := range []Load{LoadRaw, LoadPayload, LoadFull} {
		f := Filter{Load: what, Match: func(e *Entry) bool {
			return strings.Contains(string(e.Raw), "1") || e.Raw == nil && e.Fields.Value(KeyModule) == "m1"
		}}
		var want []int64
		for seq := sn.First(); seq < sn.End(); seq++ {
			var e Entry
			_ = sn.Load(seq, &e, what)
			if f.Match(&e) {
				want = append(want, seq)
			}
		}
		*spans, *lines = 0, 0
		v, err := BuildView(context.Background(), sn, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for i := range v.Len() {
			got = append(got, v.At(i))
		}
		if len(want) < 50 || !reflect.DeepEqual(got, want) {
			t.Fatalf("load %d: the view holds %d entries; loaded one by one, %d match:\n%v\n%v", what, len(got), len(want), got, want)
		}
		if n := sn.Len(); *spans+*lines > n/4 {
			t.Errorf("load %d: %d reads for a view of %d entries", what, *spans+*lines, n)
		}
	}
}

// A view's scan loads chunk after chunk through one scratch: each chunk
// must load as it would with a scratch of its own, whatever the chunks
// before it left there (more entries, other lines' notes).
func TestLoadManyScratchServesChunkAfterChunk(t *testing.T) {
	reparse := func(e *Entry) { e.Fields = append(e.Fields, Str(KeyMessage, string(e.Raw))) }
	s, _, _ := manyStore(t, reparse)
	sn := s.Snapshot()
	chunk := func(from int64, n int) []*Entry {
		var ps []*Entry
		for seq := from; seq < min(from+int64(n), sn.End()); seq++ {
			ps = append(ps, &Entry{Seq: seq})
		}
		return ps
	}
	sizes := []int{97, 5, 180, 31, 64}
	for _, how := range []manyLoad{{what: LoadRaw, rawOnly: true}, {what: LoadRaw}, {what: LoadPayload}, {what: LoadFull}, {what: LoadFull, forMatch: true}} {
		var shared loadScratch
		for k, from := 0, sn.First(); from < sn.End(); k++ {
			n := sizes[k%len(sizes)]
			got, _ := sn.loadMany(chunk(from, n), how, nil, &shared)
			want, _ := sn.loadMany(chunk(from, n), how, nil, &loadScratch{})
			if len(got) != len(want) {
				t.Fatalf("%+v, chunk %d: %d entries kept through the shared scratch, %d through its own", how, k, len(got), len(want))
			}
			for i := range got {
				if g, w := entryView(*got[i]), entryView(*want[i]); g != w {
					t.Fatalf("%+v, chunk %d:\n shared %s\n own    %s", how, k, g, w)
				}
			}
			from += int64(n)
		}
	}
}

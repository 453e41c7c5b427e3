package source

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// journalChainsInput is a run of entries given to journalChains, and what
// each stream was given.
type journalChainsInput struct {
	given  map[string][]byte          // each stream's MESSAGE bytes, in order
	starts map[string]map[int][]int64 // each stream's pieces: offset -> the times of those starting there
}

// journalFuzzStreams are the fuzzed entries' streams: three containers,
// and a unit writing outside any container.
var journalFuzzStreams = []struct{ unit, container string }{
	{"docker.service", "4cb6180740b3"}, {"docker.service", "0c4de2f5604c"},
	{"podman.service", "9f1e2d3c4b5a"}, {"newt.service", ""},
}

// FuzzJournalChains gives journalChains hostile runs of entries: each op
// byte picks a stream, the partial flag, a partial id (of three, or none)
// and a size, or sends the held lines as the end of the input, a mark or a
// quiet followed journal does. The pieces share one buffer, as a reader's
// arena does. Whatever the run, every byte given comes back once, in its
// stream's order, each record starting at a piece and carrying that
// piece's time, and no more is held than the bounds allow.
func FuzzJournalChains(f *testing.F) {
	f.Add([]byte{0x04, 0x01, 0x04, 0x00}, []byte("ANALYTICS {\"a\": 1}"))
	f.Add([]byte{0x0c, 0x14, 0x00, 0x03, 0xff}, []byte("xyz"))
	f.Add([]byte{0x84, 0x84, 0x84, 0x84, 0x84, 0x80}, []byte{0xff})
	f.Add([]byte{0x04, 0x05, 0x06, 0x07, 0x04, 0x05, 0x06, 0x07, 0x0c, 0x0d, 0xfe}, []byte("ab"))
	f.Fuzz(func(t *testing.T, ops, body []byte) {
		if len(ops) > 1024 {
			return
		}
		var c journalChains
		var out journalBatch
		in := journalChainsInput{given: map[string][]byte{}, starts: map[string]map[int][]int64{}}
		arena := make([]byte, 0, 1<<16)
		for i, op := range ops {
			now := time.Unix(0, int64(i))
			switch op {
			case 0xff:
				c.sendAll(&out, now)
			case 0xfe:
				c.sendQuiet(&out, now, time.Duration(i/2))
			default:
				var msg []byte
				msg, arena = journalFuzzMessage(op, i, body, arena)
				r, p := in.entry(op, msg, now)
				c.add(&out, r, p, now)
			}
			journalCheckHeld(t, &c)
		}
		c.sendAll(&out, time.Unix(0, int64(len(ops))))
		if c.holding() {
			t.Fatal("lines held after sendAll")
		}
		in.check(t, out.take())
	})
}

// journalFuzzMessage makes the i-th entry's MESSAGE: a few bytes of body,
// or for one op in eight 256 KiB, carved from arena with its capacity left
// open, so that a piece appended to in place would overwrite the next.
func journalFuzzMessage(op byte, i int, body, arena []byte) (msg, rest []byte) {
	n := 0
	if len(body) > 0 {
		n = int(body[i%len(body)]) % 64
	}
	if op&0xe0 == 0x80 {
		n = 256 << 10
	}
	if cap(arena)-len(arena) < n {
		arena = make([]byte, 0, max(n, 1<<16))
	}
	start := len(arena)
	for k := range n {
		b := byte('a' + (i+k)%26)
		if len(body) > 0 {
			b = body[(i+k)%len(body)]
		}
		arena = append(arena, b)
	}
	return arena[start:], arena
}

// entry makes the record and piece op describes, noting what was given.
func (in *journalChainsInput) entry(op byte, msg []byte, now time.Time) (model.Record, journalPiece) {
	s := journalFuzzStreams[op&3]
	p := journalPiece{partial: op&4 != 0, container: []byte(s.container)}
	if id := (op >> 3) & 3; id > 0 {
		p.partialID = []byte{'a' + id}
	}
	key := s.unit + "/" + s.container
	if in.starts[key] == nil {
		in.starts[key] = map[int][]int64{}
	}
	at := len(in.given[key])
	in.starts[key][at] = append(in.starts[key][at], now.UnixNano())
	in.given[key] = append(in.given[key], msg...)
	f := &model.JournalFields{Unit: s.unit, Identifier: s.container, Priority: -1}
	return model.Record{Raw: msg, Offset: -1, Received: now, Journal: f}, p
}

// check requires every stream's bytes back, in order, each record at the
// start of a piece with its time.
func (in *journalChainsInput) check(t *testing.T, recs []model.Record) {
	t.Helper()
	got := map[string][]byte{}
	for i, r := range recs {
		key := r.Journal.Unit + "/" + r.Journal.Identifier
		if r.Mark != model.MarkLine || !slices.Contains(in.starts[key][len(got[key])], r.Received.UnixNano()) {
			t.Fatalf("record %d (%s, %d bytes, at %v) does not begin a piece of its stream", i, key, len(r.Raw), r.Received.UnixNano())
		}
		switch r.Note {
		case "", model.NoteCutLine, model.NotePartialLine:
		default:
			t.Fatalf("record %d: note %q", i, r.Note)
		}
		got[key] = append(got[key], r.Raw...)
	}
	for key, want := range in.given {
		if !bytes.Equal(got[key], want) {
			t.Fatalf("stream %s: %d bytes came back, %d given, or not the same", key, len(got[key]), len(want))
		}
	}
}

// journalCheckHeld requires the held lines within the bounds.
func journalCheckHeld(t *testing.T, c *journalChains) {
	t.Helper()
	if len(c.open) > journalChainsOpen {
		t.Fatalf("%d lines held, at most %d may be", len(c.open), journalChainsOpen)
	}
	for _, ch := range c.open {
		if len(ch.line.Raw) >= journalChainBytes || ch.pieces >= journalChainPieces {
			t.Fatalf("a held line of %d bytes in %d pieces", len(ch.line.Raw), ch.pieces)
		}
	}
}

// TestJournalChainsCutALongLine: a line passing journalChainBytes is sent
// cut, the piece that passed it included, and its next pieces make a line
// of their own.
func TestJournalChainsCutALongLine(t *testing.T) {
	var c journalChains
	var out journalBatch
	piece := bytes.Repeat([]byte("x"), 1<<20)
	f := &model.JournalFields{Unit: "docker.service"}
	p := journalPiece{partial: true, container: []byte("4cb6180740b3")}
	for i := range 6 {
		if i == 5 {
			p.partial = false
		}
		c.add(&out, model.Record{Raw: piece, Journal: f, Received: time.Unix(int64(i), 0)}, p, time.Now())
	}
	recs := out.take()
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%d MiB %q at %d", len(r.Raw)>>20, r.Note, r.Received.Unix()))
	}
	if want := []string{`4 MiB "cut line" at 0`, `2 MiB "" at 4`}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestJournalChainsHoldAFewLines: a line of one stream more than
// journalChainsOpen sends the oldest held as it stands.
func TestJournalChainsHoldAFewLines(t *testing.T) {
	var c journalChains
	var out journalBatch
	for i := range journalChainsOpen + 1 {
		f := &model.JournalFields{Unit: "docker.service"}
		p := journalPiece{partial: true, container: fmt.Appendf(nil, "c%d", i)}
		c.add(&out, model.Record{Raw: fmt.Appendf(nil, "line %d", i), Journal: f}, p, time.Now())
	}
	recs := out.take()
	if len(recs) != 1 || string(recs[0].Raw) != "line 0" || recs[0].Note != model.NotePartialLine || len(c.open) != journalChainsOpen {
		t.Fatalf("sent %d records, holding %d:\n%s", len(recs), len(c.open), journalDescribeShort(recs))
	}
}

// journalDescribeShort renders records one per line, long lines cut short.
func journalDescribeShort(recs []model.Record) string {
	var b strings.Builder
	for i, r := range recs {
		raw := r.Raw
		if len(raw) > 60 {
			raw = raw[:60]
		}
		fmt.Fprintf(&b, "%3d mark %d %-12q %6d bytes %q\n", i, r.Mark, r.Note, len(r.Raw), raw)
	}
	return b.String()
}

package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// selectEvery is a Selector that writes every entry read.
type selectEvery struct{}

func (selectEvery) Settle([]model.Entry)       {}
func (selectEvery) Match(*model.Entry) bool    { return true }
func (selectEvery) InWindow(*model.Entry) bool { return true }

// decodeLines reads lines as a file's and returns their entries.
func decodeLines(t *testing.T, lines []string) []model.Entry {
	t.Helper()
	d := decode.New(1, decode.Options{Location: time.UTC, Reference: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)})
	var es []model.Entry
	off := int64(0)
	received := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	for _, line := range lines {
		es = d.Decode(&model.Record{Raw: []byte(line), Source: 1, Offset: off, Received: received}, es)
		off += int64(len(line)) + 1
	}
	return d.Flush(es)
}

// streamRedacted writes es through a redacting Sink with workers
// goroutines redacting, keyed as key, in batches of batch entries. A
// followed export learns as entries pass and flushes every batch; else the
// entries are learned first, as the command line does.
func streamRedacted(t *testing.T, key *Redactor, es []model.Entry, format Format, workers, batch int, follow bool) []byte {
	t.Helper()
	r := key.Fresh()
	so := SinkOptions{Follow: follow, Complete: decode.Complete}
	if follow {
		so.Learn = r
	} else {
		for i := range es {
			decode.Complete(&es[i])
		}
		if err := r.Learn(t.Context(), Slice(pointers(es))); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	s, err := NewSink(&out, Options{Format: format, Redact: r, RedactWorkers: workers, Location: time.UTC,
		Bundle: BundleInfo{Query: "ip:203.0.113.77 user=113256"}}, selectEvery{}, so)
	if err != nil {
		t.Fatal(err)
	}
	if b, ok := s.Writer.(*pipeline).fw.(*bundleWriter); ok {
		b.now = func() time.Time { return time.Date(2026, 11, 21, 13, 0, 0, 0, time.UTC) }
	}
	for from := 0; from < len(es); from += batch {
		// A batch is the sink's to change (the tracker numbers entries).
		s.Batch(append([]model.Entry(nil), es[from:min(from+batch, len(es))]...), false)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func pointers(es []model.Entry) []*model.Entry {
	out := make([]*model.Entry, len(es))
	for i := range es {
		out[i] = &es[i]
	}
	return out
}

var everyFormat = []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal, FormatBundle}

// checkSameOnManyWorkers checks that es are written the same by one
// goroutine redacting and by several, in every format, batched as a
// stream is and followed or not.
func checkSameOnManyWorkers(t *testing.T, es []model.Entry) {
	t.Helper()
	key := NewRedactor()
	for _, format := range everyFormat {
		for _, follow := range []bool{false, true} {
			for _, batch := range []int{1, 7, 1000} {
				one := streamRedacted(t, key, es, format, 1, batch, follow)
				for _, workers := range []int{2, 4} {
					if many := streamRedacted(t, key, es, format, workers, batch, follow); !bytes.Equal(one, many) {
						t.Errorf("%s, follow %v, batches of %d: %d workers wrote other bytes than one:\n%s\n%s",
							format, follow, batch, workers, one, many)
					}
				}
			}
		}
	}
}

// A followed export learns as it goes: a record written before the one
// that reveals an address keeps it, however many goroutines redact, and
// however far they run behind the learning.
func TestFollowedRedactionLearnsInOrderOnManyWorkers(t *testing.T) {
	es := decodeLines(t, []string{
		`2026-02-10T08:00:00.000000000Z [INFO] [libsdwan] [peer] peer=203.0.113.77:51820 connected`,
		`2026-02-10T08:00:01.000000000Z [INFO] [connector] processing "health" request`,
		`2026-02-10T08:00:02.000000000Z ANALYTICS {"connection": {"client_ip": "203.0.113.77", "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "10.20.30.40", "resource_port": 443, "rx": 1, "tx": 2}, "event_type": "established_connection", "timestamp": 1770710402000, "user": {"email": "user@twingate.com", "id": "113256"}}`,
		`2026-02-10T08:00:03.000000000Z [WARN] [libsdwan] peer 203.0.113.77: keepalive lost`,
	})
	key := NewRedactor()
	one := streamRedacted(t, key, es, FormatRaw, 1, 100, true)
	if !strings.Contains(strings.SplitN(string(one), "\n", 2)[0], "203.0.113.77") {
		t.Fatalf("a followed export replaced an address in a line before the event revealing it:\n%s", one)
	}
	checkSameOnManyWorkers(t, es)
}

// A stream's pairs are those its tracker knew when each record was
// written one at a time: an establishment whose close follows in the same
// batch is written as open, however many goroutines redact.
func TestRedactedPairsAreTheStreamsOnManyWorkers(t *testing.T) {
	event := func(sec int, event string) string {
		return fmt.Sprintf(`2026-02-10T08:00:%02d.000000000Z ANALYTICS {"connection": {"client_ip": "203.0.113.77", "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "10.20.30.40", "resource_port": 443, "rx": 1, "tx": 2}, "event_type": "%s", "timestamp": 1770710402000, "user": {"email": "user@twingate.com", "id": "113256"}}`, sec, event)
	}
	es := decodeLines(t, []string{
		event(0, "established_connection"),
		`2026-02-10T08:00:01.000000000Z [INFO] [connector] processing "health" request`,
		event(2, "closed_connection"), // last: the tracker forgets a connection at the entry after its end
	})
	one := streamRedacted(t, NewRedactor(), es, FormatNDJSON, 1, 100, false)
	if !strings.Contains(strings.SplitN(string(one), "\n", 2)[0], `"open":true`) {
		t.Fatalf("the establishment is not written open:\n%s", one)
	}
	checkSameOnManyWorkers(t, es)
}

// The fixtures' lines, the published samples' among them, are written the
// same by one goroutine redacting and by several.
func TestRedactedFixturesAreTheSameOnManyWorkers(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*/*.log")
	journals, _ := filepath.Glob("../../testdata/journal/*.export")
	files = append(append(files, "testdata/lines.txt"), journals...)
	if len(files) < 30 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkSameOnManyWorkers(t, decodeLines(t, strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")))
		})
	}
}

// A batch is sent once its records hold batchEntries entries, however
// few records it has: a record may hold thousands (a Pangolin response's
// rows), and the batches in flight bound the memory held.
func TestABatchOfManyEntriesIsSentEarly(t *testing.T) {
	g := &recordGroup{r: NewRedactor(), emit: func(*model.Entry) error { return nil }}
	p := newRecordTaker(g, 2).(*parallelRedaction)
	g.out = p
	defer p.stop()
	e := serviceEntry()
	for range 2 {
		h := p.slot()
		h.raw = append(h.raw[:0], e.Raw...)
		for range batchEntries / 2 {
			h.entries = append(h.entries, *e)
		}
		h.r = *g.r
		if err := p.take(h); err != nil {
			t.Fatal(err)
		}
	}
	if p.filling != nil {
		t.Fatalf("a batch of %d records holding %d entries was not sent", p.filling.n, p.filling.entries)
	}
	if err := p.drain(); err != nil {
		t.Fatal(err)
	}
}

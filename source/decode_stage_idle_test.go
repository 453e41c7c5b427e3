package source

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"weak"

	"connlog/model"
	"connlog/model/decode"
	"connlog/source/synth"
)

// quietInput sends its batches, forgets them, and then stays quiet until
// the run ends, as a followed file does once read to its end.
type quietInput struct {
	batches [][]model.Record
	sent    atomic.Int64
}

func (q *quietInput) Name() string { return "quiet" }

func (q *quietInput) Run(ctx context.Context, out chan<- []model.Record) error {
	for k, b := range q.batches {
		if k == 1 {
			// The envelope is settled with the first batch: the later ones
			// are prepared by the workers, as a file's are.
			time.Sleep(100 * time.Millisecond)
		}
		select {
		case out <- b:
			q.sent.Add(int64(len(b)))
			q.batches[k] = nil
		case <-ctx.Done():
			return nil
		}
	}
	<-ctx.Done()
	return nil
}

// connectorBuffer is a read buffer filled with a level-7 connector's lines
// (service lines and ANALYTICS events, as `docker logs -t` prints them),
// cut into batches of records whose bytes lie in it, as a file source
// reads them.
func connectorBuffer(seed int64, batches, perBatch int) (*[256 << 10]byte, [][]model.Record) {
	buf := new([256 << 10]byte)
	g := synth.New(seed, synth.Options{})
	var line []byte
	var out [][]model.Record
	pos := 0
	for range batches {
		var b []model.Record
		for range perBatch {
			var at time.Time
			line, at, _ = g.Next(line[:0])
			text := append(synth.AppendRFC3339(nil, at.UnixNano(), 9, false), ' ')
			text = append(text, line...)
			if pos+len(text) > len(buf) {
				break
			}
			n := copy(buf[pos:], text)
			b = append(b, model.Record{Raw: buf[pos : pos+n : pos+n], Offset: int64(pos), Received: at})
			pos += n
		}
		out = append(out, b)
	}
	return buf, out
}

// Inputs that have gone quiet keep none of their lines' bytes: not in the
// merger's queues, nor in the blocks their decoders would carve the next
// lines' fields from, nor in a batch or an entry slice kept for reuse. Each
// held its last read buffer for as long as the run went on: with hundreds
// of files followed, most of the heap.
func TestQuietInputsKeepNoneOfTheirLines(t *testing.T) {
	const inputs, batches, perBatch = 3, 6, 150
	opts := decode.Options{Location: time.UTC, IndexService: true, Templates: true}
	var feeds []Feed
	var bufs []weak.Pointer[[256 << 10]byte]
	total := 0
	for i := range inputs {
		buf, recs := connectorBuffer(int64(i+1), batches, perBatch)
		if i == 0 { // and one begins with a block of its head, as a file read tail first
			for r := range recs[0] {
				recs[0][r].Backfill = true
			}
		}
		bufs = append(bufs, weak.Make(buf))
		for _, b := range recs {
			total += len(b)
		}
		feeds = append(feeds, Feed{ID: model.SourceID(i), Source: &quietInput{batches: recs}, Decode: opts})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got atomic.Int64
	go Ingest(ctx, feeds, func(es []model.Entry, _ bool) { got.Add(int64(len(es))) }, nil)
	deadline := time.Now().Add(20 * time.Second)
	for got.Load() < int64(total) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d entries came out", got.Load(), total)
		}
		time.Sleep(10 * time.Millisecond)
	}
	var held int
	for time.Now().Before(deadline) {
		runtime.GC()
		held = 0
		for _, w := range bufs {
			if w.Value() != nil {
				held++
			}
		}
		if held == 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%d of %d quiet inputs still keep their read buffer alive", held, inputs)
}

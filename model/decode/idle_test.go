package decode

import (
	"runtime"
	"testing"
	"time"
	"weak"

	"connlog/model"
)

// idleLines are lines whose decoding carves from every block a decoder
// keeps for the next lines: a service line's indexed fields, an event's
// fields and memo, a Docker json-file line's unescaped payload.
var idleLines = []string{
	`2026-02-10T08:00:00.002634600Z [DEBUG] [libsdwan] [dns] dns_cache::lookup: grafana.internal.example.com hit, expires in 160s`,
	`2026-02-10T08:00:00.297080733Z ANALYTICS {"connection": {"client_ip": "68.173.153.21", "id": "2ad8d54a58d092c2-1", "protocol": "tcp", "resource_ip": "10.20.3.11", "resource_port": 22}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "event_type": "established_connection", "location": "{\"geoip\":{\"city\":\"New York\",\"country\":\"US\"}}", "resource": {"address": "10.20.3.0/24", "id": "2255533"}, "timestamp": 1770710400297, "user": {"email": "vera.novak@example.com", "id": "113945"}}`,
	`{"log":"[INFO] [connector] processing \"health\" request\n","stream":"stdout","time":"2026-02-10T08:00:00.066836059Z"}`,
}

// idleBuffer returns a read buffer holding line and the records of it
// (several, so that the envelope settles and a Preparer is made).
func idleBuffer(line string) (*[1 << 12]byte, []model.Record) {
	buf := new([1 << 12]byte)
	var recs []model.Record
	for pos := 0; pos+len(line) <= len(buf) && len(recs) < 4; pos += len(line) {
		copy(buf[pos:], line)
		recs = append(recs, model.Record{Raw: buf[pos : pos+len(line) : pos+len(line)], Offset: int64(pos), Received: time.Unix(0, 0)})
	}
	return buf, recs
}

// gone reports whether w's buffer was collected, after the collections
// that also empty the runtime's pools.
func gone[T any](w weak.Pointer[T]) bool {
	runtime.GC()
	runtime.GC()
	return w.Value() == nil
}

// An idle Decoder or Preparer keeps nothing of the lines it decoded last,
// once their entries are gone: the blocks it carves the next lines from
// (fields, unescaped payloads, the event memo) no longer hold values over
// those lines' bytes, which a source's whole read buffer lies in.
func TestIdleKeepsNothingOfTheLastLines(t *testing.T) {
	opts := Options{Location: time.UTC, IndexService: true, Templates: true}
	for _, line := range idleLines {
		t.Run(line[:24], func(t *testing.T) {
			buf, recs := idleBuffer(line)
			w := weak.Make(buf)
			d := New(1, opts)
			var es []model.Entry
			for i := range recs[:2] {
				es = d.Decode(&recs[i], es)
			}
			p := d.Preparer().Clone()
			var b Batch
			p.Prepare(&b, recs[2:], nil)
			es = d.Flush(d.Assemble(&b, es))
			if len(es) != len(recs) {
				t.Fatalf("%d entries of %d lines", len(es), len(recs))
			}
			buf, recs, es = nil, nil, nil
			d.Idle()
			p.Idle()
			if !gone(w) {
				t.Fatal("the read buffer is still reachable from an idle decoder")
			}
			runtime.KeepAlive(d)
			runtime.KeepAlive(p)
			runtime.KeepAlive(&b)
		})
	}
}

// A batch assembled line by line (one line held, as a JSON document that
// opens is) keeps neither the records nor the entries it handed on: the
// ingest stage pools batches, and a pooled one would pin its lines' buffer.
func TestAssembledBatchKeepsNothing(t *testing.T) {
	opts := Options{Location: time.UTC, IndexService: true}
	buf, recs := idleBuffer(idleLines[0])
	recs[len(recs)-1].Raw = append(recs[len(recs)-1].Raw[:0:0], `{"level": "info",`...) // opens a document, held
	w := weak.Make(buf)
	d := New(1, opts)
	es := d.Decode(&recs[0], nil)
	p := d.Preparer().Clone()
	var b Batch
	p.Prepare(&b, recs[1:], nil)
	if b.direct {
		t.Fatal("the batch stands alone: the test needs a held line")
	}
	es = d.Assemble(&b, es)
	if len(es) != len(recs)-1 {
		t.Fatalf("%d entries of %d lines, one held", len(es), len(recs))
	}
	buf, recs, es = nil, nil, nil
	d.Idle()
	p.Idle()
	if !gone(w) {
		t.Fatal("the read buffer is still reachable from the assembled batch")
	}
	runtime.KeepAlive(&b)
	runtime.KeepAlive(d)
	runtime.KeepAlive(p)
}

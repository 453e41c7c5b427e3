package query_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/envelope"
	"connlog/model/query"
)

// FuzzViewsHoldWhatTheFullLinesMatch runs a query over a store filled as
// the TUI fills it (service lines with their indexed fields only, ANALYTICS
// events parsed for the index, messages left to a re-parse) and checks
// that the view holds exactly the lines the query matches when each is
// decoded in full: what a view decides without parsing a line (on its row,
// raw bytes and index, or on the index of a kind whole there) is what the
// parse would decide.
func FuzzViewsHoldWhatTheFullLinesMatch(f *testing.F) {
	lines := []string{
		"2026-02-10T08:00:00.002634600Z [DEBUG] [libsdwan] [dns] dns_cache::lookup: grafana.internal hit, expires in 160s",
		"2026-02-10T08:00:00.128906439Z [WARN] [libsdwan] [relay] relay_client::keepalive: relay 34.107.201.19:30014 rtt=72ms",
		`2026-02-10T08:00:00.297080733Z ANALYTICS {"connection": {"id": "2ad8d54a58d092c2-1", "client_ip": "68.1.1.2"}, "event_type": "established_connection", "location": "{\"geoip\":{\"city\":\"New York\",\"country\":\"US\"}}", "user": {"email": "vera@example.com", "id": "1"}}`,
		`2026-02-10T08:00:01.000000000Z ANALYTICS {"event_type": "failed_to_connect", "message": "relay timeout", "user": {"email": "bob@example.com"}}`,
		`2026-02-10T08:00:02.000000000Z {"level":"error","msg":"dial tcp: connection refused","user":"alice"}`,
		`2026-02-10T08:00:03.000000000Z {"level":"info","msg":"quoted \"relay\" timeout"}`,
		"2026-02-10T08:00:04.000000000Z \x1b[31mERROR\x1b[0m relay timeout",
		"2026-02-10T08:00:05.000000000Z plain text with Relay and TIMEOUT",
		`{"MESSAGE":[114,101,108,97,121],"PRIORITY":"3","__REALTIME_TIMESTAMP":"1770710400000000"}`,
	}
	for i, q := range []string{"msg:*relay*", "msg:*timeout* or user:*", "-msg:*relay* level>=info", "relay msg:*time*",
		`message:"dial*"`, "msg=relay", "msg:*rtt* module:libsdwan*", "msg:*Relay* or kind:analytics", "msg:*x*"} {
		f.Add([]byte(lines[i%len(lines)]+"\n"+lines[(i+2)%len(lines)]+"\n"+lines[(i+5)%len(lines)]+"\n"), uint8(i), q)
	}
	// A message only its parse spells out: a journal-json MESSAGE given as
	// byte values, a JSON escape.
	journal := `{"__CURSOR":"s=1;i=1","__REALTIME_TIMESTAMP":"1770710400000000","PRIORITY":"6","_SYSTEMD_UNIT":"twingate-connector.service",` +
		`"MESSAGE":[91,73,78,70,79,93,32,114,101,108,97,121]}`
	f.Add([]byte(journal+"\n"+journal+"\n"), uint8(0), "msg:*relay*")
	f.Add([]byte(journal+"\n"), uint8(5), "msg:*relay* or relay")
	f.Add([]byte(`{"level":"info","msg":"tab\u0062ed relay"}`+"\n"), uint8(0), "msg:*tabbed*")
	// docker json-file records: a log string ending with its newline, one
	// with an escape inside.
	f.Add([]byte(`{"log":"[WARN] [libsdwan] relay 1.2.3.4 timeout\n","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`+"\n"+
		`{"log":"[INFO] [connector] say \"relay\"\u0021\n","stream":"stdout","time":"2026-02-10T08:00:01.1Z"}`+"\n"), uint8(0), "msg:*relay!* or msg:*timeout*")
	// Values that hold an escape sequence and a bell, typed as shown.
	f.Add([]byte("2026-02-10T08:00:06.000000000Z [INFO] [connector] login user=evil\x1b]0;pwned\x07 ok\n"+
		`2026-02-10T08:00:07.000000000Z {"level":"info","msg":"login","user":"evil\u001b]0;pwned\u0007"}`+"\n"), uint8(0),
		`msg:*user=evil␛]0;pwned\x07* or .user:evil␛*`)
	f.Fuzz(func(t *testing.T, data []byte, env uint8, src string) {
		q, err := query.Compile(src, query.Options{Now: time.Unix(1770710400, 0), Location: time.UTC})
		if err != nil {
			return
		}
		opt := decode.Options{Envelope: envelopeOf(env), Reference: time.Unix(1770710400, 0)}
		whole := decodeLines(data, opt)
		opt.IndexService, opt.Templates = true, true
		indexed := decodeLines(data, opt)
		if len(indexed) != len(whole) {
			t.Fatalf("%d entries decoded for the store, %d in full", len(indexed), len(whole))
		}
		sn := snapshotOf(indexed)
		var want []int64
		for i := range whole {
			if q.Match(&whole[i]) {
				want = append(want, sn.First()+int64(i))
			}
		}
		if got := viewOf(t, sn, q); !slices.Equal(got, want) {
			t.Fatalf("%q over %q: the view holds %v, the lines decoded in full match %v", src, data, got, want)
		}
	})
}

// snapshotOf fills a store with entries decoded for it, as the TUI fills
// one, and returns its snapshot.
func snapshotOf(entries []model.Entry) *model.Snapshot {
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads,
		MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	st.Append(entries)
	return st.Snapshot()
}

// viewOf returns the sequence numbers of the entries of sn that the view of
// q holds.
func viewOf(t *testing.T, sn *model.Snapshot, q *query.Query) []int64 {
	t.Helper()
	return seqsOf(t, sn, q.Filter())
}

// seqsOf returns the sequence numbers of the entries of sn the view of f
// holds.
func seqsOf(t *testing.T, sn *model.Snapshot, f model.Filter) []int64 {
	t.Helper()
	v, err := model.BuildView(context.Background(), sn, f)
	if err != nil {
		t.Fatal(err)
	}
	var seqs []int64
	for i := range v.Len() {
		seqs = append(seqs, v.At(i))
	}
	return seqs
}

// envelopeOf maps a fuzzed byte to a decoder's envelope: detected, or one
// forced.
func envelopeOf(b uint8) string {
	kinds := envelope.Kinds()
	if b%uint8(len(kinds)+1) == 0 {
		return ""
	}
	return kinds[int(b)%len(kinds)].String()
}

// decodeLines decodes each line of data as a file's.
func decodeLines(data []byte, opt decode.Options) []model.Entry {
	d := decode.New(1, opt)
	var es []model.Entry
	off := int64(0)
	for len(data) > 0 {
		line := data
		if n := bytes.IndexByte(data, '\n'); n >= 0 {
			line, data = data[:n], data[n+1:]
		} else {
			data = nil
		}
		rec := model.Record{Raw: line, Source: 1, Offset: off, Received: time.Unix(1770710400, 0)}
		es = d.Decode(&rec, es)
		off += int64(len(line)) + 1
	}
	return d.Flush(es)
}

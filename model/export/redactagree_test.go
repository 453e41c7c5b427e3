package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// reproLines are the lines of a report of values the redacted raw line
// replaced and its fields kept: an event whose user id is also its rx (a
// string the parser reads as a number), a service line quoting the id in
// other ways than key="value", and a JSON line naming the user elsewhere.
var reproLines = []string{
	`2026-02-10T08:00:00.000000000Z ANALYTICS {"event_type":"established_connection","timestamp":1770710400000,"user":{"id":"113256","email":"alice@example.com","name":"Alice Smith"},"device":{"id":"200903"},"resource":{"id":"2","address":"db.internal"},"connection":{"id":"c1","client_ip":"203.0.113.9","rx":"113256"}}`,
	`2026-02-10T08:00:01.000000000Z [INFO] [connector] user 113256 owner: "113256" note='113256' who="alice@example.com"`,
	`2026-02-10T08:00:02.000000000Z {"msg":"x","label":"Alice Smith","bytes":"113256","rx":"113256"}`,
}

// redactedWith writes es in format with r, which learns them first, as a
// headless export of files does, and returns what it wrote.
func redactedWith(t *testing.T, r *Redactor, es []model.Entry, format Format) []byte {
	t.Helper()
	for i := range es {
		decode.Complete(&es[i])
	}
	if err := r.Learn(t.Context(), Slice(pointers(es))); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := NewSink(&out, Options{Format: format, Redact: r, RedactWorkers: 1, Location: time.UTC}, selectEvery{},
		SinkOptions{Complete: decode.Complete})
	if err != nil {
		t.Fatal(err)
	}
	s.Batch(es, false)
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A field the parser reads as a number from a quoted string ("rx":"113256")
// holds what the line held: where the line's string was a learned id and
// became its pseudonym, the field is that pseudonym, a string, and not the
// number the line no longer shows.
func TestRedactedNumberFieldFollowsItsQuotedLine(t *testing.T) {
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, reproLines[:1]), FormatNDJSON))
	user := r.pseudonym(classUser, "113256")
	if raw := rows[0]["raw"].(string); !strings.Contains(raw, `"rx":"`+user+`"`) {
		t.Fatalf("the line's rx is not the user's pseudonym:\n%s", raw)
	}
	conn := rows[0]["fields"].(map[string]any)["connection"].(map[string]any)
	if got := conn["rx"]; got != user {
		t.Errorf("fields.connection.rx = %#v, want the line's %q", got, user)
	}
	csv := redactedWith(t, r.Fresh(), decodeLines(t, reproLines[:1]), FormatCSV)
	if bytes.Contains(csv, []byte("113256")) {
		t.Errorf("the CSV keeps the id the line lost:\n%s", csv)
	}
}

// A number written bare under a key that names no id stays, in the line
// and the field alike: a byte count equal to an id is still a byte count.
func TestRedactedBareNumberFieldStays(t *testing.T) {
	lines := []string{
		reproLines[0],
		`2026-02-10T08:00:03.000000000Z ANALYTICS {"event_type":"closed_connection","timestamp":1770710403000,"connection":{"id":"c1","rx":113256,"tx":113256}}`,
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, lines), FormatNDJSON))
	if raw := rows[1]["raw"].(string); !strings.Contains(raw, `"rx":113256,"tx":113256`) {
		t.Errorf("a bare count was replaced in the line:\n%s", raw)
	}
	conn := rows[1]["fields"].(map[string]any)["connection"].(map[string]any)
	if got := conn["rx"]; got == nil || got.(interface{ String() string }).String() != "113256" {
		t.Errorf("fields.connection.rx = %#v, want the number 113256", got)
	}
}

// quotedCSVLines are a session CSV export whose user id is also a quoted
// byte count, in the second line a bare one too; then as much of a short
// user id, which a quoted cell, under no key, loses too.
var quotedCSVLines = []string{
	"sessionId,siteResourceId,orgId,siteId,clientId,clientEndpoint,userId,sourceAddr,destAddr,protocol,startedAt,endedAt,bytesTx,bytesRx",
	`s1,35,org1,7,12,198.51.100.4:4000,"113256",100.90.128.5:38004,10.0.0.5:22,tcp,1770710400,1770710460,"113256",77`,
	`s2,35,org1,7,12,198.51.100.4:4000,"113256",100.90.128.5:38004,10.0.0.5:22,tcp,1770710400,1770710460,"113256",113256`,
	`s3,35,org1,7,12,198.51.100.4:4000,"9",100.90.128.5:38004,10.0.0.5:22,tcp,1770710400,1770710460,"9",9`,
	`s4,35,org1,7,12,198.51.100.4:4000,"9",100.90.128.5:38004,10.0.0.5:22,tcp,1770710400,1770710460,"9",8`,
}

// A session CSV line's cell may quote a number ("113256"), which the
// parser reads as one: where the line's cell became the pseudonym, so does
// the field. A line that also writes the number bare keeps it there and
// in both fields: it does not say which cell a field was read from.
func TestRedactedNumberFieldFollowsItsQuotedCSVCell(t *testing.T) {
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, quotedCSVLines), FormatNDJSON))
	user, short := r.pseudonym(classUser, "113256"), r.pseudonym(classUser, "9")
	for i, c := range []struct{ raw, tx, rx string }{
		{`"` + user + `",77`, user, "77"}, {`"` + user + `",113256`, "113256", "113256"},
		{`"` + short + `",9`, "9", "9"}, {`"` + short + `",8`, short, "8"},
	} {
		row := rows[len(rows)-4+i]
		if raw := row["raw"].(string); !strings.HasSuffix(raw, c.raw) {
			t.Fatalf("line %d's cells are not as expected:\n%s", i, raw)
		}
		fields := row["fields"].(map[string]any)
		if got := leafText(fields["bytesTx"]); got != c.tx {
			t.Errorf("line %d: fields.bytesTx = %#v, want %q", i, fields["bytesTx"], c.tx)
		}
		if got := leafText(fields["bytesRx"]); got != c.rx {
			t.Errorf("line %d: fields.bytesRx = %#v, want %q", i, fields["bytesRx"], c.rx)
		}
	}
}

package export

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"connlog/model"
	"connlog/model/inert"
)

// readCSV parses an export back into header-keyed rows.
func readCSV(t testing.TB, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, data)
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

func TestCSVSessionColumnsArePangolins(t *testing.T) {
	out := encode(t, []*model.Entry{sessionEntry()}, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindSession}})
	header, rows := readCSV(t, out)
	want := strings.Split("sessionId,siteResourceId,orgId,siteId,clientId,clientEndpoint,userId,sourceAddr,destAddr,protocol,startedAt,endedAt,bytesTx,bytesRx", ",")
	if !reflect.DeepEqual(header, want) {
		t.Fatalf("header = %v\nwant %v", header, want)
	}
	started := time.Date(2026, 2, 10, 14, 21, 37, 0, time.UTC).Unix()
	if rows[0]["startedAt"] != itoa(started) || rows[0]["endedAt"] != itoa(started+62) {
		t.Errorf("times not epoch seconds: %v / %v", rows[0]["startedAt"], rows[0]["endedAt"])
	}
	if rows[0]["sourceAddr"] != "100.90.128.5:38004" || rows[0]["siteResourceId"] != "35" {
		t.Errorf("row = %v", rows[0])
	}
}

func TestCSVAnalyticsColumns(t *testing.T) {
	established, closed := relayedEntry(), analyticsEntry()
	failed := analyticsEntry()
	failed.Seq = 99
	failed.Fields = model.Fields{model.Str(model.KeyEventType, model.EventFailed),
		model.Str(model.KeyErrorMessage, "=cmd|' /C calc'!A0")}
	pf := pairs{
		10: {ID: "c", Partner: 11, PartnerTime: closed.Time, PartnerEvent: model.EventClosed},
		11: {ID: "c", Partner: 10, PartnerTime: established.Time, PartnerEvent: model.EventEstablished},
	}
	out := encode(t, []*model.Entry{established, closed, failed}, Options{Format: FormatCSV,
		Kinds: []model.Kind{model.KindAnalytics}, Pairs: pf})
	header, rows := readCSV(t, out)
	console := strings.Split("start_time,end_time,user,user_id,device_id,client_ip,connector,connector_id,resource_ip,resource_port,resource_domain,resource_id,protocol,status,bytes_transferred,bytes_received,remote_network,remote_network_id,applied_rule,relays,relay_ips,relay_ports", ",")
	if !reflect.DeepEqual(header[:len(console)], console) {
		t.Fatalf("header starts %v\nwant %v", header[:len(console)], console)
	}
	if last := header[len(header)-1]; last != "error_message" {
		t.Errorf("header ends with %q, want the events' own last column, error_message", last)
	}
	start := "2023-10-26T20:45:15.292Z"
	end := "2023-10-26T21:35:50.045Z"
	tests := []struct {
		name, col, want string
		row             int
	}{
		{"established ends at its close", "end_time", end, 0},
		{"close starts at its establishment", "start_time", start, 1},
		{"relays joined", "relay_ips", "34.147.237.117;35.188.149.148", 0},
		{"relay ports joined", "relay_ports", "30018;30000", 0},
		{"bytes transferred is tx", "bytes_transferred", "23363", 1},
		{"domain is the resource address", "resource_domain", "app.website.com", 1},
		{"status normal", "status", "NORMAL", 1},
		{"status failed", "status", "CONNECTION_FAILED", 2},
		{"formula is defused", "error_message", "'=cmd|' /C calc'!A0", 2},
		{"country", "country", "US", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rows[tt.row][tt.col]; got != tt.want {
				t.Errorf("%s = %q, want %q", tt.col, got, tt.want)
			}
		})
	}
}

func TestCSVStartFromDurationWithoutPairs(t *testing.T) {
	out := encode(t, []*model.Entry{analyticsEntry()}, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindAnalytics}})
	_, rows := readCSV(t, out)
	if rows[0]["start_time"] != "2023-10-26T20:45:15.292Z" {
		t.Errorf("start_time = %q, want close time minus duration", rows[0]["start_time"])
	}
}

func TestCSVCellsSurvive(t *testing.T) {
	cells := []struct {
		name, in, want string
	}{
		{"equals", "=1+1", "'=1+1"},
		{"plus", "+SUM(A1)", "'+SUM(A1)"},
		{"minus", "-2", "'-2"},
		{"at", "@import", "'@import"},
		{"tab made visible", "\tx", `\tx`},
		{"carriage return made visible", "\rx", `\rx`},
		{"embedded newline made visible", "line one\nline two", `line one\nline two`},
		{"quotes and commas", `say "hi", bye`, `say "hi", bye`},
		{"plain", "plain", "plain"},
		{"invalid utf-8 made visible", "a\xffb", `a\xffb`},
		{"escape made visible", "t \x1b]0;pwned\x07 \x1b[2J", `t ␛]0;pwned\x07 ␛[2J`},
		{"lone C1 byte made visible", "c1 \x9b2J \x9d0;pw", `c1 \x9b2J \x9d0;pw`},
		{"encoded C1 control made visible", "c1 \u009b2J", "c1 ‹U+009B›2J"},
		{"nul made visible", "nul \x00 byte", `nul \x00 byte`},
		{"formula behind a control byte", "=1\x07", `'=1\x07`},
	}
	var entries []*model.Entry
	for _, c := range cells {
		entries = append(entries, textEntry(c.in))
	}
	out := encode(t, entries, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindText}})
	_, rows := readCSV(t, out)
	for i, c := range cells {
		t.Run(c.name, func(t *testing.T) {
			if got := rows[i]["message"]; got != c.want {
				t.Errorf("message cell = %q, want %q", got, c.want)
			}
		})
	}
}

func TestCSVMixedKinds(t *testing.T) {
	entries := mixedEntries()
	out := encode(t, entries, Options{Format: FormatCSV})
	header, rows := readCSV(t, out)
	if header[0] != "kind" {
		t.Fatalf("first column = %q, want kind", header[0])
	}
	seen := map[string]bool{}
	for _, h := range header {
		if seen[h] {
			t.Errorf("column %q appears twice", h)
		}
		seen[h] = true
	}
	if len(rows) != len(entries) {
		t.Fatalf("%d rows for %d entries", len(rows), len(entries))
	}
	for i, e := range entries {
		if rows[i]["kind"] != e.Kind.String() {
			t.Errorf("row %d kind = %q, want %q", i, rows[i]["kind"], e.Kind)
		}
	}
	if rows[3]["sessionId"] != "0123456789abcdef" || rows[3]["connection_id"] != "" {
		t.Errorf("session row filled the wrong columns: %v", rows[3])
	}
	for i, e := range entries {
		if want := csvTimeText(e.Time); rows[i]["time"] != want {
			t.Errorf("%v row's time %q, want %q", e.Kind, rows[i]["time"], want)
		}
	}
	if rows[8]["message"] != "file rotated before it was read to the end: up to 42 bytes may be missing" {
		t.Errorf("gap row message = %q", rows[8]["message"])
	}
}

func TestCSVSingleKindSkipsOthers(t *testing.T) {
	var buf bytes.Buffer
	st, err := Stream(t.Context(), &buf, Slice(mixedEntries()), Options{Format: FormatCSV, Kinds: []model.Kind{model.KindFlow}})
	if err != nil {
		t.Fatal(err)
	}
	_, rows := readCSV(t, buf.Bytes())
	if len(rows) != 2 || st.Skipped != int64(len(mixedEntries())-2) {
		t.Errorf("rows = %d, skipped = %d; want 2 rows and the rest skipped", len(rows), st.Skipped)
	}
}

func TestCSVEmptyExportHasHeader(t *testing.T) {
	out := encode(t, nil, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindService}})
	header, rows := readCSV(t, out)
	if len(rows) != 0 || !reflect.DeepEqual(header, []string{"time", "level", "source", "module", "function", "library", "message", "error"}) {
		t.Errorf("header = %v, rows = %d", header, len(rows))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func FuzzCSV(f *testing.F) {
	for _, s := range []string{"", "=1", "a,b", "\"q\"", "x\ny", "\r\n", "-", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := encode(t, []*model.Entry{textEntry(s), serviceEntry()}, Options{Format: FormatCSV})
		_, rows := readCSV(t, out)
		if len(rows) != 2 {
			t.Fatalf("%d rows, want 2", len(rows))
		}
		// Control characters and invalid UTF-8 are made visible, as in
		// the text format, so that each cell is one line of valid UTF-8.
		want := protectCell(inert.Sanitize(s))
		if got := rows[0]["message"]; got != want {
			t.Fatalf("cell %q came back as %q, want %q", s, got, want)
		}
	})
}

// TestCSVWithStreamingPairTracker checks that a tracker given as Pairs sees
// each entry before it is written, so a close finds its establishment.
func TestCSVWithStreamingPairTracker(t *testing.T) {
	established, closed := relayedEntry(), analyticsEntry()
	var kept model.Fields
	for _, f := range closed.Fields {
		if f.Key != model.KeyDuration {
			kept = append(kept, f)
		}
	}
	closed.Fields = kept // without a duration only the pairing gives the start
	out := encode(t, []*model.Entry{established, closed}, Options{Format: FormatCSV,
		Kinds: []model.Kind{model.KindAnalytics}, Pairs: model.NewPairTracker()})
	_, rows := readCSV(t, out)
	if want := "2023-10-26T20:45:15.292Z"; rows[1]["start_time"] != want {
		t.Errorf("close start_time = %q, want the establishment's time %s", rows[1]["start_time"], want)
	}
	if rows[0]["end_time"] != "" {
		t.Errorf("a streaming tracker cannot know the future, yet end_time = %q", rows[0]["end_time"])
	}
}

// TestCSVIsSafeText checks that a CSV of hostile lines is valid UTF-8 with
// no control byte but the newlines that end its rows: a file that python's
// csv module can read and that cat can print without running escapes.
func TestCSVIsSafeText(t *testing.T) {
	var entries []*model.Entry
	for _, line := range hostileLines() {
		entries = append(entries, textEntry(string(line)))
	}
	e := textEntry("ok")
	e.Origin.Host = "host\x1b]0;x\x07\xff"
	entries = append(entries, e)
	out := encode(t, entries, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindText}, Hosts: true})
	if !utf8.Valid(out) {
		t.Errorf("CSV is not valid UTF-8")
	}
	for i, c := range out {
		if (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("control byte %#x at %d: %q", c, i, out[max(i-20, 0):min(i+20, len(out))])
		}
	}
	for _, r := range string(out) {
		if inert.IsHidden(r) {
			t.Fatalf("hidden rune %U in the CSV", r)
		}
	}
	_, rows := readCSV(t, out)
	if len(rows) != len(entries) {
		t.Fatalf("%d rows for %d entries", len(rows), len(entries))
	}
}

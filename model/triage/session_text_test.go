package triage

import (
	"testing"

	"connlog/model"
)

// outOfRangeCloses are closes whose counters and durations no int64 of
// bytes or nanoseconds holds, or that are not numbers.
var outOfRangeCloses = [][]byte{
	[]byte(`2026-02-10T08:00:41.000000004Z ANALYTICS {"connection": {"client_ip": "192.0.2.9", "id": "cafe0004-1", "protocol": "tcp", "resource_ip": "10.20.1.22", "resource_port": 443, "rx": 18446744073709551615, "tx": 99999999999999999999, "duration": -5}, "event_type": "closed_connection", "resource": {"address": "jira.internal.example.com", "id": "9"}, "timestamp": 1770710441004, "user": {"id": "u9"}}` + "\n"),
	[]byte(`2026-02-10T08:00:41.000000005Z ANALYTICS {"connection": {"client_ip": "192.0.2.5", "id": "cafe0005-1", "protocol": "tcp", "resource_ip": "10.20.1.22", "resource_port": 443, "rx": 1e+300, "tx": "NaN", "duration": 1e+19}, "event_type": "closed_connection", "resource": {"address": "jira.internal.example.com", "id": "9"}, "timestamp": 1770710441005, "user": {"id": "u5"}}` + "\n"),
}

// TestSessionTextsAreTheTables: a session row keeps its close's counters
// and duration as the table shows them (18.4EB, not 0B; NaN; -5ms), and
// its JSON counts saturate rather than wrap to 0.
func TestSessionTextsAreTheTables(t *testing.T) {
	es := decodeLines(outOfRangeCloses, false)
	tr := New(Options{})
	tr.Add(es)
	r := tr.Report(ReportOptions{Ended: true, Top: 10, Sessions: func(*Session) bool { return true }})
	byID := map[string]Session{}
	for _, s := range r.Sessions.Rows {
		byID[s.ID] = s
	}
	for i, id := range []string{"cafe0004-1", "cafe0005-1"} {
		s, fs := byID[id], es[i].Fields
		want := [3]string{model.FieldBytes(fs, model.KeyRx), model.FieldBytes(fs, model.KeyTx), model.FieldDuration(fs, model.KeyDuration)}
		if got := [3]string{s.RxText(), s.TxText(), s.DurText()}; got != want {
			t.Errorf("%s: shown %q, the table's %q", id, got, want)
		}
	}
	if got := byID["cafe0004-1"]; got.RxText() != "18.4EB" || got.TxText() != "100EB" || got.DurText() != "-5ms" || got.Rx <= 0 || got.Tx <= 0 {
		t.Errorf("u9: %+v", got)
	}
	if got := byID["cafe0005-1"]; got.TxText() != "NaN" || got.DurText() != "1.2e+11d" || got.Rx <= 0 {
		t.Errorf("u5: %+v", got)
	}
}

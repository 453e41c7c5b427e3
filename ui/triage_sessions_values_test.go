package ui

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// outOfRangeCloses are closes whose counters and durations no int64 of
// bytes or nanoseconds holds, or that are not numbers.
const outOfRangeCloses = `2026-02-10T08:00:41.000000004Z ANALYTICS {"connection": {"client_ip": "192.0.2.9", "id": "cafe0004-1", "protocol": "tcp", "resource_ip": "10.20.1.22", "resource_port": 443, "rx": 18446744073709551615, "tx": 99999999999999999999, "duration": -5}, "event_type": "closed_connection", "resource": {"address": "jira.internal.example.com", "id": "9"}, "timestamp": 1770710441004, "user": {"id": "u9"}}
2026-02-10T08:00:41.000000005Z ANALYTICS {"connection": {"client_ip": "192.0.2.5", "id": "cafe0005-1", "protocol": "tcp", "resource_ip": "10.20.1.22", "resource_port": 443, "rx": 1e+300, "tx": "NaN", "duration": 1e+19}, "event_type": "closed_connection", "resource": {"address": "jira.internal.example.com", "id": "9"}, "timestamp": 1770710441005, "user": {"id": "u5"}}
`

// TestSessionsShowValuesAsTheTable: the sessions view shows a close's
// counters and duration as the table does (18.4EB/100EB and -5ms, NaN and
// 1.2e+11d), not 0B/0B, ? or 0ms.
func TestSessionsShowValuesAsTheTable(t *testing.T) {
	d := decode.New(0, decode.Options{Location: time.UTC})
	var es []model.Entry
	for _, l := range strings.SplitAfter(outOfRangeCloses, "\n") {
		if l != "" {
			es = d.Decode(&model.Record{Raw: []byte(l), Offset: -1}, es)
		}
	}
	es = d.Flush(es)
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 160, 20), keys("2", "S")...)
	rows := map[string]string{}
	for _, l := range strings.Split(screen(m), "\n") {
		for _, user := range []string{"u9", "u5"} {
			if strings.Contains(l, " "+user+" ") {
				rows[user] = l
			}
		}
	}
	for user, wants := range map[string][]string{"u9": {" -5ms ", " 18.4EB/100EB "}, "u5": {" 1.2e+11d ", "/NaN "}} {
		for _, want := range wants {
			if !strings.Contains(rows[user], want) {
				t.Errorf("%s: no %q in its row %q", user, want, rows[user])
			}
		}
		if strings.Contains(rows[user], "0B/0B") {
			t.Errorf("%s: a false 0B/0B: %q", user, rows[user])
		}
	}
}

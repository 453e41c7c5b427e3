package query_test

import (
	"strings"
	"testing"
	"time"

	"connlog/model/decode"
)

// sharedLines are lines that each yield several entries, one per record,
// and a line of one record.
var sharedLines = []string{
	// A Tailscale API response: two messages, the first with two traffic
	// items: entries 0, 1 (node nA) and 2 (node nB).
	`{"logs":[{"nodeId":"nA","srcNode":{"name":"alpha.ts.net","os":"linux"},"virtualTraffic":[{"proto":6,"src":"100.64.0.1:1111","dst":"100.64.0.2:2222"},{"proto":6,"src":"100.64.0.1:3333","dst":"100.64.0.3:4444"}]},` +
		`{"nodeId":"nB","srcNode":{"name":"beta.ts.net"},"subnetTraffic":[{"proto":17,"src":"100.64.0.9:5555","dst":"10.0.0.1:53"}]}]}`,
	// A Pangolin API response of two rows: entries 3 and 4.
	`{"data":{"log":[{"id":1,"sessionId":"0c1d2e3f4a5b6c7d","sourceAddr":"100.90.128.12:45522","destAddr":"10.0.0.5:443","protocol":"tcp","startedAt":1770733200},` +
		`{"id":2,"sessionId":"4f9c2a7d1e8b3c60","sourceAddr":"100.90.128.5:38004","destAddr":"10.0.0.5:22","protocol":"tcp","startedAt":1770733297}],"pagination":{"total":2}},"success":true}`,
	// A single flow message with two traffic items, behind a stamp: 5, 6.
	`2026-06-02T19:00:01Z {"nodeId":"nC","virtualTraffic":[{"proto":6,"src":"100.64.1.1:7001","dst":"100.64.1.2:80"},{"proto":6,"src":"100.64.1.1:7002","dst":"100.64.1.3:443"}]}`,
	// Pangolin's json_array of two events: 7 and 8.
	`[{"event":"connection","timestamp":"2026-02-10T14:19:02.000Z","data":{"sessionId":"a1b2c3d4e5f60718","sourceAddr":"100.90.128.9:40001","destAddr":"10.0.0.7:514"}},` +
		`{"event":"connection","timestamp":"2026-02-10T14:21:38.000Z","data":{"sessionId":"8d1e3f5a7b9c0d2e","sourceAddr":"100.90.128.5:51820","destAddr":"10.0.0.53:53"}}]`,
	// Log streaming's events written back to back: 9 and 10.
	`{"time":1780500776.773,"event":{"nodeId":"nD","start":"2026-06-03T15:32:54Z","virtualTraffic":[{"proto":6,"src":"100.64.2.1:9001","dst":"100.64.2.2:22"}]}}` +
		`{"time":1780500777.773,"event":{"nodeId":"nE","start":"2026-06-03T15:32:55Z","virtualTraffic":[{"proto":6,"src":"100.64.2.1:9002","dst":"100.64.2.3:22"}]}}`,
	// One record: its whole line is searched, as any line's: 11.
	`{"level":"info","msg":"nA beta 4444 4f9c2a7d1e8b3c60 7002 8d1e3f5a7b9c0d2e nE"}`,
}

// A word, a phrase or a regular expression finds the entries whose own
// record holds it, not every entry of the line: a traffic item's port, a
// row's session id. What the records share (their message's node and its
// source node's details, the response around the rows, the line's stamp)
// is found in each of them. The view built from the store, which loads no
// fields for a word search, holds the same entries.
func TestAWordFindsTheRecordThatHoldsItNotItsNeighbours(t *testing.T) {
	data := []byte(strings.Join(sharedLines, "\n") + "\n")
	opt := decode.Options{Reference: time.Unix(1770710400, 0)}
	es := decodeLines(data, opt)
	if len(es) != 12 {
		t.Fatalf("the lines gave %d entries, want 12", len(es))
	}
	sn := snapshotOf(es)
	for _, tc := range []struct {
		src  string
		want []int
	}{
		{"2222", []int{0}},
		{"4444", []int{1, 11}},
		{`"100.64.0.3:4444"`, []int{1}},
		{`/"dst":"100\.64\.0\.3/`, []int{1}},
		{"alpha.ts.net", []int{0, 1}},
		{"linux", []int{0, 1}}, // srcNode.os: not a field, its message's text
		{"nA", []int{0, 1, 11}},
		{"beta", []int{2, 11}},
		{`"logs"`, []int{0, 1, 2}},
		{"4f9c2a7d1e8b3c60", []int{4, 11}},
		{`/\b4f9c2a7d1e8b3c60\b/`, []int{4, 11}},
		{"conn=4f9c2a7d1e8b3c60 or /\\b4f9c2a7d1e8b3c60\\b/", []int{4, 11}},
		{"0c1d2e3f4a5b6c7d", []int{3}},
		{"pagination", []int{3, 4}},
		{"7002", []int{6, 11}},
		{"2026-06-02T19:00:01Z nC", []int{5, 6}},
		{"8d1e3f5a7b9c0d2e", []int{8, 11}},
		{"a1b2c3d4e5f60718", []int{7}},
		{"nE", []int{10, 11}},
		{"9001", []int{9}},
		{`"},{"`, nil}, // across two records: in neither
	} {
		matchesAndView(t, es, sn, tc.src, time.Unix(1770710400, 0), tc.want)
	}
}

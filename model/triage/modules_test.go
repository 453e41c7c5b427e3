package triage

import (
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// TestModulesCountLibraryLines: the warnings a library writes untagged by
// a module (libevent's "[msg]", PubNub's replies) are counted under the
// library's name, and the filter of a row names the key it was counted
// from, so that it shows as many rows as the count says.
func TestModulesCountLibraryLines(t *testing.T) {
	start := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	lines := []string{
		"[msg] All nameservers have failed",
		"[msg] All nameservers have failed",
		"[msg] All nameservers have failed",
		`Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`,
		"[WARN] [libsdwan] [controller] operator(): slow",
		"[ERROR] [libsdwan] listen::channel_event: Failed",
		"[INFO] [libsdwan] fine",
		"[msg] Nameserver 10.0.0.53:53 is back up", // an info line of libevent: not counted
	}
	var es []model.Entry
	for i, l := range lines {
		es = append(es, serviceEntry(start.Add(time.Duration(i)*time.Second), l))
	}
	tr := New(Options{})
	tr.Add(es)
	r := tr.Report(ReportOptions{Top: 10})
	got := map[string][2]int64{}
	var keys = map[string][]string{}
	for _, m := range r.Top.Modules {
		got[m.Value.Value] = [2]int64{m.Count, m.Errors}
		keys[m.Value.Value] = m.Keys
	}
	want := map[string][2]int64{"libevent": {3, 0}, "pubnub": {1, 0}, "libsdwan": {1, 1}, "libsdwan/controller": {1, 0}}
	if len(got) != len(want) {
		t.Fatalf("modules %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s counted %v (warnings and errors, errors), want %v", k, got[k], w)
		}
	}
	if r.Top.Modules[0].Value.Value != "libevent" {
		t.Errorf("the biggest group is %q, want libevent first", r.Top.Modules[0].Value.Value)
	}
	if !slices.Equal(keys["libevent"], []string{model.KeyLibrary}) || !slices.Equal(keys["libsdwan"], []string{model.KeyModule}) {
		t.Errorf("keys %v", keys)
	}
	// The row's filter finds what it counted.
	for _, m := range r.Top.Modules {
		src := query.And(Term("module", m.Value), "level>=warn")
		q, err := query.Compile(src, query.Options{})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		var n int64
		for i := range es {
			if q.Match(&es[i]) {
				n++
			}
		}
		if n != m.Count {
			t.Errorf("%s finds %d rows, the table counts %d", src, n, m.Count)
		}
	}
}

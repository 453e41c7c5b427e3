package triage

import (
	"fmt"
	"testing"
	"time"
)

// TestValueBuckets: each top-N value carries its counts per bucket of the
// report's histogram, summing to its count, and placed where it was seen:
// a user seen only in the second half has empty buckets in the first.
func TestValueBuckets(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var lines [][]byte
	for i := range 600 {
		at := start.Add(time.Duration(i) * time.Second)
		user, event := "alice@example.com", "established_connection"
		if i >= 300 {
			user = "bob@example.com"
		}
		if i%7 == 0 {
			event = "failed_to_connect"
		}
		lines = append(lines, fmt.Appendf(nil, `ANALYTICS {"connection": {"client_ip": "198.51.100.7", "error_message": "timeout after %dms", "id": "c%d-1", "resource_ip": "10.0.0.5", "resource_port": 443}, "event_type": "%s", "resource": {"address": "db.internal", "id": "9"}, "timestamp": %d, "user": {"email": "%s", "id": "1"}}`+"\n",
			i, i, event, at.UnixMilli(), user))
	}
	tr := New(Options{Buckets: 20})
	tr.Add(decodeLines(lines, false))
	r := tr.Report(ReportOptions{})
	half := len(r.Histogram) / 2
	for _, tc := range []struct {
		name   string
		values []Value
	}{{"users", r.Top.Users}, {"resources", r.Top.Resources}, {"ips", r.Top.IPs}, {"failures", r.Top.Failures}} {
		if len(tc.values) == 0 {
			t.Fatalf("%s: no values", tc.name)
		}
		for _, v := range tc.values {
			if len(v.Buckets) != len(r.Histogram) {
				t.Fatalf("%s %q: %d buckets, the histogram has %d", tc.name, v.Value, len(v.Buckets), len(r.Histogram))
			}
			var sum int64
			for _, c := range v.Buckets {
				sum += int64(c)
			}
			if sum != v.Count {
				t.Errorf("%s %q: buckets sum to %d, count %d", tc.name, v.Value, sum, v.Count)
			}
		}
	}
	for _, u := range r.Top.Users {
		early, late := sumOf(u.Buckets[:half-1]), sumOf(u.Buckets[half+1:])
		switch u.Value {
		case "alice@example.com":
			if early == 0 || late != 0 {
				t.Errorf("alice, first half only: %v", u.Buckets)
			}
		case "bob@example.com":
			if early != 0 || late == 0 {
				t.Errorf("bob, second half only: %v", u.Buckets)
			}
		}
	}
}

// TestValueBucketsPastTheCap: values past the cap share the other row's
// buckets, which sum to its count.
func TestValueBucketsPastTheCap(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var lines [][]byte
	for i := range 50 {
		lines = append(lines, fmt.Appendf(nil, `ANALYTICS {"connection": {"client_ip": "198.51.100.%d", "id": "c%d-1"}, "event_type": "established_connection", "timestamp": %d, "user": {"email": "u%d@example.com", "id": "1"}}`+"\n",
			i, i, start.Add(time.Duration(i)*time.Minute).UnixMilli(), i))
	}
	tr := New(Options{MaxValues: 10})
	tr.Add(decodeLines(lines, false))
	users := tr.Report(ReportOptions{Top: 100}).Top.Users
	last := users[len(users)-1]
	if !last.Other || last.Count != 40 || sumOf(last.Buckets) != 40 {
		t.Errorf("other row %+v: want 40 users past the cap, in its buckets too", last)
	}
}

func sumOf(bs []uint32) int64 {
	var s int64
	for _, c := range bs {
		s += int64(c)
	}
	return s
}

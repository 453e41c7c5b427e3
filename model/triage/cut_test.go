package triage

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// longUsersLines are failed connections and denied audit records of users
// whose names share their first 250 bytes: alice once, bob twice each.
func longUsersLines() [][]byte {
	long := strings.Repeat("P", 250)
	var lines [][]byte
	for i, user := range []string{"alice", "bob", "bob"} {
		at := time.Date(2026, 2, 10, 8, 0, i, 0, time.UTC)
		lines = append(lines,
			fmt.Appendf(nil, `ANALYTICS {"connection": {"client_ip": "192.0.2.1", "error_message": "connection refused", "id": "bbbb%04d-1", "protocol": "tcp", "resource_ip": "10.20.0.2", "resource_port": 53}, "event_type": "failed_to_connect", "resource": {"address": "10.20.0.2", "id": "1"}, "timestamp": %d, "user": {"email": "%s%s@example.com", "id": "0"}}`+"\n",
				i, at.UnixMilli(), long, user),
			fmt.Appendf(nil, `{"created_at": "%s", "level": "warning", "log_type": "audit", "user_name": "%s%s@example.com", "action": "login_attempt", "access_granted": false, "access_denied_reason": "invalid credentials"}`+"\n",
				at.Format(time.RFC3339), long, user))
	}
	return lines
}

// TestLongValuesAreCountedWhole: values past maxValueLen that differ only
// after it are counted apart, each shown cut in the middle with its end
// (the domain; a denial's " → action") and flagged, and their sparklines
// and the comparison's rows find them.
func TestLongValuesAreCountedWhole(t *testing.T) {
	tr := New(Options{Compare: &Compare{A: Window{From: time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC), To: time.Date(2026, 2, 10, 8, 1, 0, 0, time.UTC)}}})
	tr.Add(decodeLines(longUsersLines(), false))
	r := tr.Report(ReportOptions{Top: 10})
	for _, c := range []struct {
		table       string
		vs          []Value
		end         string
		alice, bobs int64
	}{{"users", r.Top.Users, "@example.com", 2, 4}, {"denied", r.Top.Denied, "@example.com → login_attempt", 1, 2}} {
		got := map[string]int64{}
		for _, v := range c.vs {
			if !v.Truncated || len(v.Value) > maxValueLen || !utf8.ValidString(v.Value) || !strings.Contains(v.Value, cutMark) ||
				!strings.HasPrefix(v.Value, "PPPP") || sumOf(v.Buckets) != v.Count {
				t.Errorf("%s: row %+v", c.table, v)
			}
			for _, who := range []string{"alice", "bob"} {
				if strings.HasSuffix(v.Value, who+c.end) {
					got[who] += v.Count
				}
			}
		}
		if len(c.vs) != 2 || got["alice"] != c.alice || got["bob"] != c.bobs {
			t.Errorf("%s: %d rows, counts %v; want alice %d, bob %d", c.table, len(c.vs), got, c.alice, c.bobs)
		}
	}
	failing := map[string]int64{}
	for _, ch := range r.Changed.Failing {
		if ch.What == "user" {
			if !ch.Truncated || !strings.Contains(ch.Value, cutMark) {
				t.Errorf("failing row %+v", ch)
			}
			failing[ch.Value[len(ch.Value)-len("alice@example.com"):]] += ch.A
		}
	}
	if failing["alice@example.com"] != 2 || failing["PPbob@example.com"] != 4 {
		t.Errorf("started failing %v, want alice 2 (a failure and a denial), bob 4", failing)
	}
}

// TestCutText: a cut is at most the limit, on character boundaries, and
// keeps both ends; a value within the limit is itself.
func TestCutText(t *testing.T) {
	for _, c := range []struct {
		v     string
		limit int
	}{
		{strings.Repeat("é", 300), maxValueLen}, {strings.Repeat("x", 201), maxValueLen},
		{strings.Repeat("\x80", 500), maxValueLen}, {strings.Repeat("漢", 40), 20},
	} {
		got, cut := cutText(c.v, c.limit)
		if !cut || len(got) > c.limit || len(got) < c.limit-6 || !strings.Contains(got, cutMark) ||
			(utf8.ValidString(c.v) && !utf8.ValidString(got)) || got[:2] != c.v[:2] || got[len(got)-2:] != c.v[len(c.v)-2:] {
			t.Errorf("cutText(%q…, %d) = %q, %v", c.v[:4], c.limit, got, cut)
		}
	}
	if got, cut := cutText("alice", maxValueLen); got != "alice" || cut {
		t.Errorf("a short value: %q, %v", got, cut)
	}
}

// TestDeniedKeyKeepsWhat: a long user, or a long object, or both, leave the
// arrow and the start of what was denied in the value shown, near
// maxValueLen bytes, and the key is known as a cut value's.
func TestDeniedKeyKeepsWhat(t *testing.T) {
	long := strings.Repeat("u", 5000)
	for _, f := range []facts{
		{user: long, action: "login_attempt"},
		{user: "alice", object: "/" + strings.Repeat("d", 5000)},
		{user: long, object: "/" + strings.Repeat("d", 5000)},
	} {
		shown, cut := shownOf(deniedKey(&f))
		who, what, ok := strings.Cut(shown, deniedArrow)
		if !cut || !ok || len(shown) > maxValueLen || len(shown) < maxValueLen-12 ||
			!strings.HasPrefix(f.user, strings.TrimSuffix(strings.SplitN(who, cutMark, 2)[0], cutMark)) ||
			!strings.HasPrefix(or(f.action, f.object), strings.SplitN(what, cutMark, 2)[0]) {
			t.Errorf("denied %q…: shown %q, %v", f.user[:4], shown, cut)
		}
	}
	if k := deniedKey(&facts{user: "bob", action: "export_jira"}); k != "bob → export_jira" {
		t.Errorf("a short denial: %q", k)
	}
}

package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// longUsersLog writes denied audit records of users whose names share their
// first 250 bytes: alice once, bob twice.
func longUsersLog(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "longusers.log")
	var sb strings.Builder
	for i, user := range []string{"alice", "bob", "bob"} {
		fmt.Fprintf(&sb, `{"created_at": "%s", "level": "warning", "log_type": "audit", "user_name": "%s%s@example.com", "action": "login_attempt", "access_granted": false}`+"\n",
			time.Date(2026, 2, 10, 8, 0, i, 0, time.UTC).Format(time.RFC3339), strings.Repeat("P", 250), user)
	}
	writeLog(t, p, sb.String())
	return p
}

// TestSummaryLongValuesCountedWhole: users that differ only past the first
// 200 bytes are two rows (alice 1, bob 2), not one of 3; the JSON flags the
// cut, every form shows it with "…" and keeps the end of the value, and a
// denied access keeps its " → action".
func TestSummaryLongValuesCountedWhole(t *testing.T) {
	log := longUsersLog(t)
	s := summaryOf(t, log)
	for _, c := range []struct {
		table string
		end   string
	}{{"users", "@example.com"}, {"denied", "@example.com → login_attempt"}} {
		vs := s.Top.Users
		if c.table == "denied" {
			vs = s.Top.Denied
		}
		got := map[string]int64{}
		for _, v := range vs {
			if !v.Truncated || !strings.Contains(v.Value, "…") || len(v.Value) > 200 {
				t.Errorf("%s: row %+v", c.table, v)
			}
			got[v.Value[strings.LastIndex(v.Value, "P")+1:]] = v.Count
		}
		if len(vs) != 2 || got["alice"+c.end] != 1 || got["bob"+c.end] != 2 {
			t.Errorf("%s: %d rows %v; want alice 1 and bob 2", c.table, len(vs), got)
		}
	}
	for _, format := range []string{"markdown", "text"} {
		out, _, code := runCLI(t, "summary", "--format", format, log)
		for _, want := range []string{`…P+alice@example\.com \|`, `…P+bob@example\.com \|`, `…P+bob@example\.com → login\\_attempt \|`} {
			if format == "text" {
				want = strings.ReplaceAll(strings.TrimSuffix(want, ` \|`), `\\_`, "_") + "\n"
			}
			if code != 0 || !regexp.MustCompile(want).MatchString(out) {
				t.Errorf("%s: exit %d, no %q in:\n%s", format, code, want, out)
			}
		}
	}
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"connlog/source/synth"
)

// writeCorpus writes n lines of the synthetic connector (or, with n < 0,
// lines until opts.Start+span) as `docker logs -t` prints them (what bench/gen
// -envelope docker-ts writes), plus extra lines from inject, which sees each
// line's time and returns lines to add after it.
func writeCorpus(t *testing.T, n int, span time.Duration, opts synth.Options, inject func(at time.Time) []string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "connector.log")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	g := synth.New(7, opts)
	var line []byte
	for i := 0; n < 0 || i < n; i++ {
		var at time.Time
		line, at, _ = g.Next(line[:0])
		if n < 0 && !at.Before(opts.Start.Add(span)) {
			break
		}
		stamp := string(synth.AppendRFC3339(nil, at.UnixNano(), 9, false))
		fmt.Fprintf(w, "%s %s\n", stamp, line)
		if inject != nil {
			for _, extra := range inject(at) {
				fmt.Fprintf(w, "%s %s\n", stamp, extra)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// independentCounts reads the corpus with nothing but regular expressions
// and encoding/json — none of connlog's parsers or the triage engine.
type independentCounts struct {
	lines, errors                  int
	users, countries, failures     map[string]int64
	closed, failedOrDenied, onData int64
}

var (
	levelToken = regexp.MustCompile(`^\S+ \[(DEBUG|INFO|WARN|ERROR)\] `)
	onDataLine = regexp.MustCompile(`^\S+ \[DEBUG\] \[libsdwan\] \[tunnel\] tunnel::on_data: conn=[0-9a-f]+-[0-9]+ rx=[0-9]+ tx=[0-9]+$`)
)

func countIndependently(t *testing.T, path string) independentCounts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := independentCounts{users: map[string]int64{}, countries: map[string]int64{}, failures: map[string]int64{}}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		c.lines++
		if m := levelToken.FindStringSubmatch(line); m != nil && m[1] == "ERROR" {
			c.errors++
		}
		if onDataLine.MatchString(line) {
			c.onData++
		}
		if _, obj, ok := strings.Cut(line, " ANALYTICS "); ok {
			c.analytics(t, obj)
		}
	}
	return c
}

func (c *independentCounts) analytics(t *testing.T, obj string) {
	var ev struct {
		EventType  string `json:"event_type"`
		Connection struct {
			ErrorMessage string `json:"error_message"`
		} `json:"connection"`
		User     struct{ Email string } `json:"user"`
		Location string                 `json:"location"`
	}
	if err := json.Unmarshal([]byte(obj), &ev); err != nil {
		t.Fatalf("generated analytics line is not JSON: %v", err)
	}
	c.users[ev.User.Email]++
	var geo struct{ Geoip struct{ Country string } }
	if json.Unmarshal([]byte(ev.Location), &geo) == nil && geo.Geoip.Country != "" {
		c.countries[geo.Geoip.Country]++
	}
	switch ev.EventType {
	case "closed_connection":
		c.closed++
	case "failed_to_connect":
		c.failures[ev.Connection.ErrorMessage]++
		c.failedOrDenied++
	case "denied_access":
		c.failedOrDenied++
	}
}

// summaryJSON is the documented schema, read back.
type summaryJSON struct {
	Entries   int64 `json:"entries"`
	Histogram []struct {
		Start, End time.Time
		Counts     map[string]int64
	} `json:"histogram"`
	Top struct {
		Users, Resources, IPs, Countries, Failures, Denied, Modules []summaryValue
	} `json:"top"`
	Templates []struct {
		Template, Kind, Level string
		Count                 int64
		First, Last           time.Time
	} `json:"templates"`
	Sessions struct{ Closed, Failed int64 } `json:"sessions"`
	Changed  *struct {
		New, Gone, Rates, Failing, Errors []struct {
			What, Template, Value string
			A, B                  int64
		}
	} `json:"changed"`
}

// summaryValue is a row of a top-N table.
type summaryValue struct {
	Value     string
	Count     int64
	Truncated bool
}

func summaryOf(t *testing.T, args ...string) summaryJSON {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"summary", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s summaryJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary json: %v\n%s", err, out)
	}
	return s
}

// TestSummaryCountsMatchIndependentCounts: on a generated corpus the
// summary's numbers equal counts taken without connlog's code.
func TestSummaryCountsMatchIndependentCounts(t *testing.T) {
	path := writeCorpus(t, 40000, 0, synth.Options{}, nil)
	want := countIndependently(t, path)
	s := summaryOf(t, "--top", "1000", path)
	if s.Entries != int64(want.lines) {
		t.Errorf("entries %d, lines %d", s.Entries, want.lines)
	}
	var all, errs int64
	for _, b := range s.Histogram {
		for l, n := range b.Counts {
			all += n
			if l == "error" {
				errs += n
			}
		}
	}
	if all != int64(want.lines) || errs != int64(want.errors) {
		t.Errorf("histogram: %d entries, %d errors; independently %d lines, %d [ERROR]", all, errs, want.lines, want.errors)
	}
	checkValues(t, "users", s.Top.Users, want.users)
	checkValues(t, "countries", s.Top.Countries, want.countries)
	checkValues(t, "failures", s.Top.Failures, want.failures)
	if got := templateCount(s, "[libsdwan] [tunnel] tunnel::on_data: conn=<id> rx=<num> tx=<num>"); got != want.onData || got == 0 {
		t.Errorf("on_data template counts %d, the regexp %d", got, want.onData)
	}
	if s.Sessions.Closed != want.closed || s.Sessions.Failed != want.failedOrDenied {
		t.Errorf("sessions closed %d failed %d; events closed %d failed or denied %d", s.Sessions.Closed, s.Sessions.Failed, want.closed, want.failedOrDenied)
	}
}

func checkValues(t *testing.T, what string, got []summaryValue, want map[string]int64) {
	t.Helper()
	g := map[string]int64{}
	for _, v := range got {
		g[v.Value] = v.Count
	}
	delete(want, "")
	if len(want) == 0 || fmt.Sprint(sorted(g)) != fmt.Sprint(sorted(want)) {
		t.Errorf("%s:\n got %v\nwant %v", what, sorted(g), sorted(want))
	}
}

func sorted(m map[string]int64) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(out)
	return out
}

func templateCount(s summaryJSON, template string) int64 {
	for _, tp := range s.Templates {
		if tp.Template == template {
			return tp.Count
		}
	}
	return 0
}

// TestSummaryCompareNamesANewFailure: a failure that starts halfway through
// a generated log is what --compare previous names as new: its template,
// its reason, its user and resource, and its error line.
func TestSummaryCompareNamesANewFailure(t *testing.T) {
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	half := start.Add(15 * time.Minute)
	n := 0
	inject := func(at time.Time) []string {
		if at.Before(half) {
			return nil
		}
		if n++; n%40 != 0 {
			return nil
		}
		ms := at.UnixMilli()
		return []string{
			fmt.Sprintf(`ANALYTICS {"connection": {"client_ip": "198.51.100.7", "error_message": "RESOURCE_UNREACHABLE: no route to 10.20.9.9", "id": "feedbeef%08x-1", "protocol": "tcp", "resource_ip": "10.20.9.9", "resource_port": 5432}, "event_type": "failed_to_connect", "resource": {"address": "db-new.internal", "id": "9"}, "timestamp": %d, "user": {"email": "nina.victim@example.com", "id": "1"}}`, n, ms),
			fmt.Sprintf("[ERROR] [libsdwan] [tcp] tcp_proxy::on_connect: conn=feedbeef%08x-1 failed: no route to host 10.20.9.9:5432", n),
		}
	}
	path := writeCorpus(t, -1, 30*time.Minute, synth.Options{Start: start, Rate: 20}, inject)
	s := summaryOf(t, "--compare", "previous", "--top", "50", path)
	if s.Changed == nil {
		t.Fatal("no changed section")
	}
	c := s.Changed
	named := func(list []struct {
		What, Template, Value string
		A, B                  int64
	}, what, name string) bool {
		for _, ch := range list {
			if ch.What == what && (ch.Template == name || ch.Value == name) && ch.A > 0 && ch.B == 0 {
				return true
			}
		}
		return false
	}
	checks := []struct {
		list       string
		ok         bool
		what, name string
	}{
		{"new", named(c.New, "failure", "RESOURCE_UNREACHABLE: no route to <ip>"), "failure", "reason"},
		{"new", named(c.New, "template", "ANALYTICS failed_to_connect: RESOURCE_UNREACHABLE: no route to <ip>"), "template", "analytics"},
		{"failing", named(c.Failing, "user", "nina.victim@example.com"), "user", "nina"},
		{"failing", named(c.Failing, "resource", "db-new.internal"), "resource", "db-new.internal"},
		{"errors", named(c.Errors, "template", "[libsdwan] [tcp] tcp_proxy::on_connect: conn=<id> failed: no route to host <ip>:<port>"), "template", "error line"},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("changed.%s does not name the %s (%s)", ch.list, ch.what, ch.name)
		}
	}
	if t.Failed() {
		out, _ := json.MarshalIndent(c, "", "  ")
		t.Logf("changed: %s", out)
	}
}

package synth

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestOptionalStreamsOff(t *testing.T) {
	lines, _ := generate(21, Options{}, 50000)
	for _, l := range lines {
		if l.meta.Program != Connector {
			t.Fatalf("a %v line without its option: %s", l.meta.Program, l.text)
		}
	}
}

func TestAuditRecords(t *testing.T) {
	lines, _ := generate(23, Options{Audit: true, Hostname: "guard-1"}, 200000)
	var denied, stack, types = 0, 0, map[string]int{}
	for _, l := range lines {
		if l.meta.Program != Analyzer {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal(l.text, &rec); err != nil {
			t.Fatalf("audit line is not JSON: %v\n%s", err, l.text)
		}
		for _, k := range []string{"id", "created_at", "hostname", "level", "log_type", "pid"} {
			if _, ok := rec[k]; !ok {
				t.Fatalf("audit record lacks %q: %s", k, l.text)
			}
		}
		created, err := time.Parse(time.RFC3339Nano, rec["created_at"].(string))
		if err != nil || created.Sub(l.at).Abs() > time.Millisecond {
			t.Errorf("created_at %v (%v) for a line at %v", rec["created_at"], err, l.at)
		}
		if rec["hostname"] != "guard-1" {
			t.Errorf("hostname %v", rec["hostname"])
		}
		types[rec["log_type"].(string)]++
		if rec["access_granted"] == false {
			denied++
			if rec["access_denied_reason"] == nil || rec["level"] != "warning" {
				t.Errorf("denied without reason or at the wrong level: %s", l.text)
			}
		}
		if st, ok := rec["stacktrace"].(string); ok && strings.Contains(st, "\n") {
			stack++
		}
	}
	for _, lt := range []string{"audit", "web", "application", "analysis", "tanium"} {
		if types[lt] == 0 {
			t.Errorf("no %s records: %v", lt, types)
		}
	}
	if denied == 0 || stack == 0 {
		t.Errorf("%d denied records and %d stack traces; want both", denied, stack)
	}
}

var (
	newtLineRE  = regexp.MustCompile(`^(INFO|WARN): (\d{4}/\d\d/\d\d \d\d:\d\d:\d\d) (.+)$`)
	newtStartRE = regexp.MustCompile(`^ACCESS START session=([0-9a-f]{16}) resource=\d+ proto=(tcp|udp) src=\S+:\d+ dst=\S+:\d+ time=(\S+)$`)
	newtEndRE   = regexp.MustCompile(`^ACCESS END (?:\(reaped\) )?session=([0-9a-f]{16}) resource=\d+ proto=(tcp|udp) src=\S+ dst=\S+ started=(\S+) ended=(\S+) duration=(\S+)$`)
)

func TestNewtLines(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	lines, _ := generate(29, Options{Newt: true, Location: loc}, 200000)
	started := map[string]time.Time{}
	ends := 0
	for _, l := range lines {
		if l.meta.Program != Newt {
			continue
		}
		m := newtLineRE.FindSubmatch(l.text)
		if m == nil {
			t.Fatalf("not a newt line: %q", l.text)
		}
		if want := l.at.In(loc).Format("2006/01/02 15:04:05"); string(m[2]) != want {
			t.Fatalf("newt time %s, want local %s", m[2], want)
		}
		msg := string(m[3])
		if s := newtStartRE.FindStringSubmatch(msg); s != nil {
			started[s[1]] = mustTime(t, s[3])
		}
		if e := newtEndRE.FindStringSubmatch(msg); e != nil {
			ends++
			begin, ok := started[e[1]]
			if !ok || !begin.Equal(mustTime(t, e[3])) {
				t.Fatalf("END of a session that did not START at %s: %s", e[3], msg)
			}
			d, err := time.ParseDuration(e[5])
			if err != nil || mustTime(t, e[4]).Sub(begin)-d.Truncate(time.Second) > time.Second {
				t.Fatalf("duration %s does not match started/ended in %s", e[5], msg)
			}
		}
	}
	if len(started) == 0 || ends == 0 {
		t.Fatalf("%d starts and %d ends", len(started), ends)
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTailscaleFlowMessages(t *testing.T) {
	lines, _ := generate(31, Options{Tailscale: true}, 20000)
	n := 0
	for _, l := range lines {
		if l.meta.Program != Tailscaled {
			continue
		}
		n++
		var msg struct {
			Start, End, Logged time.Time
			NodeID             string `json:"nodeId"`
			VirtualTraffic     []map[string]any
			PhysicalTraffic    []map[string]any
		}
		if err := json.Unmarshal(l.text, &msg); err != nil {
			t.Fatalf("flow message is not JSON: %v\n%s", err, l.text)
		}
		if !msg.Start.Before(msg.End) || msg.Logged.Before(msg.End) || !msg.Logged.Equal(l.at) {
			t.Fatalf("window %v..%v logged %v for a line at %v", msg.Start, msg.End, msg.Logged, l.at)
		}
		if len(msg.VirtualTraffic) == 0 || len(msg.PhysicalTraffic) == 0 || msg.NodeID == "" {
			t.Fatalf("flow message without traffic: %s", l.text)
		}
		for _, item := range msg.VirtualTraffic {
			for k, v := range item {
				if v == float64(0) {
					t.Fatalf("counter %s is 0 but present: tailscaled leaves zeros out: %s", k, l.text)
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("%d flow messages over %v", n, lines[len(lines)-1].at.Sub(lines[0].at))
	}
}

func TestHostileLines(t *testing.T) {
	lines, _ := generate(37, Options{Hostile: true}, 400000)
	var invalid, esc, nul, long bool
	for _, l := range lines {
		invalid = invalid || !utf8.Valid(l.text)
		esc = esc || bytes.IndexByte(l.text, 0x1b) >= 0
		nul = nul || bytes.IndexByte(l.text, 0) >= 0
		long = long || len(l.text) > 16<<10
	}
	if !invalid || !esc || !nul || !long {
		t.Errorf("hostile lines missing: invalid UTF-8 %v, escape %v, NUL %v, >16KiB %v", invalid, esc, nul, long)
	}
}

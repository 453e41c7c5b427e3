package remote

import (
	"path"
	"regexp"
	"testing"
	"time"
)

func TestGlobRegexpMatchesAsPathMatch(t *testing.T) {
	names := []string{"gw-fra-1", "gw-fra-12", "gw-ams-1", "gw.fra.1", "gwXfra-1", "", "gw-fra-", "a]b", "a*b", "[x", "gw-]", "gw-!", "a/b"}
	globs := []string{"gw-fra-*", "gw-???-1", "gw-[af]*-1", "gw-[^f]*", "gw-[!f]*", `gw-[\]a]`, "gw-[a-f]*", "gw.fra.?", "*", "a]b", `a\*b`, "[x"}
	for _, g := range globs {
		re := regexp.MustCompile(globRegexp(g))
		for _, n := range names {
			want, err := path.Match(g, n)
			if err != nil {
				continue // a malformed pattern matches nothing locally either
			}
			if got := re.MatchString(n); got != want {
				t.Errorf("glob %q on %q: regexp %q says %v, path.Match %v", g, n, globRegexp(g), got, want)
			}
		}
	}
}

func TestLogsqlFilter(t *testing.T) {
	since := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		sel  Selection
		want string
	}{
		{"nothing", Selection{AllUnits: true}, "*"},
		{"unit and identifier are either", Selection{Units: []string{"twingate-connector.service"}, Identifiers: []string{"sshd"}},
			`(_SYSTEMD_UNIT:in("twingate-connector.service") OR (_PID:=1 AND UNIT:in("twingate-connector.service")) OR ` +
				`(MESSAGE_ID:=fc2e22bc6ee647b6b90729ab34a250b1 AND _UID:=0 AND COREDUMP_UNIT:in("twingate-connector.service")) OR ` +
				`(_UID:=0 AND OBJECT_SYSTEMD_UNIT:in("twingate-connector.service")) OR SYSLOG_IDENTIFIER:in("sshd"))`},
		{"hosts exact and glob", Selection{AllUnits: true, Hosts: []string{"a", "gw-*"}},
			`(_HOSTNAME:in("a") OR _HOSTNAME:~"^gw-[^/]*$")`},
		{"since only", Selection{AllUnits: true, Since: since}, `_time:>=2026-02-10T08:00:00Z`},
		{"range", Selection{AllUnits: true, Since: since, Until: since.Add(time.Second)},
			`_time:[2026-02-10T08:00:00Z, 2026-02-10T08:00:01Z]`},
		{"hostile quotes stay inside the literal", Selection{AllUnits: true, Hosts: []string{`x") OR y`}},
			`_HOSTNAME:in("x\") OR y")`},
		{"words, with colours allowed inside", Selection{AllUnits: true, Words: []string{"a.b", "é"}},
			`_msg:~"(?i)a(?:\\x1b\\[[0-9;]*m)*\\.(?:\\x1b\\[[0-9;]*m)*b" _msg:~"(?i)é"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := logsqlFilter(tc.sel); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// The store finds a word wherever the query does: in the line, ignoring
// case, and in the line as shown, without the colours inside the word.
func TestWordRegexpFindsTheWordAsShown(t *testing.T) {
	messages := []string{
		"state=\x1b[31mstalled\x1b[0m",
		"\x1b[1;33mState\x1b[0m=\x1b[mSTALLED",
		"s\x1b[0mt\x1b[1mate=stalled",
		"state=stalled",
	}
	for _, word := range []string{"state=stalled", "state=", "=stalled"} {
		re := regexp.MustCompile(wordRegexp(word))
		for _, m := range messages {
			if !re.MatchString(m) {
				t.Errorf("%q does not find %q in %q", wordRegexp(word), word, m)
			}
		}
	}
	for _, m := range []string{"state=\x1b[31m stalled", "state=\x1b[31xstalled", "state=stale"} {
		if re := regexp.MustCompile(wordRegexp("state=stalled")); re.MatchString(m) {
			t.Errorf("%q finds %q, which shows no such word", re, m)
		}
	}
}

func TestParseStoreURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"http://127.0.0.1:9428", "http://127.0.0.1:9428", true},
		{"https://logs.example.com/vl/", "https://logs.example.com/vl", true},
		{"127.0.0.1:9428", "", false},
		{"ftp://x", "", false},
		{"https://user:secret@logs.example.com", "", false},
		{"http://x/?q=1", "", false},
		{"http://", "", false},
	}
	for _, tc := range tests {
		u, err := ParseStoreURL(tc.in)
		if (err == nil) != tc.ok || (tc.ok && u.String() != tc.want) {
			t.Errorf("ParseStoreURL(%q) = %v, %v; want %q ok=%v", tc.in, u, err, tc.want, tc.ok)
		}
	}
}

func compileGlob(g string) (*regexp.Regexp, error) { return regexp.Compile(globRegexp(g)) }

func pathMatch(g, name string) (bool, error) { return path.Match(g, name) }

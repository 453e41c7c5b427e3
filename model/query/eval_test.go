package query

import (
	"slices"
	"strings"
	"testing"
)

// matching returns the names of the test entries q matches.
func matching(t *testing.T, src string) []string {
	t.Helper()
	q, err := Compile(src, testOpts)
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	var names []string
	for _, n := range testEntries() {
		if q.Match(&n.e) {
			names = append(names, n.name)
		}
	}
	return names
}

// except lists the test entries other than the given ones.
func except(names ...string) string {
	var out []string
	for _, n := range testEntries() {
		if !slices.Contains(names, n.name) {
			out = append(out, n.name)
		}
	}
	return strings.Join(out, " ")
}

// matchCases lists queries and the test entries each must match, in order.
var matchCases = []struct {
	name, src, want string
}{
	{"empty matches all", "", except()},
	{"level at least warn", "level>=warn", "service failed audit"},
	{"level at least error", "level>=error", "failed"},
	{"level below info skips none", "level<info", "debug"},
	{"level none", "level=none", "flow json text gap untimed"},
	{"level not info includes none", "level!=info", except("closed", "relayed", "session")},
	{"level spelling", "level:warning", "service audit"},
	{"kind", "kind:analytics", "closed relayed failed"},
	{"kind alias", "kind:connection", "closed relayed failed"},
	{"negated kind", "-kind:text", except("text", "untimed")},
	{"event glob", "event:failed*", "failed"},
	{"event reads phase", "event=END", "session"},
	{"event smart case", "event:end", "session"},
	{"brief example", "event:closed_connection country:DE rx>1MB", "relayed"},
	{"user glob folds", "user:alice*", "relayed failed audit"},
	{"user glob case-sensitive", "user:Alice*", "audit"},
	{"user and level", "user:alice* level>=warn", "failed audit"},
	{"user reads srcNode.user", "user=bob@example.com", "flow"},
	{"unicode fold", "city:münchen", "relayed"},
	{"unicode upper is case-sensitive", "city:MÜNCHEN", ""},
	{"city", "city:seattle", "closed"},
	{"repeated key second value", "relays.ip=35.204.10.8", "relayed"},
	{"repeated key glob", "relays.ip:34.*", "relayed"},
	{"not equal on repeated and missing", "relays.ip!=35.204.10.8", except("relayed")},
	{"port from two kinds", "port=22", "failed flow"},
	{"port compare", "port>=443", "closed"},
	{"proto tcp", "proto:tcp", "closed flow"},
	{"proto udp", "proto:udp", "session"},
	{"ip glob", "ip:100.*", "flow session"},
	{"ip audit", "ip=203.0.113.7", "audit"},
	{"conn session", "conn:9f1c*", "session"},
	{"conn analytics", "conn:e755*", "closed"},
	{"rx size", "rx>1MB", "relayed"},
	{"tx binary size inclusive", "tx>=1MiB", "relayed flow"},
	{"tx binary size strict", "tx>1MiB", "flow"},
	{"tx exact size", "tx=1MiB", "relayed"},
	{"duration minutes", "duration>1m", "closed session"},
	{"duration seconds", "duration<31s", "relayed"},
	{"duration exact ms", "duration=30124", "relayed"},
	{"granted", "granted:false", "audit"},
	{"exact is case-sensitive", "granted=False", ""},
	{"action", "action=login_attempt", "audit"},
	{"host from envelope", "host:gw*", "service debug closed"},
	{"host from field", "host=analyzer-1", "audit"},
	{"host from journal", "host=gw-journal", "service"},
	{"unit without suffix", "unit=twingate-connector", "service debug closed"},
	{"unit with suffix", "unit=newt.service", "session"},
	{"unit glob", "unit:newt", "session"},
	{"ident from the envelope", "ident=newt", "session"},
	{"ident from the journal", "ident:twingate*", "service"},
	{"ident missing", "ident:sshd", ""},
	{"module glob", "module:libsdwan*", "service debug"},
	{"message glob", "msg:*timeout*", "text"},
	{"bare word folds", "timeout", "text"},
	{"bare word upper", "TIMEOUT", "text"},
	{"bare word mixed case", "Timeout", ""},
	{"phrase", `"code 410"`, "service"},
	{"phrase folds", `"timeout talking"`, "text"},
	{"invalid utf-8 word", "\"\xff\x00\"", "text"},
	{"regex", `/code 4\d\d/`, "service"},
	{"regex fold", `/CODE/i`, "service"},
	{"regex case", `/CODE/`, ""},
	{"since inclusive", "since:5m", "audit flow session json text gap"},
	{"until clock today", "until:14:05", except("untimed")},
	{"time window", "since:10m until:8m", "service debug closed"},
	{"negated since matches untimed", "-since:5m", "service debug closed relayed failed untimed"},
	{"time compare", "time>=2026-11-20T11:58", "json text gap"},
	{"time exact", "time=2026-11-20T12:00:00Z", "gap"},
	{"literal shadowed key", ".event=connection", "json"},
	{"alias does not read it", "event=connection", ""},
	{"literal key glob", ".x-request-id:r-*", "json"},
	{"quoted literal key", `."my key"="v w"`, "json"},
	{"gap count", "gap.count>100", "gap"},
	{"gap reason", "gap.reason=rotation", "gap"},
	{"numeric text field", "status_code>=400", "audit"},
	{"path glob", "path:/api/*", "audit"},
	{"negative number", "connection.cbct_freshness<0", "closed"},
	{"float field", "location.lat>47", "closed"},
	{"exact numeric int", "resource=35", "session"},
	{"resource glob", "resource:*.website.com", "closed"},
	{"resource exact star is literal", "resource=*.website.com", "closed"},
	{"grouped or", "(kind:flow or kind:session) proto:udp", "session"},
	{"and before or", "kind:flow or kind:session proto:udp", "flow session"},
	{"not before and", "not level>=warn kind:analytics", "closed relayed"},
	{"negated group", "-(level>=warn kind:analytics)", except("failed")},
	{"not equal missing is true", "user!=alice@example.com", except("relayed")},
	{"country folds", "country:de", "relayed failed"},
	{"country case-sensitive", "country:De", ""},
}

func TestMatch(t *testing.T) {
	tests := matchCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(matching(t, tt.src), " ")
			if got != tt.want {
				t.Errorf("%q matched\n  [%s]\nwant [%s]", tt.src, got, tt.want)
			}
		})
	}
}

// Negating a query must match exactly the entries it does not.
func TestNotIsComplement(t *testing.T) {
	for _, src := range []string{"level>=warn", "user:alice* or proto:udp", "relays.ip=35.204.10.8", "since:5m", "timeout", "a b or c"} {
		t.Run(src, func(t *testing.T) {
			pos := matching(t, src)
			neg := matching(t, Not(src))
			var both []string
			for _, n := range testEntries() {
				if slices.Contains(pos, n.name) == slices.Contains(neg, n.name) {
					both = append(both, n.name)
				}
			}
			if len(both) > 0 {
				t.Errorf("%q and %q agree on %v", src, Not(src), both)
			}
		})
	}
}

func TestNilQueryMatchesAll(t *testing.T) {
	var q *Query
	e := testEntries()[0].e
	if !q.Match(&e) || !q.MatchesAll() || q.String() != "" || q.Words() != nil || q.NeedsRaw() || q.NeedsFields(func(string) bool { return false }) {
		t.Error("a nil *Query must behave as the empty query")
	}
	if s, u := q.TimeBounds(); !s.IsZero() || !u.IsZero() {
		t.Error("a nil *Query must have no time bounds")
	}
}

// TestMatchesAllOnlyWithoutTerms: a query with no term selects every
// entry; one with any term, even one every entry passes, is not said to.
func TestMatchesAllOnlyWithoutTerms(t *testing.T) {
	for src, want := range map[string]bool{"": true, "   ": true, "level>=trace": false, "error": false, "not error": false} {
		q, err := Compile(src, Options{})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if q.MatchesAll() != want {
			t.Errorf("%q: MatchesAll %v, want %v", src, !want, want)
		}
	}
}

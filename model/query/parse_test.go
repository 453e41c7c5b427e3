package query

import (
	"errors"
	"strings"
	"testing"
)

// warnUp is the level set warn, error, critical.
const warnUp = "level(11100000)"

// structureCases lists queries and the tree each compiles to (see dump).
var structureCases = []struct {
	name, src, want string
}{
	{"empty", "", "all"},
	{"blank", " \t\n", "all"},
	{"word", "timeout", "text(timeout)"},
	{"implicit and", "a b", "and(text(a) text(b))"},
	{"explicit and", "a AND b", "and(text(a) text(b))"},
	{"or", "a or b", "or(text(a) text(b))"},
	{"and binds tighter than or", "a b or c", "or(text(c) and(text(a) text(b)))"}, // cheaper branch first
	{"or then and", "a or b c", "or(text(a) and(text(b) text(c)))"},
	{"not binds tightest", "-a b", "and(not(text(a)) text(b))"},
	{"not keyword", "NOT a or b", "or(not(text(a)) text(b))"},
	{"double negation cancels", "not -a", "text(a)"},
	{"parens", "(a or b) c", "and(text(c) or(text(a) text(b)))"},
	{"negated group", "-(a or b)", "not(or(text(a) text(b)))"},
	{"nested and flattens", "a (b c)", "and(text(a) text(b) text(c))"},
	{"phrase with keyword", `"a or b"`, "text(a or b)"},
	{"phrase escapes", `"say \"hi\" \\ \d"`, `text(say "hi" \ \d)`},
	{"regex", `/code 4\d\d/`, `re(code 4\d\d)`},
	{"regex fold", `/denied/i`, `re((?i)denied)`},
	{"regex escaped slash", `/a\/b/`, `re(a\/b)`},
	{"ip port is a word", "10.0.0.5:22", "text(10.0.0.5:22)"},
	{"bracket word", "[WARN]", "text([WARN])"},
	{"path word", "libsdwan/controller", "text(libsdwan/controller)"},
	{"cheap terms first", "timeout user:alice* level>=warn", "and(" + warnUp + " field(user.email,user.id,user_name,user_id,userEmail,userId,srcNode.user,acct,AUID:alice*) text(timeout))"},
	{"glob smart case lowers", "city:seattle", "field(location.city:seattle)"},
	{"glob keeps upper", "country:DE", "field(location.country:DE)"},
	{"exact", "event=closed_connection", "field(event_type,phase=closed_connection)"},
	{"exact numeric", "rx=1MB", "field(connection.rx,rxBytes,bytesRx=1MB#1e+06)"},
	{"not equal", "proto!=tcp", "not(field(connection.protocol,proto,protocol=tcp))"},
	{"size", "rx>10MiB", "field(connection.rx,rxBytes,bytesRx>1.048576e+07)"},
	{"duration", "duration>=1.5s", "field(connection.duration,duration>=1500)"},
	{"negative number", "connection.cbct_freshness<-50", "field(connection.cbct_freshness<-50)"},
	{"quoted value", `user="a b@x"`, "field(user.email,user.id,user_name,user_id,userEmail,userId,srcNode.user,acct,AUID=a b@x)"},
	{"empty quoted value", `user=""`, "field(user.email,user.id,user_name,user_id,userEmail,userId,srcNode.user,acct,AUID=)"},
	{"alias case-insensitive", "LEVEL>=WARN", warnUp},
	{"level exact", "level=error", "level(1000000)"},
	{"level glob", "level:w*", "level(100000)"},
	{"level not equal includes none", "level!=debug", "level(11111011)"},
	{"level below excludes none", "level<info", "level(110)"},
	{"kind", "kind:analytics", "kind(100)"},
	{"kind plural", "kind=sessions", "kind(100000)"},
	{"kind not", "kind!=text", "kind(111111110)"},
	{"kind glob", "kind:*o*", "kind(101110000)"}, // flow, session, json, boundary
	{"host reads the envelope", "host:gw*", "field(hostname+host:gw*)"},
	{"unit", "unit=newt", "field(+unit=newt)"},
	{"literal key", ".x-request-id=r-1", "field(x-request-id=r-1)"},
	{"quoted literal key", `."my key":v*`, "field(my key:v*)"},
	{"literal shadowed key", ".event=connection", "field(event=connection)"},
	{"dotted key", "relays.ip=1.2.3.4", "field(relays.ip=1.2.3.4)"},
	{"since relative", "since:15m", "time>=2026-11-20T11:45:00"},
	{"until clock", "until:14:05", "time<=2026-11-20T14:05:00"},
	{"since quoted", `since:"2026-11-20 08:00:00"`, "time>=2026-11-20T08:00:00"},
	{"time compare", "time<2026-11-20T08:00", "time<2026-11-20T08:00:00"},
	{"time not equal", "time!=now", "not(time=2026-11-20T12:00:00)"},
	{"keyword as field value", "action=or", "field(action=or)"},
	{"unicode space separates", "a\u00a0b", "and(text(a) text(b))"},
}

func TestCompileStructure(t *testing.T) {
	tests := structureCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Compile(tt.src, testOpts)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tt.src, err)
			}
			if got := dump(q.root); got != tt.want {
				t.Errorf("Compile(%q)\n got %s\nwant %s", tt.src, got, tt.want)
			}
			if q.String() != tt.src {
				t.Errorf("String() = %q, want the source %q", q.String(), tt.src)
			}
		})
	}
}

// errorCases lists bad queries, the offset of the problem and the message
// (the whole Error() text, or its start when it ends with "…").
var errorCases = []struct {
	name, src string
	pos       int
	msg       string // the whole Error() text, or its start when it ends with "…"
}{
	{"missing value", "rx>", 3, `expected a value after "rx>" at column 4 — write a number, with a unit if you like: rx>10MB, duration>=30s`},
	{"missing value before paren", "(user:)", 6, `expected a value after "user:" at column 7 — quote a value…`},
	{"missing level", "level>=", 7, `expected a value after "level>=" at column 8 — levels: …`},
	{"missing level, any case", "a LEVEL:", 8, `expected a value after "LEVEL:" at column 9 — levels: …`},
	{"missing kind", "kind=", 5, `expected a value after "kind=" at column 6 — kinds: …`},
	{"missing time", "time>", 5, `expected a value after "time>" at column 6 — write a time: time>=14:05…`},
	{"missing since", "since:", 6, `expected a value after "since:" at column 7 — write a time: since:15m…`},
	{"missing value of an exact key", ".level>", 7, `expected a value after ".level>" at column 8 — write a number…`},
	{"unknown field", "usr:alice", 0, `unknown field "usr" at column 1 — did you mean "user"?`},
	{"unknown field later", "a usr:alice", 2, `unknown field "usr" at column 3 — did you mean "user"?`},
	{"case of a key", "txbytes>1", 0, `unknown field "txbytes" at column 1 — did you mean "txBytes"?`},
	{"typo of since", "sinse:1h", 0, `unknown field "sinse" at column 1 — did you mean "since"?`},
	{"typo of a short key", "sess:1", 0, `unknown field "sess" at column 1 — did you mean "ses"?`},
	{"another word, not a typo", "seq=1", 0, `unknown field "seq" at column 1 — write .seq to match a key by its exact name…`},
	{"part of a dotted key", "email:alice", 0, `unknown field "email" at column 1 — did you mean "user.email"?`},
	{"head of a dotted key", "remote_network:AWS", 0, `unknown field "remote_network" at column 1 — did you mean "remote_network.id" or "remote_network.name"?`},
	{"head of many keys", "Connection:x", 0, `unknown field "Connection" at column 1 — did you mean "connection.id", "connection.client_ip", "connection.resource_ip" or another of 12 keys?`},
	{"url", "https://example.com", 0, `unknown field "https" at column 1 — write .https to match a key by its exact name…`},
	{"unclosed paren", "a or (b", 5, "unclosed ( opened at column 6 — add a )"},
	{"unclosed outer paren", "((a) b", 0, "unclosed ( opened at column 1 — add a )"},
	{"empty parens", "a ()", 2, `empty ( ) at column 3 — to search for "()", quote it`},
	{"stray close", "a)", 1, "unexpected ) at column 2 — no ( is open"},
	{"leading close", ") a", 0, "unexpected ) at column 1 — no ( is open"},
	{"trailing or", "a or", 4, `expected a term after "or" at column 5`},
	{"leading or", "or a", 0, `expected a term before "or" at column 1`},
	{"and or", "a and or b", 6, `expected a term after "and" at column 7`},
	{"or in group", "(or a)", 1, `expected a term before "or" at column 2`},
	{"dangling not", "a not", 5, `expected a term after "not" at column 6`},
	{"not before close", "(not)", 4, `expected a term after "not" at column 5`},
	{"lone minus", "a - b", 3, `expected a term after "-" at column 4…`},
	{"unclosed quote", `a "bc`, 2, `unclosed " opened at column 3 — end the text with "`},
	{"text after quote", `"a"b`, 3, `unexpected "b" after quoted text at column 4 — put a space between terms`},
	{"unclosed quoted value", `user="x`, 5, `unclosed " opened at column 6…`},
	{"unclosed regex", "/abc", 0, "unclosed regex opened at column 1…"},
	{"empty regex", "//", 0, "empty regex at column 1…"},
	{"regex flags", "/a/ii", 3, `unexpected "i" after regex at column 4…`},
	{"regex flag", "/a/x", 3, `unknown regex flag "x" at column 4 — only i (ignore case) is supported`},
	{"path as regex", "/etc/passwd", 5, `unexpected "p" after regex at column 6…`},
	{"bad regex", "a /x(/", 2, `bad regex /x(/ at column 3 — missing closing ): "x("`},
	{"bad size", "rx>10XB", 3, `"10XB" is not a size (units: B, KB, MB, GB, TB, PB, EB, KiB, MiB, GiB, TiB, PiB, EiB) at column 4`},
	{"size on duration", "duration>1MB", 9, `"1MB" is not a duration (units: ns, us, ms, s, m, h, d) at column 10`},
	{"not a number", "port>https", 5, `"https" is not a number at column 6…`},
	{"nan", "port>nan", 5, `"nan" is not a number at column 6…`},
	{"bad level", "level>=loud", 7, `"loud" is not a level at column 8 — levels: none, trace, debug, info, notice, warn, error, critical`},
	{"level glob matches nothing", "level:x*", 6, `"x*" matches no level at column 7…`},
	{"bad kind", "kind:conversation", 5, `"conversation" is not a kind at column 6…`},
	{"kind order", "kind>text", 4, `kind cannot be compared with ">" at column 5…`},
	{"bad time", "since:yesterdy", 6, `"yesterdy" is not a time at column 7 — use a duration ago…`},
	{"quoted bad time", `until:"2026-13-01"`, 6, `"2026-13-01" is not a time at column 7…`},
	{"too long ago", "since:9999999d", 6, `"9999999d" is too long ago at column 7…`},
	{"since with =", "since=1h", 5, `since takes a time after ":" at column 6…`},
	{"time glob", "time:14:05", 4, `time takes = != > >= < <=, not ":" at column 5…`},
	{"key without operator", `."a b" x`, 6, `expected an operator after ."a b" at column 7…`},
	{"column counts characters, not bytes", "é usr:alice", 3, `unknown field "usr" at column 3…`},
	{"column after wide characters", "日本 or (b", 10, "unclosed ( opened at column 7 — add a )"},
	{"too deep", strings.Repeat("(", 101) + "a" + strings.Repeat(")", 101), 100, "query nests too deeply at column 101…"},
	{"too many negations", strings.Repeat("-", 101) + "a", 100, "query nests too deeply at column 101…"},
}

func TestCompileErrors(t *testing.T) {
	tests := errorCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Compile(tt.src, testOpts)
			if err == nil {
				t.Fatalf("Compile(%q) = %q, want an error", tt.src, dump(q.root))
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Compile(%q) error %T is not a *query.Error", tt.src, err)
			}
			if qe.Pos != tt.pos {
				t.Errorf("Compile(%q) Pos = %d, want %d (%v)", tt.src, qe.Pos, tt.pos, err)
			}
			want, prefix := strings.CutSuffix(tt.msg, "…")
			if got := err.Error(); prefix && !strings.HasPrefix(got, want) || !prefix && got != want {
				t.Errorf("Compile(%q) error\n got %s\nwant %s", tt.src, got, tt.msg)
			}
		})
	}
}

func TestRegexErrorUnwraps(t *testing.T) {
	_, err := Compile("/a(/", testOpts)
	var qe *Error
	if !errors.As(err, &qe) || qe.Unwrap() == nil {
		t.Fatalf("bad regex error %v does not wrap the regexp error", err)
	}
	_, err = Compile("since:later", testOpts)
	if !errors.As(err, &qe) || qe.Unwrap() == nil {
		t.Fatalf("bad time error %v does not wrap the ParseTime error", err)
	}
}

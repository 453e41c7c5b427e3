package query

import (
	"testing"

	"connlog/model"
)

func TestTermText(t *testing.T) {
	tests := []struct {
		name, field, value, want string
	}{
		{"plain", "user", "alice@x", "user=alice@x"},
		{"space", "user", "a b@x", `user="a b@x"`},
		{"empty", "user", "", `user=""`},
		{"quote and backslash", "user", `say "hi" \o/`, `user="say \"hi\" \\o/"`},
		{"backslash alone needs no quotes", "user", `DOMAIN\alice`, `user=DOMAIN\alice`},
		{"colon and star are literal for =", "resource", "*.website.com:443", "resource=*.website.com:443"},
		{"parenthesis", "function", "operator()", `function="operator()"`},
		{"unicode", "city", "München", "city=München"},
		{"unicode space", "city", "a\u00a0b", "city=\"a\u00a0b\""},
		{"known key", "user.email", "a@x", "user.email=a@x"},
		{"since uses a colon", "since", "2026-11-20 08:00", `since:"2026-11-20 08:00"`},
		{"unknown key becomes literal", "x-request-id", "r-1", ".x-request-id=r-1"},
		{"literal kept", ".event", "connection", ".event=connection"},
		{"odd key quoted", "my key", "v", `."my key"=v`},
		{"key with operator char", "a=b", "v", `."a=b"=v`},
		{"empty key", ".", "v", `.""=v`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Term(tt.field, tt.value); got != tt.want {
				t.Errorf("Term(%q, %q) = %s, want %s", tt.field, tt.value, got, tt.want)
			}
		})
	}
}

// Every Term must compile and match exactly an entry holding that value.
func TestTermRoundTrip(t *testing.T) {
	values := []string{"alice", "a b@x", `q"uo"te`, `back\slash\`, "colon:value", "star*glob", "München", "日本語",
		"", " ", "(paren)", "-dash", "/slash/", "or", "NOT", "\xff\xfe invalid", "nul\x00byte", "tab\there", `\"`, "new\nline"}
	fields := []struct{ field, key string }{
		{"user", model.KeyUserEmail}, {"resource", model.KeyAppliedRule}, {"user.email", model.KeyUserEmail},
		{"x-request-id", "x-request-id"}, {".event", "event"}, {"my key", "my key"}, {`we"ird`, `we"ird`},
	}
	for _, f := range fields {
		for _, v := range values {
			term := Term(f.field, v)
			q, err := Compile(term, testOpts)
			if err != nil {
				t.Errorf("Term(%q, %q) = %s does not compile: %v", f.field, v, term, err)
				continue
			}
			hit := model.Entry{Fields: model.Fields{model.Str(f.key, v)}}
			miss := model.Entry{Fields: model.Fields{model.Str(f.key, v+"x")}}
			if !q.Match(&hit) || q.Match(&miss) {
				t.Errorf("%s: match(%q) = %v, match(%q) = %v", term, v, q.Match(&hit), v+"x", q.Match(&miss))
			}
		}
	}
}

func TestTypedTermsRoundTrip(t *testing.T) {
	e := model.Entry{Level: model.LevelWarn, Kind: model.KindAudit, Time: testNow}
	for _, term := range []string{
		Term("level", model.LevelWarn.String()), Term("kind", model.KindAudit.String()),
		Term("time", testNow.Format("2006-01-02T15:04:05.999999999Z07:00")), Term("since", "2026-11-20 11:00"),
		Term("until", "now"),
	} {
		q, err := Compile(term, testOpts)
		if err != nil {
			t.Errorf("%s: %v", term, err)
			continue
		}
		if !q.Match(&e) {
			t.Errorf("%s does not match an entry it was built from", term)
		}
	}
}

func TestCombinators(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"not single", Not("user=a"), "-user=a"},
		{"not phrase", Not(`"a b"`), `-"a b"`},
		{"not group", Not("(a or b)"), "-(a or b)"},
		{"not two terms", Not("a b"), "-(a b)"},
		{"not two groups", Not("(a) (b)"), "-((a) (b))"},
		{"not negation", Not("-a"), "-(-a)"},
		{"not empty", Not(""), ""},
		{"not trims", Not(" a "), "-a"},
		{"and", And("a", "b"), "a b"},
		{"and wraps or", And("a or b", "c"), "(a or b) c"},
		{"and keeps grouped or", And("(a or b)", "c"), "(a or b) c"},
		{"and skips empty", And("", "a", " "), "a"},
		{"and wraps unreadable", And(`"a`, "b"), `("a) b`},
		{"or", Or("a", "b c"), "a or b c"},
		{"or with everything is everything", Or("a", ""), ""},
		{"or of nothing", Or(), ""},
		{"kind list", Or(Term("kind", "analytics"), Term("kind", "session")), "kind=analytics or kind=session"},
		{"pivot", And(Or(Term("kind", "flow"), Term("kind", "session")), Not(Term("user", "a b"))), `(kind=flow or kind=session) -user="a b"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}

// And and Or must mean what they say once compiled.
func TestCombinatorsEvaluate(t *testing.T) {
	a, b, c := "level>=warn", "kind:analytics or kind:audit", "user:alice*"
	tests := []struct {
		name  string
		built string
		want  func(x, y, z bool) bool
	}{
		{"and", And(a, b, c), func(x, y, z bool) bool { return x && y && z }},
		{"or", Or(a, b, c), func(x, y, z bool) bool { return x || y || z }},
		{"and of or", And(Or(a, c), b), func(x, y, z bool) bool { return (x || z) && y }},
		{"or of and", Or(And(a, c), Not(b)), func(x, y, z bool) bool { return x && z || !y }},
	}
	qa, qb, qc := mustCompile(t, a), mustCompile(t, b), mustCompile(t, c)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := mustCompile(t, tt.built)
			for _, n := range testEntries() {
				want := tt.want(qa.Match(&n.e), qb.Match(&n.e), qc.Match(&n.e))
				if got := q.Match(&n.e); got != want {
					t.Errorf("%s on %s = %v, want %v", tt.built, n.name, got, want)
				}
			}
		})
	}
}

func mustCompile(t *testing.T, src string) *Query {
	t.Helper()
	q, err := Compile(src, testOpts)
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	return q
}

// TestHoldingFindsTheWordInTheField: Holding matches the field whose value
// holds the word, as a bare word would (smart case), and no other field;
// a word with a star, which a glob cannot spell, gives no term.
func TestHoldingFindsTheWordInTheField(t *testing.T) {
	e := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{model.Str("path", "/v1/Track/a b"), model.Str("module", "other")}}
	for _, tc := range []struct {
		field, word string
		want        bool
	}{
		{".path", "/v1/track", true},
		{".path", "/v1/Track", true},
		{".path", "/v1/TRACK", false},
		{".path", "a b", true},
		{".module", "/v1/track", false},
	} {
		term := Holding(tc.field, tc.word)
		q, err := Compile(term, Options{})
		if err != nil {
			t.Fatalf("Holding(%q, %q) = %s: %v", tc.field, tc.word, term, err)
		}
		if got := q.Match(e); got != tc.want {
			t.Errorf("%s on %v = %v, want %v", term, e.Fields, got, tc.want)
		}
	}
	if term := Holding(".path", "a*b"); term != "" {
		t.Errorf("Holding of a word with a star = %s, want none", term)
	}
}

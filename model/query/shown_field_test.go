package query

import (
	"testing"

	"connlog/model"
)

// hostileEntries are entries whose values hold bytes the table shows made
// visible: an OSC title sequence and a bell in a user's e-mail
// (evil␛]0;pwned\x07@example.com), a right-to-left override in a JSON
// line's own user, an escape in the host, and a service line's message.
func hostileEntries() (conn, js, svc *model.Entry) {
	conn = &model.Entry{Kind: model.KindAnalytics, Level: model.LevelInfo, Time: testNow,
		Raw:    []byte(`ANALYTICS {"user":{"email":"evil\u001b]0;pwned\u0007@example.com"}}`),
		Fields: model.Fields{model.Str(model.KeyCountry, "DE"), model.Str(model.KeyUserEmail, "evil\x1b]0;pwned\x07@example.com")},
		Origin: model.Origin{Host: "gw\x1b[2J", Offset: -1}}
	js = &model.Entry{Kind: model.KindJSON, Level: model.LevelInfo, Time: testNow,
		Raw:    []byte(`{"msg":"login","user":"mallory\u202egnp.exe"}`),
		Fields: model.Fields{model.Str(model.KeyMessage, "login"), model.Str("user", "mallory\u202egnp.exe")},
		Origin: model.Origin{Offset: -1}}
	svc = &model.Entry{Kind: model.KindService, Level: model.LevelInfo, Time: testNow,
		Raw:    []byte("[INFO] [connector] login user=evil\x1b]0;pwned\x07 ok"),
		Fields: model.Fields{model.Str(model.KeyModule, "connector"), model.Str(model.KeyMessage, "login user=evil\x1b]0;pwned\x07 ok")},
		Origin: model.Origin{Offset: -1}}
	return conn, js, svc
}

// TestFieldValueAsShownMatches: a field value typed as the table and the
// detail pane show it, its control characters and invisibles as their
// stand-ins (␛, \x07, ‹U+202E›), finds the entry, by the exact, glob and
// quoted forms, negated too; it found nothing, as a word typed so did
// before. The raw value still matches as before, and a stand-in that is
// not what is shown (\x08 for a bell, \x1b typed for an escape) does not.
func TestFieldValueAsShownMatches(t *testing.T) {
	conn, js, svc := hostileEntries()
	cases := []struct {
		src  string
		e    *model.Entry
		want bool
	}{
		{`user:evil␛]0;pwned\x07@example.com`, conn, true},
		{`user=evil␛]0;pwned\x07@example.com`, conn, true},
		{`user="evil␛]0;pwned\x07@example.com"`, conn, true},
		{`user:"evil␛]0;pwned\x07@example.com"`, conn, true},
		{`user:evil␛*`, conn, true},
		{`user:EVIL␛*`, conn, false}, // smart case: an upper-case letter compares exactly
		{`user:*pwned\x07@*`, conn, true},
		{`user:*\x07@example.com`, conn, true},
		{`.user.email:evil␛]0;*`, conn, true},
		{`-user:evil␛*`, conn, false},
		{`user!=evil␛]0;pwned\x07@example.com`, conn, false},
		{`user:evil␛]0;pwned\x08*`, conn, false},
		{`user:"evil\x1b]0;pwned*"`, conn, false},
		{`user:evil*`, conn, true},
		{"user=evil\x1b]0;pwned\x07@example.com", conn, true},
		{`host:gw␛[2J`, conn, true},
		{`host=gw␛[2J`, conn, true},
		{`host:gw␛*`, conn, true},
		{`.user:mallory‹U+202E›gnp.exe`, js, true},
		{`.user=mallory‹U+202E›gnp.exe`, js, true},
		{`.user:*‹U+202E›*`, js, true},
		{`.user:*‹U+202D›*`, js, false},
		{`msg:*user=evil␛]0;pwned\x07*`, svc, true},
		{`msg="login user=evil␛]0;pwned\x07 ok"`, svc, true},
		{`msg:*user=evil␛]0;pwned\x07`, svc, false},
	}
	for _, tc := range cases {
		q := mustCompile(t, tc.src)
		if got := q.Match(tc.e); got != tc.want {
			t.Errorf("%s matched %v, want %v", tc.src, got, tc.want)
		}
		// The value made inert goes in a buffer from a sync.Pool, which the
		// race detector empties at random.
		if n := testing.AllocsPerRun(10, func() { q.Match(tc.e) }); n != 0 && !raceEnabled {
			t.Errorf("%s: %v allocations a match", tc.src, n)
		}
	}
}

// TestFieldValueAsShownUnparsed: a message term typed as shown does not
// rule out a line not parsed yet whose raw bytes hold the message: the
// raw line holds the escape itself, not its stand-in.
func TestFieldValueAsShownUnparsed(t *testing.T) {
	_, _, svc := hostileEntries()
	bare := withoutMessages(svc)
	for _, src := range []string{`msg:*user=evil␛]0;pwned\x07*`, `msg="login user=evil␛]0;pwned\x07 ok"`} {
		q := mustCompile(t, src)
		if !q.Match(svc) {
			t.Fatalf("%s does not match %q", src, svc.Raw)
		}
		if !q.MayMatchUnparsed(bare) {
			t.Errorf("%s: the line not parsed yet is ruled out", src)
		}
	}
	if q := mustCompile(t, `msg:*user=evil␛]0;pwned\x08*`); q.MayMatchUnparsed(bare) {
		t.Errorf("%s: a line whose raw bytes lack the message is not ruled out", q.String())
	}
}

// TestFieldValueAsShownMarks: a value found as shown is marked where its
// pieces lie in the value as it is, each stand-in on the byte it stands
// for, so that the cell made inert marks what was typed.
func TestFieldValueAsShownMarks(t *testing.T) {
	conn, js, _ := hostileEntries()
	for _, tc := range []struct {
		src  string
		e    *model.Entry
		want string
	}{
		{`user=evil␛]0;pwned\x07@example.com`, conn, "user.email[evil\x1b]0;pwned\x07@example.com]"},
		{`user:evil␛*`, conn, "user.email[evil\x1b]"},
		{`user:*pwned\x07@*`, conn, "user.email[pwned\x07@]"},
		{`user:*␛]*.com`, conn, "user.email[\x1b]] user.email[.com]"},
		{`user:*\x0*`, conn, "user.email[\x07]"}, // a stand-in cut is marked whole
		{`host:gw␛*`, conn, "host[gw\x1b]"},
		{`.user:*‹U+202E›*`, js, "user[\u202e]"},
	} {
		if got := markedText(t, tc.src, tc.e); got != tc.want {
			t.Errorf("%s marks %q, want %q", tc.src, got, tc.want)
		}
	}
}

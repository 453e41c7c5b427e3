package query

import (
	"testing"

	"connlog/model"
)

// TestFileMatchesTheInput: file: (or source:, as the detail pane labels
// it) reads the name of the input an entry was read from, as the status
// line names it, whole or by its base name, with the usual glob and exact
// rules; an entry whose input has no name never matches it.
func TestFileMatchesTheInput(t *testing.T) {
	in := inputEntry
	b, a, stdin, none := in("/tmp/x/b-syslog.log"), in("logs/a-docker.log"), in("stdin"), in("")
	checkFileCases(t, testOpts, []fileCase{
		{"file:b-syslog.log", b, true},
		{"file:b-syslog.log", a, false},
		{"file:b-*", b, true},
		{"file:*.log", a, true},
		{"file:/tmp/x/b-syslog.log", b, true},
		{"file:*/x/*", b, true},
		{"file:x/b-syslog.log", b, false},
		{"file=b-syslog.log", b, true},
		{"file=b-syslog", b, false},
		{"file:B-SYSLOG.LOG", b, false},
		{"FILE:b-syslog.log", b, true},
		{"file:a-docker.log", a, true},
		{"file:stdin", stdin, true},
		{"file:*", none, false},
		{"-file:b-syslog.log", none, true},
		{"-file:b-syslog.log", a, true},
		{"file:b-syslog.log or file:a-*", a, true},
		{".file:b-syslog.log", b, false},
		{"source:b-syslog.log", b, true},
		{"source=a-docker.log", b, false},
	})
}

// inputEntry is a line read from the input of that name.
func inputEntry(name string) *model.Entry {
	return &model.Entry{Raw: []byte("line"), Origin: model.Origin{Input: name}}
}

// fileCase is a query on the input of an entry, and whether it matches.
type fileCase struct {
	query string
	e     *model.Entry
	want  bool
}

// checkFileCases compiles each query with opt and checks that it matches
// as told, rules out no line it matches before the line is parsed, and
// matches without allocating.
func checkFileCases(t *testing.T, opt Options, cases []fileCase) {
	t.Helper()
	for _, tc := range cases {
		q, err := Compile(tc.query, opt)
		if err != nil {
			t.Fatalf("Compile(%q): %v", tc.query, err)
		}
		if got := q.Match(tc.e); got != tc.want {
			t.Errorf("%s on input %q = %v, want %v", tc.query, tc.e.Origin.Input, got, tc.want)
		}
		if tc.want && !q.MayMatchUnparsed(tc.e) {
			t.Errorf("%s on input %q: a line not parsed yet is ruled out", tc.query, tc.e.Origin.Input)
		}
		if n := testing.AllocsPerRun(10, func() { q.Match(tc.e) }); n != 0 {
			t.Errorf("%s on input %q: %v allocations a match", tc.query, tc.e.Origin.Input, n)
		}
	}
}

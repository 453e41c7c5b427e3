package query

import "testing"

// TestFileMatchesHoweverNamed: with the directory the inputs were opened
// in, file: finds an input's lines whether the query and the command line
// named it by the same path or not: absolute for one and relative for the
// other, or through "./" and "..". Another file of the same name elsewhere
// is not it.
func TestFileMatchesHoweverNamed(t *testing.T) {
	in := inputEntry
	rel, abs, dotted, up := in("logs/a.log"), in("/srv/work/logs/a.log"), in("./logs/a.log"), in("../work/logs/a.log")
	bare, other := in("a.log"), in("/elsewhere/logs/a.log")
	opt := testOpts
	opt.Dir = "/srv/work"
	checkFileCases(t, opt, []fileCase{
		{"file:/srv/work/logs/a.log", rel, true},
		{"file:/srv/work/logs/a.log", dotted, true},
		{"file:/srv/work/logs/a.log", up, true},
		{"file:/srv/work/logs/a.log", abs, true},
		{"file:/srv/work/logs/a.log", other, false},
		{"file:logs/a.log", abs, true},
		{"file:logs/a.log", other, false},
		{"file:/srv/work/a.log", bare, true},
		{"file:/srv/work/logs/*.log", rel, true},
		{"file=/srv/work/logs/a.log", rel, true},
		{"-file:/srv/work/logs/a.log", rel, false},
		{"file:a.log", other, true}, // the base name, as before
		{"file:../work/logs/a.log", rel, true},
		{"file:./logs/a.log", abs, true},
		{"file=logs/../logs/a.log", rel, true},
		{"file:../work/logs/a.log", other, false},
	})
}

package query

import (
	"testing"

	"connlog/model"
)

// TestWordsFindMarks: a gap or boundary has no raw line, so bare words,
// phrases and regular expressions search the message the table shows for
// it; an ordinary line is still searched in its raw bytes only.
func TestWordsFindMarks(t *testing.T) {
	gap := model.Entry{Kind: model.KindGap, Time: testNow, Fields: model.Fields{
		model.Str(model.KeyGapReason, model.GapEvictionReason), model.Int(model.KeyGapCount, 618),
		model.Str(model.KeyMessage, "618 older lines dropped or not loaded to stay within the memory budget (--max-memory)")}}
	boundary := model.Entry{Kind: model.KindBoundary, Time: testNow, Fields: model.Fields{
		model.Str(model.KeyBoundary, "restart"), model.Str(model.KeyMessage, "service restarted")}}
	line := model.Entry{Kind: model.KindText, Time: testNow, Raw: []byte("plain line"),
		Fields: model.Fields{model.Str(model.KeyMessage, "budget in a parsed message only")}}
	cases := []struct {
		src                 string
		gap, boundary, line bool
	}{
		{"budget", true, false, false},
		{`"memory budget"`, true, false, false},
		{`/older lines dropped/`, true, false, false},
		{"restarted", false, true, false},
		{"plain", false, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			q, err := Compile(tc.src, testOpts)
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]bool{q.Match(&gap), q.Match(&boundary), q.Match(&line)}; got != [3]bool{tc.gap, tc.boundary, tc.line} {
				t.Errorf("gap, boundary, line matched %v, want %v", got, [3]bool{tc.gap, tc.boundary, tc.line})
			}
		})
	}
}

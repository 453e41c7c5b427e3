package triage

import "testing"

// A rate is listed when it moved by half again or more, not when a busy
// stream grew by 15% (which, over thousands of lines, is as certain as it is
// uninteresting).
func TestNotableRatio(t *testing.T) {
	cases := []struct {
		a, b  int64
		scale float64
		want  bool
	}{
		{22986, 19950, 1, false}, // ×1.15 on a busy template
		{477, 586, 1, false},     // ×0.81
		{300, 200, 1, true},      // ×1.5
		{5, 16, 1, true},         // ×0.31
		{300, 100, 2, true},      // B's window half as long: ×1.5
		{200, 100, 2, false},     // the same rate over a longer window
	}
	for _, c := range cases {
		if got := notableRatio(c.a, c.b, c.scale); got != c.want {
			t.Errorf("notableRatio(%d, %d, %v) = %v, want %v", c.a, c.b, c.scale, got, c.want)
		}
	}
}

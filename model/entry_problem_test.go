package model

import "testing"

// An entry's problem tells its parse error, that its message could not be
// read, or both.
func TestEntryProblem(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flags Flags
		err   string
		want  string
	}{
		{"none", 0, "", ""},
		{"parse error", FlagParseError, "bad json", "bad json"},
		{"message unreadable", FlagMessageUnreadable, "", MessageUnreadable},
		{"both", FlagMessageUnreadable | FlagParseError, "bad json", MessageUnreadable + "; bad json"},
	} {
		e := Entry{Flags: tc.flags, Err: tc.err}
		if got := e.Problem(); got != tc.want {
			t.Errorf("%s: Problem() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

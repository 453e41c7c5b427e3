package envelope

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestNamesListEveryAcceptedName: the list an unknown --envelope is answered
// with names every spelling ParseKind accepts, aliases included, so that
// one it accepts silently ("raw") is never missing from the list that says
// what may be typed.
func TestNamesListEveryAcceptedName(t *testing.T) {
	listed := strings.FieldsFunc(Names(), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	for alias, k := range kindAliases {
		if !slices.Contains(listed, alias) {
			t.Errorf("Names() = %q leaves out %q (%s)", Names(), alias, k)
		}
	}
	if !strings.HasPrefix(Names(), "bare (or none, raw, text), docker-json") {
		t.Errorf("Names() = %q; want each name followed by its other spellings", Names())
	}
}

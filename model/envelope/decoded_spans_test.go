package envelope

import (
	"strings"
	"testing"
)

// TestDecodedSpansMapsMatchesToTheirBytes: the search sees the line as
// Decode gives it, and each of its marks comes back as the bytes of the
// line that wrote it: escapes, a surrogate pair and byte values whole.
func TestDecodedSpansMapsMatchesToTheirBytes(t *testing.T) {
	for _, tc := range []struct{ name, line, find, want string }{
		{"escaped quotes", `{"log":"a \"q\" b\n","stream":"stderr"}`, `"q" b`, `\"q\" b`},
		{"escape at both ends", `{"log":"x\u001b[1my\t"}`, "\x1b[1my\t", `\u001b[1my\t`},
		{"surrogate pair", `{"log":"hi \ud83d\ude00!"}`, "😀!", `\ud83d\ude00!`},
		{"lone surrogate", `{"log":"a\ud800b"}`, "\ufffdb", `\ud800b`},
		{"byte values", `{"MESSAGE":[27,91,51,49,109,104,111,116],"_HOSTNAME":"h"}`, "hot", `104,111,116`},
		{"outside the strings", `{"n":42,"log":"v"}`, `42,"log"`, `42,"log"`},
		{"not found", `{"log":"v"}`, "zz", ""},
		{"not JSON", `plain "q" line`, `"q"`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d JSONDecoded
			decodes := d.Decode([]byte(tc.line))
			spans := DecodedSpans([]byte(tc.line), func(decoded string, mark func(a, b int)) {
				if decoded != string(d.Text) {
					t.Errorf("searched %q, Decode gives %q", decoded, d.Text)
				}
				if i := strings.Index(decoded, tc.find); i >= 0 {
					mark(i, i+len(tc.find))
				}
			})
			var got string
			if len(spans) == 1 {
				got = tc.line[spans[0][0]:spans[0][1]]
			}
			if got != tc.want || len(spans) > 1 || !decodes && spans != nil {
				t.Errorf("marks %v (%q), want %q", spans, got, tc.want)
			}
		})
	}
}

package shellquote

import "testing"

func TestQuote(t *testing.T) {
	tests := map[string]string{
		"":                   "''",
		"/var/log/a b.log.Z": "'/var/log/a b.log.Z'",
		"it's $HOME":         `'it'\''s $HOME'`,
	}
	for in, want := range tests {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

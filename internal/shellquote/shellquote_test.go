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

func TestArg(t *testing.T) {
	for in, want := range map[string]string{
		"/var/log/journal/a.journal": "/var/log/journal/a.journal",
		"my logs/a b.journal":        `'my logs/a b.journal'`,
		"it's":                       `'it'\''s'`,
		"$(reboot)":                  `'$(reboot)'`,
		"":                           `''`,
	} {
		if got := Arg(in); got != want {
			t.Errorf("Arg(%q) = %s, want %s", in, got, want)
		}
	}
}

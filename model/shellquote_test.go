package model

import "testing"

func TestShellArg(t *testing.T) {
	for in, want := range map[string]string{
		"/var/log/journal/a.journal": "/var/log/journal/a.journal",
		"my logs/a b.journal":        `'my logs/a b.journal'`,
		"it's":                       `'it'\''s'`,
		"$(reboot)":                  `'$(reboot)'`,
		"":                           `''`,
	} {
		if got := ShellArg(in); got != want {
			t.Errorf("ShellArg(%q) = %s, want %s", in, got, want)
		}
	}
}

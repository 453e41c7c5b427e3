package model

import "strings"

// ShellQuote wraps s in single quotes, closing and escaping any inside, so
// that a command connlog suggests can be pasted into a POSIX shell.
func ShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ShellArg is s as a shell word: as it is when the shell would take it so,
// quoted (ShellQuote) otherwise.
func ShellArg(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+=:,@%") == "" {
		return s
	}
	return ShellQuote(s)
}

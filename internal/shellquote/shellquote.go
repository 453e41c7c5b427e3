// Package shellquote writes a word so that a POSIX shell reads it back
// as it is, for the commands connlog suggests to run.
package shellquote

import "strings"

// Quote wraps s in single quotes, closing and escaping any inside.
func Quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Arg is s as a shell word: as it is when the shell would take it so,
// quoted (Quote) otherwise.
func Arg(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+=:,@%") == "" {
		return s
	}
	return Quote(s)
}

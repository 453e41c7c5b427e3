// Package shellquote writes a word so that a POSIX shell reads it back
// as it is, for the commands connlog suggests to run.
package shellquote

import "strings"

// Quote wraps s in single quotes, closing and escaping any inside.
func Quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

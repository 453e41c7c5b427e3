package export

import (
	"strings"
	"time"
)

// compactTime is the time layout of default file names: sortable, no colons.
const compactTime = "20060102T150405Z"

// DefaultName proposes a file name for an export of host's entries from
// from to to: connlog-<host>-<from>-<to>.<ext>[.gz|.zst], with the times in
// compact UTC (20261120T080000Z). Characters that do not belong in a file
// name are replaced with "_"; an empty host becomes "localhost" and a zero
// time "unknown".
func DefaultName(host string, from, to time.Time, f Format, c Compression) string {
	var b strings.Builder
	b.WriteString("connlog-")
	b.WriteString(fileSafe(host, "localhost"))
	b.WriteByte('-')
	b.WriteString(compactUTC(from))
	b.WriteByte('-')
	b.WriteString(compactUTC(to))
	b.WriteByte('.')
	b.WriteString(f.Ext())
	b.WriteString(c.Ext())
	return b.String()
}

func compactUTC(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format(compactTime)
}

// fileSafe keeps letters, digits, dots, dashes and underscores, so that a
// hostile or odd host name cannot add a directory or hide an extension.
func fileSafe(s, empty string) string {
	s = strings.Trim(s, ".")
	if s == "" {
		return empty
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

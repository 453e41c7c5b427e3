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
// name are replaced with "_". What is not known is left out rather than
// named "unknown": an empty host, both times zero (connlog-<host>.<ext>),
// or one of them (connlog-<host>-since-<from>.<ext>,
// connlog-<host>-until-<to>.<ext>).
func DefaultName(host string, from, to time.Time, f Format, c Compression) string {
	parts := []string{"connlog"}
	if h := fileSafe(host); h != "" {
		parts = append(parts, h)
	}
	parts = append(parts, spanParts(from, to)...)
	return strings.Join(parts, "-") + "." + f.Ext() + c.Ext()
}

// spanParts names the span from from to to in a file name, leaving out
// the ends that are zero, and saying which end is left when one is.
func spanParts(from, to time.Time) []string {
	switch {
	case from.IsZero() && to.IsZero():
		return nil
	case to.IsZero():
		return []string{"since", compactUTC(from)}
	case from.IsZero():
		return []string{"until", compactUTC(to)}
	}
	return []string{compactUTC(from), compactUTC(to)}
}

func compactUTC(t time.Time) string {
	return t.UTC().Format(compactTime)
}

// fileSafe keeps letters, digits, dots, dashes and underscores, so that a
// hostile or odd host name cannot add a directory or hide an extension.
func fileSafe(s string) string {
	s = strings.Trim(s, ".")
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

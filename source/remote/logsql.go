package remote

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/payload"
)

// Journal fields as VictoriaLogs stores them after /insert/journald: MESSAGE
// becomes _msg, __REALTIME_TIMESTAMP becomes _time, the rest keep their names.
const (
	vlFieldTime       = "_time"
	vlFieldMessage    = "_msg"
	vlFieldStreamID   = "_stream_id"
	vlFieldHostname   = "_HOSTNAME"
	vlFieldUnit       = "_SYSTEMD_UNIT"
	vlFieldIdentifier = "SYSLOG_IDENTIFIER"
	vlFieldPID        = "_PID"
	vlFieldPriority   = "PRIORITY"
	vlFieldBootID     = "_BOOT_ID"
	vlFieldInvocation = "_SYSTEMD_INVOCATION_ID"
	vlFieldTransport  = "_TRANSPORT"
	// The fields of an audit record's stamp (see model.JournalFields.SetAuditStamp).
	vlFieldSourceRealtime = model.JournalFieldSourceRealtime
	vlFieldAuditSerial    = model.JournalFieldAuditSerial
)

// vlFields are the fields connlog asks for: what model.JournalFields keeps
// (an audit record's stamp from the two fields that make it), and the
// stream id that tells entries apart. vlRow's col* constants follow this
// order.
var vlFields = [...]string{vlFieldTime, vlFieldStreamID, vlFieldMessage, vlFieldHostname, vlFieldUnit,
	vlFieldIdentifier, vlFieldPID, vlFieldPriority, vlFieldBootID, vlFieldInvocation, vlFieldTransport,
	vlFieldSourceRealtime, vlFieldAuditSerial}

// logsqlFilter is the LogsQL filter for a selection, without pipes. It is
// "*" when nothing narrows it.
func logsqlFilter(sel Selection) string {
	var parts []string
	if t := logsqlTime(sel.Since, sel.Until); t != "" {
		parts = append(parts, t)
	}
	if h := logsqlAnyOf(vlFieldHostname, sel.Hosts); h != "" {
		parts = append(parts, h)
	}
	if !sel.AllUnits {
		var either []string
		if u := logsqlAnyOf(vlFieldUnit, sel.Units); u != "" {
			either = append(append(either, u), logsqlAboutUnits(sel.Units)...)
		}
		if len(sel.Identifiers) > 0 {
			either = append(either, vlFieldIdentifier+":in("+logsqlQuoteAll(sel.Identifiers)+")")
		}
		if len(either) > 0 {
			parts = append(parts, "("+strings.Join(either, " OR ")+")")
		}
	}
	for _, w := range sel.Words {
		parts = append(parts, vlFieldMessage+":~"+strconv.Quote(wordRegexp(w)))
	}
	if len(parts) == 0 {
		return "*"
	}
	return strings.Join(parts, " ")
}

// wordRegexp finds a word or phrase in a message as the query does: ignoring
// case, and in the message as shown too, without the colour sequences a
// logger may have put inside the word ("state=ESC[31mstalled" holds
// "state=stalled"). The store asks for no fewer messages than the query keeps.
func wordRegexp(w string) string {
	var b strings.Builder
	b.WriteString("(?i)")
	for i, r := range w {
		if i > 0 {
			b.WriteString("(?:" + payload.ColourRegexp + ")*")
		}
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	return b.String()
}

// logsqlAboutUnits are the messages about the units that journalctl -u
// shows besides their own, as the local journal's reader matches them:
// systemd's (PID 1), their coredumps, root daemons' naming them.
func logsqlAboutUnits(units []string) []string {
	about := func(field string, also ...string) string {
		return "(" + strings.Join(append(also, logsqlAnyOf(field, units)), " AND ") + ")"
	}
	return []string{
		about("UNIT", "_PID:=1"),
		about("COREDUMP_UNIT", "MESSAGE_ID:=fc2e22bc6ee647b6b90729ab34a250b1", "_UID:=0"),
		about("OBJECT_SYSTEMD_UNIT", "_UID:=0"),
	}
}

// logsqlTime is the _time filter for [since, until], both inclusive.
func logsqlTime(since, until time.Time) string {
	const layout = time.RFC3339Nano
	switch {
	case since.IsZero() && until.IsZero():
		return ""
	case until.IsZero():
		return vlFieldTime + ":>=" + since.UTC().Format(layout)
	case since.IsZero():
		return vlFieldTime + ":<=" + until.UTC().Format(layout)
	}
	return vlFieldTime + ":[" + since.UTC().Format(layout) + ", " + until.UTC().Format(layout) + "]"
}

// logsqlAnyOf matches field against names: exact values with in(), shell
// globs as anchored regular expressions, ORed together.
func logsqlAnyOf(field string, names []string) string {
	var exact, globs []string
	for _, n := range names {
		if IsGlob(n) {
			globs = append(globs, globRegexp(n))
		} else {
			exact = append(exact, n)
		}
	}
	var alts []string
	if len(exact) > 0 {
		alts = append(alts, field+":in("+logsqlQuoteAll(exact)+")")
	}
	for _, g := range globs {
		alts = append(alts, field+":~"+strconv.Quote(g))
	}
	switch len(alts) {
	case 0:
		return ""
	case 1:
		return alts[0]
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

func logsqlQuoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// globRegexp turns a well-formed shell glob in path.Match syntax (* ? [class]
// [^class] and \ escapes) into an anchored RE2 expression matching the same
// names. Callers reject malformed globs first (ValidGlob).
func globRegexp(glob string) string {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '[':
			i = globClass(glob, i+1, &b)
		case '\\':
			if i+1 < len(glob) {
				i++
			}
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	return b.String()
}

// globClass writes the class that starts at glob[i] (after its "[") and
// returns the index of its "]".
func globClass(glob string, i int, b *strings.Builder) int {
	b.WriteString("[")
	if i < len(glob) && glob[i] == '^' {
		b.WriteString("^/") // a negated class matches no separator, as path.Match
		i++
	}
	for ; i < len(glob) && glob[i] != ']'; i++ {
		c := glob[i]
		if c == '\\' && i+1 < len(glob) {
			i++
			c = glob[i]
		}
		if c == '-' {
			b.WriteByte('-')
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(c)))
	}
	b.WriteString("]")
	return i
}

// IsGlob reports whether a host or unit name is a shell pattern, which
// may match several, rather than one name.
func IsGlob(name string) bool { return strings.ContainsAny(name, "*?[") }

// ValidGlob reports whether a host or unit pattern is well formed: every
// class closed and not empty, no trailing backslash, and path.Match and the
// store agree it is a pattern.
func ValidGlob(glob string) bool {
	for i := 0; i < len(glob); i++ {
		switch glob[i] {
		case '\\':
			if i++; i >= len(glob) {
				return false
			}
		case '[':
			j := i + 1
			if j < len(glob) && glob[j] == '^' {
				j++
			}
			start := j
			for ; j < len(glob) && glob[j] != ']'; j++ {
				if glob[j] == '\\' {
					j++
				}
			}
			if j >= len(glob) || j == start {
				return false
			}
			i = j
		}
	}
	if _, err := path.Match(glob, glob); err != nil {
		return false
	}
	_, err := regexp.Compile(globRegexp(glob))
	return err == nil
}

// logsqlQuery is the full query: the filter, the fields connlog reads, and
// for a query (not a tail) the order and limit.
func logsqlQuery(sel Selection, tail bool) string {
	q := logsqlFilter(sel) + " | fields " + strings.Join(vlFields[:], ", ")
	switch {
	case tail:
	case sel.Newest > 0:
		q += " | sort by (_time desc) | limit " + strconv.Itoa(sel.Newest)
	default:
		q += " | sort by (_time)"
	}
	return q
}

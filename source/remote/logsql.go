package remote

import (
	"regexp"
	"strconv"
	"strings"
	"time"
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
)

// vlFields are the fields connlog asks for: what model.JournalFields keeps,
// and the stream id that tells entries apart.
var vlFields = []string{vlFieldTime, vlFieldStreamID, vlFieldMessage, vlFieldHostname, vlFieldUnit,
	vlFieldIdentifier, vlFieldPID, vlFieldPriority, vlFieldBootID, vlFieldInvocation, vlFieldTransport}

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
			either = append(either, u)
		}
		if len(sel.Identifiers) > 0 {
			either = append(either, vlFieldIdentifier+":in("+logsqlQuoteAll(sel.Identifiers)+")")
		}
		if len(either) > 0 {
			parts = append(parts, "("+strings.Join(either, " OR ")+")")
		}
	}
	for _, w := range sel.Words {
		parts = append(parts, vlFieldMessage+":~"+strconv.Quote("(?i)"+regexp.QuoteMeta(w)))
	}
	if len(parts) == 0 {
		return "*"
	}
	return strings.Join(parts, " ")
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
		if strings.ContainsAny(n, "*?[") {
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

// globRegexp turns a shell glob (path.Match syntax: * ? [class]) into an
// anchored RE2 expression matching the same names.
func globRegexp(glob string) string {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		case '[':
			end := strings.IndexByte(glob[i+1:], ']')
			if end < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := glob[i+1 : i+1+end]
			if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += end + 1
		case '\\':
			if i+1 < len(glob) {
				i++
				b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
			}
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	return b.String()
}

// logsqlQuery is the full query: the filter, the fields connlog reads, and
// for a query (not a tail) the order and limit.
func logsqlQuery(sel Selection, tail bool) string {
	q := logsqlFilter(sel) + " | fields " + strings.Join(vlFields, ", ")
	switch {
	case tail:
	case sel.Newest > 0:
		q += " | sort by (_time desc) | limit " + strconv.Itoa(sel.Newest)
	default:
		q += " | sort by (_time)"
	}
	return q
}

// Package query is connlog's filter language: one grammar for the TUI's
// filter bar and for `connlog export -q`, compiled once into a tree of small
// matchers that test an entry without allocating.
//
// # Terms
//
// A bare word matches entries whose raw line contains it, or, for a line
// coloured for a terminal, the line as shown without its colours. Matching is
// smart-case: a word with an upper-case letter is case-sensitive, a word
// without one ignores case (ASCII letters fold; a word with non-ASCII
// letters folds them by Unicode simple folding).
//
//	timeout          "Timeout", "TIMEOUT" and "timeout"
//	Timeout          only "Timeout"
//	"gone, code 410" a quoted phrase: spaces and keywords are literal; \" is a quote, \\ a backslash
//	/code 4\d\d/     an RE2 regular expression over the raw line; \/ is a slash
//	/denied|refused/i  the i flag ignores case
//
// A word ends at white space or a parenthesis. Quote text that holds them,
// that starts with - or /, that is a keyword (and, or, not), or that begins
// like a field term (https://host reads as the field "https").
//
// # Field terms
//
//	field:value     whole-value glob, * matches any run of characters; smart-case
//	field=value     exact, case-sensitive; * is literal
//	field!=value    no value of the field is exactly value
//	field>N  field>=N  field<N  field<=N   numeric comparison
//
// module:libsdwan also matches the module's sub-modules (libsdwan/controller,
// a line's [libsdwan] [controller]); module=libsdwan and .module:libsdwan
// match the module alone.
//
// A value is compared as it is and as the table shows it: a control
// character or an invisible one is shown as a stand-in (␛, \x07,
// ‹U+202E›; see inert.Sanitize), and a value written with stand-ins, as
// copied from the screen, matches the value so shown: user:evil␛]0;*
// finds the user "evil\x1b]0;pwned\x07". Bare words and phrases do the same.
//
// Values may be quoted: user="a b@x". Numbers may carry a unit, converted to
// the unit the field is stored in: sizes in bytes, decimal B, KB (1e3), MB
// (1e6), GB, TB, PB, EB or binary KiB, MiB, GiB, TiB, PiB, EiB (every unit
// the table shows); durations in milliseconds, ns, us
// (or µs), ms, s, m, h, d, also combined (1h30m) and fractional (1.5s). A
// plain number is taken as stored (bytes for rx, milliseconds for duration).
// rx=1MB and duration=30s compare numerically when the field is numeric.
//
// A field is named by its key, a dotted JSON path exactly as the parsers
// store it (connection.rx, user.email, location.city, relays.ip, the audit
// record's flat keys such as access_denied_reason, flow's txBytes,
// Pangolin's sessionId), or by one of these aliases, which look in the right
// key for each kind of entry:
//
//	level     the entry's severity: level>=warn, level=error, level:w*
//	kind      text, service, analytics (or connection), audit, flow, session, json, gap, boundary
//	time      the entry's time: time>=2026-11-20T08:00
//	event     event_type; for sessions, phase (START, END)
//	user      user.email, user.id, user_name, user_id, userEmail, userId, srcNode.user
//	resource  resource.address, resource.applied_rule, resource.id, resourceName, siteResourceId, element
//	port      connection.resource_port, dst_port
//	proto     connection.protocol, proto, protocol
//	ip        connection.client_ip, client_ip, forwarded_for_client_ip, src_ip
//	conn      connection.id, sessionId
//	country   location.country        city     location.city
//	module    module                  action   action
//	host      the envelope's host, hostname, the journal's hostname
//	unit      the envelope's or journal's unit, with or without .service
//	ident     the envelope's syslog identifier (or container name), the journal's SYSLOG_IDENTIFIER
//	granted   access_granted (true or false)
//	rx        connection.rx, rxBytes, bytesRx     (bytes)
//	tx        connection.tx, txBytes, bytesTx     (bytes)
//	duration  connection.duration, duration       (milliseconds)
//	device    device.id
//	connector connector.name, connector.id
//	network   remote_network.name, remote_network.id
//	location  location.city, location.region, location.country
//	rule      resource.applied_rule
//	target    connection.resource_ip, connection.resource_port, connection.protocol
//	tunnel    connection.tunnel_path, connection.tunnel_proto
//	error     connection.error_message; a Linux audit record's error
//	reason    access_denied_reason, endReason
//	msg, message  the message field
//
// Aliases are case-insensitive; keys are not. A key that is neither (a key of
// some other JSON object, or one an alias shadows such as Pangolin's "event")
// is written with a leading dot, .x-request-id=abc, or quoted when it has odd
// characters, ."my key"=1. An unknown name is an error that suggests the
// nearest known one, or the dotted key it is part of (email: user.email).
//
// A term on a field looks at every value of every key it names: a repeated
// key (relays.ip, one per relay) matches when any value matches. A field
// missing from an entry never matches, so field!=value and -field:value are
// true on entries that lack the field. A comparison (>, <...) never matches a
// value that is not a number.
//
// level compares by severity, none < trace < debug < info < notice < warn <
// error < critical, and accepts the spellings model.ParseLevel does (warning,
// err, fatal, 4). An entry without a level has level none: comparisons never
// match it (it has no severity to compare), level=none and level!=error do.
// kind takes the names model.ParseKind accepts. With a * glob, level: and
// kind: match the canonical names (level:w*, kind:*s*).
//
// # Time bounds
//
//	since:15m                 at or after 15 minutes before now (also 90s, 2h, 1d, 1h30m)
//	since:2026-11-20T08:00    since:2026-11-20   since:2026-11-20T08:00:00Z
//	since:"2026-11-20 08:00:00"
//	since:14:05               14:05 on the day of the data (14:05:30 with seconds)
//	until:…                   at or before; same forms
//	since:today  since:yesterday  until:now  since:@1763625600 (Unix seconds)
//
// Bounds are inclusive. Times without a zone are in the location given to
// Compile, and relative times count back from its Now: they are fixed when the
// query is compiled. A time without a date falls on Options.Day, the day of
// the data (the row under the cursor in the TUI, the newest entry of the
// input on the command line), not on today's date. An entry without a time
// never matches a time term.
//
// # Combining terms
//
//	a b          both (and is implicit; "a and b" is the same)
//	a or b       either
//	-a, not a    not a
//	( … )        grouping
//
// Precedence is not, then and, then or: `a b or c` is `(a and b) or c`, and
// `-a b` is `(not a) and b`. Keywords are case-insensitive. The empty query
// matches everything.
//
// # Examples
//
//	level>=warn -module:libsdwan               warnings and errors, except the SD-WAN library's
//	event:failed* or event:denied_access       connections that did not happen
//	kind:analytics country:DE rx>10MB since:1h  big German downloads in the last hour
//	user:alice* (proto:udp or port=53)         Alice's UDP and DNS traffic
//	unit=twingate-connector "code 410" until:14:05
//	kind:session duration>=5m tx>1MiB          long, busy Pangolin sessions
//	action=login_attempt granted:false         failed AQtive Guard logins
//	ident:twingate-connector level>=warn       the connector's warnings in a syslog file
//
// # Errors
//
// Compile returns a *Error with the byte offset of the problem (for a
// caret), its column as people count it (characters, from 1) and a message
// naming what was expected and where, for example
//
//	expected a value after "rx>" at column 4
//	unknown field "usr" at column 1 — did you mean "user"?
//	unclosed ( opened at column 6 — add a )
//	"10XB" is not a size (units: B, KB, MB, GB, TB, PB, EB, KiB, MiB, GiB, TiB, PiB, EiB) at column 4
//
// # Building queries
//
// Term, Not, And and Or write query text for the UI's pivot menu and the
// command line's --kind and --level lists, quoting values as needed, and
// Aliases lists the aliases so that a pivot on user.email can offer "user".
// ParseTime reads the time forms since: and until: take.
package query

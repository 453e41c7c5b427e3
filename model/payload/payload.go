// Package payload parses what a line says, once its envelope is removed:
// Twingate service lines and ANALYTICS events, AQtive Guard audit records,
// Tailscale flow messages, Pangolin connection records, generic JSON and
// plain text. Parsers are pure functions of the payload bytes; they never
// panic on hostile input and never drop a line.
//
// Parse classifies a payload by its first bytes, so the common Twingate
// service line costs one string and one field slice. JSON is read in place
// by a small scanner (no map[string]any, no reflection): values without
// escapes are substrings of one copy of the payload.
//
// Families and the choices made where the formats leave room:
//
//   - service: "[LEVEL] [module] [sub] function: message". A bracket group
//     counts as a module only when it holds an identifier. The function
//     prefix is split off when it is scoped ("listen::channel_event:"), a
//     call ("operator():") or snake_case ("run_state_machine:"); a
//     capitalised word ("State: Error") stays in the message. libevent's
//     "[msg] …" lines and PubNub's "Response was: {…}", "pbcc_… - …" and
//     bare {"error":…,"status":…,"service":…} replies are service entries
//     with a library field. A line whose first bracket is not a level
//     ("[Timestamp][Connector]: …") is text.
//   - analytics, audit, flow, session, json: see the files of the same
//     names. Objects without a prefix are told apart by their top-level
//     keys (classify.go); a collector's record whose "message" object is
//     an analytics event (Vector's kubernetes_logs) yields that event alone.
//   - flow: a proto of 0 reads as missing (""), since Tailscale omits zero.
//     Log streaming's fields.recorded stands in for a missing "logged".
//   - session: a newt ACCESS END line is timed at its ended=, a START at
//     its time=; Pangolin rows at startedAt.
//   - session CSV: a row is recognised only with exactly the header's 14
//     columns and plausible values. The header line itself is a text
//     entry: it describes the rows, it is not a connection.
//   - service, Twingate client: "[<time>] [LEVEL] [module] message
//     [Class.Method]" takes its own time and the caller (client.go).
//   - audit: also Linux audit records (auditd.go), "type=… msg=audit(…): …"
//     and the kernel's "audit: type=1400 audit(…): …".
//   - text: anything else, message = the payload. A line opening with an
//     ISO-8601 time and a "[level]"/"level:" token, a capitalised level
//     word (zerolog, Rust tracing, log4j) or Python's " - name - LEVEL - "
//     gets that time and level (a zone-less time is flagged Local);
//     logfmt and Python's "LEVEL:name:msg" are read too, as is the
//     severity of Solaris's "[ID 800047 auth.info]", and journalctl's
//     "[75B blob data]" placeholder is explained.
//
// Errors: when a parser recognised a shape but could not read all of it,
// Result.Err says why and the caller flags the entry model.FlagParseError.
// The result keeps its family kind when at least one field was read (a
// truncated ANALYTICS line is still an analytics entry, with the fields
// before the break); when no field could be read it is text.
package payload

import (
	"bytes"
	"time"

	"connlog/model"
)

// Result is what the parsers found in one payload. A Tailscale flow message
// or a Pangolin API response yields one Result per traffic item or row.
type Result struct {
	Kind   model.Kind
	Level  model.Level // LevelNone when the payload carries no severity
	Time   time.Time   // zero when the payload carries no time of its own
	Fields model.Fields
	Err    string // set when a parser recognised the shape but failed
	// Local is true when Time was written without a zone by a program that
	// writes its host's local time (log4j, Python logging): Time then holds
	// that wall clock as if it were UTC, for the caller to place in the
	// writer's location.
	Local bool
	// EnvelopeFirst is true when Time is the record's own but the time its
	// envelope gives, when it gives one (syslog's, the journal's), is the
	// entry's: an audit record's stamp, which a kernel line carries
	// alongside the journal's own time.
	EnvelopeFirst bool
	// Record and Item say where the result's own record lies when the
	// payload yields several: the element, row or message it came from,
	// and the traffic item within that message (see Others). Zero for a
	// payload that is one record.
	Record, Item Place
}

// Parse appends the results for one payload to out and returns it. It always
// appends at least one Result: a line no parser claims is KindText.
func Parse(p []byte, out []Result) []Result { return ParseMemo(p, out, nil) }

// ParseMemo is Parse with a memo, which may be nil, that spares decoding
// again the parts of analytics events met in recent lines (see
// AnalyticsMemo). The results are Parse's.
func ParseMemo(p []byte, out []Result, memo *AnalyticsMemo) []Result {
	p = WithoutColour(p)
	if len(p) == 0 {
		return appendText(out, p, "")
	}
	switch p[0] {
	case '[':
		if opensJSONArray(p) {
			return parseJSON(p, out)
		}
		if bytes.HasPrefix(p, prefixLibevent) {
			return parseLibevent(p, out)
		}
		if len(p) > 1 && p[1] >= '0' && p[1] <= '9' {
			if res, ok := parseClientLine(p, out); ok {
				return res
			}
			if res, ok := parseBracketStamped(p, out); ok {
				return res
			}
		}
		if res, ok := parseService(p, out); ok {
			return res
		}
	case 'A':
		if res, ok := parsePrefixedA(p, out, memo); ok {
			return res
		}
	case 'R':
		if bytes.HasPrefix(p, prefixPubNubResp) {
			return parsePubNubResponse(p, out)
		}
	case 'p':
		if bytes.HasPrefix(p, prefixPubNubCore) {
			return parsePubNubCore(p, out)
		}
	}
	if opensJSON(p[skipBlanks(p, 0):]) {
		return parseJSON(p, out)
	}
	if p[0] >= '0' && p[0] <= '9' {
		if res, ok := parseStampedText(p, out); ok {
			return res
		}
	}
	if res, ok := parseSessionCSV(p, out); ok {
		return res
	}
	return parseOtherLoggers(p, out)
}

// parseOtherLoggers tries the formats of the programs that share a host
// with the connectors (Linux audit records, logfmt, Python's basic
// format) and journalctl's
// placeholder for binary messages, else keeps the line as text.
func parseOtherLoggers(p []byte, out []Result) []Result {
	if res, ok := parseLevelledJSON(p, out); ok {
		return res
	}
	if opensAuditd(p) {
		if res, ok := parseAuditd(p, out); ok {
			return res
		}
	}
	switch {
	case p[0] == '[':
		if res, ok := parseBlobPlaceholder(p, out); ok {
			return res
		}
		if res, ok := parseSolarisID(p, out); ok {
			return res
		}
	case p[0] == 't' || p[0] == 'l' || p[0] == 'm':
		if res, ok := parseLogfmt(p, out); ok {
			return res
		}
	case p[0] >= 'A' && p[0] <= 'Z':
		if res, ok := parseLogrusText(p, out); ok {
			return res
		}
		if res, ok := parsePythonBasic(p, out); ok {
			return res
		}
	}
	return appendText(out, p, "")
}

// parsePrefixedA handles the two payloads that open with an upper-case A:
// Twingate's "ANALYTICS {…}" and newt's "ACCESS START|END …".
func parsePrefixedA(p []byte, out []Result, memo *AnalyticsMemo) ([]Result, bool) {
	switch {
	case bytes.HasPrefix(p, prefixAnalytics):
		return parseAnalyticsLine(p, out, memo)
	case bytes.HasPrefix(p, prefixAccess):
		return parseNewtAccess(p, out)
	}
	return out, false
}

// opensJSON reports whether p opens a JSON object or an array of objects
// or arrays, which Parse reads as a JSON document.
func opensJSON(p []byte) bool {
	return len(p) > 0 && (p[0] == '{' || p[0] == '[' && opensJSONArray(p))
}

// opensJSONArray tells a JSON array of objects or arrays ("[{", "[ [")
// from a bracketed service token ("[INFO]").
func opensJSONArray(p []byte) bool {
	i := insideBracket(p)
	return i < len(p) && (p[i] == '{' || p[i] == '[')
}

// insideBracket returns where what p's opening bracket holds begins, after
// its blanks and line ends: the byte opensJSONArray reads.
func insideBracket(p []byte) int {
	i := 1
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n') {
		i++
	}
	return i
}

package payload

import (
	"time"

	"connlog/model"
)

// maxCallerLen bounds the trailing caller group of a client line.
const maxCallerLen = 128

// parseClientLine reads a Twingate client line, the connector's service
// family with the client's own time in front and its caller at the end:
//
//	[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] Service state updated. [StateAggregationService.set_State]
//
// The time keeps its offset (the result is in UTC), the rest is read as a
// service line, and a trailing "[Class.Method]" becomes the caller field.
// It reports false when the first bracket does not hold a time followed by
// a service line.
func parseClientLine(p []byte, out []Result) ([]Result, bool) {
	t, rest, ok := clientTime(p)
	if !ok {
		return out, false
	}
	msg, caller := splitCaller(rest)
	res, ok := parseService(msg, out)
	if !ok {
		return out, false
	}
	r := &res[len(res)-1]
	r.Time = t
	if caller != "" {
		r.Fields = append(r.Fields, model.Field{Key: model.KeyCaller, Value: caller})
	}
	return res, true
}

// clientTime reads the bracketed time a client line opens with and
// returns it with the rest of the line, which opens with a bracket.
func clientTime(p []byte) (time.Time, []byte, bool) {
	end := indexByteWithin(p, ']', 40)
	if end < 1+minISOLen {
		// Too short for a time ("[INFO]", "[DEBUG]": most service lines),
		// told before the bytes are copied into the string parseISO reads.
		return time.Time{}, nil, false
	}
	t, n, ok := parseISO(string(p[1:end]))
	if !ok || n != end-1 || t.IsZero() {
		return time.Time{}, nil, false
	}
	rest := p[skipBlanks(p, end+1):]
	if len(rest) == 0 || rest[0] != '[' {
		return time.Time{}, nil, false
	}
	return t, rest, true
}

// splitCaller cuts a trailing " [Name.method]" off a client line. A
// bracket group counts only when it is a dotted identifier, so that a
// message ending in "[10.0.0.1]" or "[2 peers]" keeps it.
func splitCaller(p []byte) ([]byte, string) {
	end := trimRightBlanks(p, 0)
	if end < 4 || p[end-1] != ']' {
		return p, ""
	}
	open := end - 2
	for open >= 0 && end-open <= maxCallerLen && p[open] != '[' {
		open--
	}
	if open <= 0 || p[open] != '[' || (p[open-1] != ' ' && p[open-1] != '\t') {
		return p, ""
	}
	name := p[open+1 : end-1]
	if !isCallerName(name) {
		return p, ""
	}
	return p[:trimRightBlanks(p[:open], 0)], string(name)
}

// isCallerName accepts "Class.Method" and "Namespace.Class.Method_name":
// identifier characters with at least one dot, starting with a letter.
func isCallerName(b []byte) bool {
	dots := 0
	if len(b) < 3 || !(b[0] >= 'A' && b[0] <= 'Z' || b[0] >= 'a' && b[0] <= 'z') || b[len(b)-1] == '.' {
		return false
	}
	for _, c := range b {
		switch {
		case c == '.':
			dots++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '`', c == '<', c == '>':
		default:
			return false
		}
	}
	return dots > 0
}

// maxBracketGroups bounds the bracket groups read after a bracketed time.
const maxBracketGroups = 3

// parseBracketStamped reads the other lines that open with a bracketed
// time, "[2022-12-28 19:16:44.874][WireGuard][debug] pid=456 msg" or
// "[2024-01-17T10:30:00.123Z] [DEBUG] [CLI] msg" from programs whose groups
// are not the Twingate order: the time, and the level found in one of the
// next groups, make a text entry; the groups stay in the message. What
// follows the time is read as it is after a time without brackets (see
// payloadAfterStamp): "[2025-11-01T14:06:15Z] {"level":"error",…}" is a
// JSON entry. It reports false when the first bracket does not hold a
// whole time.
func parseBracketStamped(p []byte, out []Result) ([]Result, bool) {
	h, ok := readBracketHead(p)
	if !ok {
		return out, false
	}
	if res, ok := payloadAfterStamp(p, &h, out); ok {
		return res, true
	}
	i := h.rest
	lvl := model.LevelNone
	for g := 0; g < maxBracketGroups && i < len(p) && p[i] == '['; g++ {
		close := indexByteWithin(p[i:], ']', maxModuleLen+2)
		if close < 0 {
			break
		}
		if l, ok := model.ParseLevel(string(p[i+1 : i+close])); ok && l != model.LevelNone && close > minLevelWord {
			lvl = l
		}
		i = skipBlanks(p, i+close+1)
	}
	msg := p[h.rest:]
	return append(out, Result{Kind: model.KindText, Level: lvl, Time: h.time, Local: !h.zoned,
		Fields: model.Fields{{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])}}}), true
}

// readBracketHead reads the head of a line that opens with a bracketed
// time, as readStampedHead reads one without brackets, and reports false
// when the first bracket does not hold a whole time.
func readBracketHead(p []byte) (stampedHead, bool) {
	end := indexByteWithin(p, ']', 40)
	if end < 2 {
		return stampedHead{}, false
	}
	t, n, zoned, ok := parseISOZone(string(p[1:end]))
	if !ok || n != end-1 || t.IsZero() {
		return stampedHead{}, false
	}
	rest := skipBlanks(p, end+1)
	lvl, module, next := levelAfterStamp(p, rest)
	return stampedHead{time: t, zoned: zoned, level: lvl, module: module, rest: rest, next: next}, true
}

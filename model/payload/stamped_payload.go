package payload

import (
	"bytes"

	"connlog/model"
)

// payloadAfterStamp parses what follows a time its writer did not put
// there (a shipper's, a runtime's stamp of a precision the envelopes do
// not take for theirs: "2026-12-04T10:00:02.456Z [INFO] [connector] …")
// when it is a connector's service line or ANALYTICS event, or a JSON
// document ("2026-12-05T10:00:20.000Z {"level":"error",…}"), as it is
// parsed behind `docker logs -t`'s stamp, at the stamp's time when it has
// none of its own. A JSON document after a level word ("… INFO {…}") is
// read too, at the word's level when it has none of its own. Read as
// stamped text, its level, module, function and event were lost to the
// queries. p is the whole line, h its head.
func payloadAfterStamp(p []byte, h *stampedHead, out []Result) ([]Result, bool) {
	rest := p[h.rest:]
	n := len(out)
	var ok bool
	switch {
	case opensJSON(rest):
		out, ok = parseJSON(rest, out), true
		shiftPlaces(out[n:], p, rest)
	case len(rest) > 0 && rest[0] == '[':
		out, ok = parseService(rest, out)
	case bytes.HasPrefix(rest, prefixAnalytics):
		out, ok = parseAnalyticsLine(rest, out, nil)
	}
	if !ok {
		if doc, isJSON := h.jsonAfterLevel(p); isJSON {
			out, ok = parseJSON(doc, out), true
			shiftPlaces(out[n:], p, doc)
		}
	}
	if !ok || len(out) == n || out[n].Kind == model.KindText {
		// A line the parser keeps as text (an event cut short, text in
		// braces) is the stamped text line it looks like.
		return out[:n], false
	}
	for i := n; i < len(out); i++ {
		h.stamp(&out[i])
	}
	return out, true
}

// logfmtAfterStamp reads a logfmt line after a time its writer did not
// put there ("2026-12-05 10:00:20 level=warn msg="slow peer" peer=…", a
// slog or logrus program behind a shipper's stamp): its pairs are fields,
// its level the entry's, at its own time or else the stamp's.
func logfmtAfterStamp(p []byte, h *stampedHead, out []Result) ([]Result, bool) {
	n := len(out)
	out, ok := parseLogfmt(p[h.rest:], out)
	if !ok {
		return out[:n], false
	}
	for i := n; i < len(out); i++ {
		h.stamp(&out[i])
	}
	return out, true
}

// payloadResultAfterStamp is payloadAfterStamp for the lean results: the
// Result Parse gives such a line, without its fields. decided is false
// when only a full parse can tell: an event AnalyticsResult does not
// claim may still be one with an error, and a JSON document is no lean
// kind.
func payloadResultAfterStamp(p []byte, h *stampedHead) (r Result, ok, decided bool) {
	rest := p[h.rest:]
	switch {
	case opensJSON(rest), opensLogfmt(rest):
		return r, false, false
	case len(rest) > 0 && rest[0] == '[':
		if _, _, isJSON := serviceTagThenJSON(rest); isJSON {
			return r, false, false
		}
		r, ok = serviceResult(rest)
	case bytes.HasPrefix(rest, prefixAnalytics):
		if r, ok = analyticsResult(rest); !ok {
			return r, false, false
		}
	}
	if !ok {
		if _, isJSON := h.jsonAfterLevel(p); isJSON {
			return r, false, false
		}
	}
	if ok {
		h.stamp(&r)
	}
	return r, ok, true
}

// jsonAfterLevel returns the JSON document that follows the head's level
// ("2026-12-05 10:00:20 WARN {…}"), and whether there is one. A head with
// a logger's name (Python's) has none: the name would be lost.
func (h *stampedHead) jsonAfterLevel(p []byte) ([]byte, bool) {
	if h.level == model.LevelNone || len(h.module) > 0 {
		return nil, false
	}
	doc := p[skipBlanks(p, h.next):]
	return doc, opensJSON(doc)
}

// stamp gives r the stamp's time when it has none of its own, and the
// level written before it when it has none either.
func (h *stampedHead) stamp(r *Result) {
	if r.Time.IsZero() {
		r.Time, r.Local = h.time, !h.zoned
	}
	if r.Level == model.LevelNone {
		r.Level = h.level
	}
}

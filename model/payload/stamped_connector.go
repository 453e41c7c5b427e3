package payload

import (
	"bytes"

	"connlog/model"
)

// connectorAfterStamp parses a connector's service line or ANALYTICS event
// that follows a time its writer did not put there (a shipper's, a
// runtime's stamp of a precision the envelopes do not take for theirs:
// "2026-12-04T10:00:02.456Z [INFO] [connector] …"), as that line, at the
// stamp's time when it has none of its own. Read as stamped text, its
// module, function and event were lost to the queries.
func connectorAfterStamp(rest []byte, h *stampedHead, out []Result) ([]Result, bool) {
	n := len(out)
	var ok bool
	switch {
	case len(rest) > 0 && rest[0] == '[':
		out, ok = parseService(rest, out)
	case bytes.HasPrefix(rest, prefixAnalytics):
		out, ok = parseAnalyticsLine(rest, out, nil)
	}
	if !ok || len(out) == n || out[n].Kind == model.KindText {
		// A line the parser keeps as text (an event cut short) is the
		// stamped text line it looks like.
		return out[:n], false
	}
	for i := n; i < len(out); i++ {
		h.stamp(&out[i])
	}
	return out, true
}

// connectorResultAfterStamp is connectorAfterStamp for the lean results:
// the Result Parse gives such a line, without its fields. decided is false
// when only a full parse can tell: an event AnalyticsResult does not
// claim may still be one with an error.
func connectorResultAfterStamp(rest []byte, h *stampedHead) (r Result, ok, decided bool) {
	switch {
	case len(rest) > 0 && rest[0] == '[':
		r, ok = serviceResult(rest)
	case bytes.HasPrefix(rest, prefixAnalytics):
		if r, ok = analyticsResult(rest); !ok {
			return r, false, false
		}
	}
	if ok {
		h.stamp(&r)
	}
	return r, ok, true
}

// stamp gives r the stamp's time when it has none of its own.
func (h *stampedHead) stamp(r *Result) {
	if r.Time.IsZero() {
		r.Time, r.Local = h.time, !h.zoned
	}
}

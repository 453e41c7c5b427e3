package triage

import (
	"bytes"

	"connlog/model"
)

// templateText appends the text a line is folded by: the masked message of
// service, text and JSON lines, and for structured records the fields that
// say what kind of event it is (the analytics event type and its error, the
// audit action and whether it was granted, the session phase...).
func templateText(dst []byte, e *model.Entry) []byte {
	fs := e.Fields
	switch e.Kind {
	case model.KindService:
		return Mask(dst, serviceBody(e))
	case model.KindAnalytics:
		event := fs.Value(model.KeyEventType)
		dst = append(append(dst, "ANALYTICS "...), event...)
		if msg := fs.Value(model.KeyErrorMessage); msg != "" {
			dst = Mask(append(dst, ": "...), []byte(msg))
		}
		return dst
	case model.KindAudit:
		return auditText(dst, fs)
	case model.KindSession:
		return appendWords(append(dst, "session"...), fs.Value(model.KeyPhase), fs.Value(model.KeyEndReason), fs.Value(model.KeySessionEvent))
	case model.KindFlow:
		return appendWords(append(dst, "flow"...), fs.Value(model.KeyTraffic), fs.Value(model.KeyFlowProto))
	case model.KindGap:
		return appendWords(append(dst, "gap"...), fs.Value(model.KeyGapReason))
	case model.KindBoundary:
		return appendWords(append(dst, "boundary"...), fs.Value(model.KeyBoundary))
	}
	if m := fs.Value(model.KeyMessage); m != "" {
		return Mask(dst, []byte(m))
	}
	return Mask(dst, e.Payload)
}

// serviceBody is a service line without its level bracket, which the
// template's level says: "[libsdwan] [relay] relay_client::keepalive: …".
// A line read whole has the same payload as one read lean, so the template
// does not depend on how it was decoded.
func serviceBody(e *model.Entry) []byte {
	p := e.Payload
	if len(p) == 0 {
		return []byte(e.Fields.Value(model.KeyModule) + " " + e.Fields.Value(model.KeyMessage))
	}
	if p[0] == '[' {
		if end := bytes.IndexByte(p, ']'); end > 0 && end < 12 {
			p = bytes.TrimLeft(p[end+1:], " ")
		}
	}
	return p
}

// appendWords appends each non-empty word after a space.
func appendWords(dst []byte, words ...string) []byte {
	for _, w := range words {
		if w != "" {
			dst = append(append(dst, ' '), w...)
		}
	}
	return dst
}

// auditText folds an AQtive Guard record by its log type and action; a web
// record by its method, masked path and status code (a 403 is not a 200);
// an analysis record by its module and masked message.
func auditText(dst []byte, fs model.Fields) []byte {
	dst = appendWords(append(dst, "audit"...), fs.Value(model.KeyLogType), fs.Value(model.KeyAction),
		fs.Value(model.KeyMethod))
	for _, k := range []string{model.KeyPath, model.KeyModule, model.KeyMessage} {
		if v := fs.Value(k); v != "" {
			dst = Mask(append(dst, ' '), []byte(v))
		}
	}
	dst = appendWords(dst, fs.Value(model.KeyStatusCode))
	if fs.Value(model.KeyAccessGranted) == "false" {
		dst = Mask(append(dst, " denied: "...), []byte(fs.Value(model.KeyDeniedReason)))
	}
	return dst
}

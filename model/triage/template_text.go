package triage

import (
	"connlog/model"
	"connlog/model/decode"
	"connlog/model/mask"
)

// templateText appends the text a line is folded by: the masked message of
// service, text and JSON lines, and for structured records the fields that
// say what kind of event it is (the analytics event type and its error, the
// audit action and whether it was granted, the session phase...).
func templateText(dst []byte, e *model.Entry) []byte {
	fs := e.Fields
	switch e.Kind {
	case model.KindService:
		return serviceText(dst, e)
	case model.KindAnalytics:
		event := fs.Value(model.KeyEventType)
		dst = append(append(dst, "ANALYTICS "...), event...)
		if msg := fs.Value(model.KeyErrorMessage); msg != "" {
			dst = mask.Line(append(dst, ": "...), []byte(msg))
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
		return mask.Line(dst, []byte(m))
	}
	return mask.Line(dst, e.Payload)
}

// serviceText appends the template text of a service line: the one the
// decoder folded it into while reading it (Entry.Template), or its payload
// masked as the decoder would have, or, loaded without a payload, its
// module and message masked.
func serviceText(dst []byte, e *model.Entry) []byte {
	switch {
	case e.Template != "":
		return append(dst, e.Template...)
	case len(e.Payload) > 0:
		return decode.ServiceTemplate(dst, e.Payload)
	}
	return mask.Line(dst, []byte(e.Fields.Value(model.KeyModule)+" "+e.Fields.Value(model.KeyMessage)))
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
// A Linux audit record (no log type, a type) folds by its type, its
// operation and its result.
func auditText(dst []byte, fs model.Fields) []byte {
	if model.IsLinuxAudit(fs) {
		return appendMasked(append(dst, "audit"...), fs, model.KeyAuditType, "op", "operation", "apparmor", "res", "success")
	}
	dst = appendWords(append(dst, "audit"...), fs.Value(model.KeyLogType), fs.Value(model.KeyAction),
		fs.Value(model.KeyMethod))
	dst = appendMasked(dst, fs, model.KeyPath, model.KeyModule, model.KeyMessage)
	dst = appendWords(dst, fs.Value(model.KeyStatusCode))
	if fs.Value(model.KeyAccessGranted) == "false" {
		dst = mask.Line(append(dst, " denied: "...), []byte(fs.Value(model.KeyDeniedReason)))
	}
	return dst
}

// appendMasked appends the masked value of each of keys that fs has, after
// a space.
func appendMasked(dst []byte, fs model.Fields, keys ...string) []byte {
	for _, k := range keys {
		if v := fs.Value(k); v != "" {
			dst = mask.Line(append(dst, ' '), []byte(v))
		}
	}
	return dst
}

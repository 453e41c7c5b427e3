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
	case model.KindSession, model.KindFlow, model.KindGap, model.KindBoundary:
		return appendWords(append(dst, e.Kind.String()...), fs, valueKeys[e.Kind]...)
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

// valueKeys are the fields whose values, as they are, fold the records of
// a kind that is folded by its fields alone, after the kind's name.
var valueKeys = map[model.Kind][]string{
	model.KindSession:  {model.KeyPhase, model.KeyEndReason, model.KeySessionEvent},
	model.KindFlow:     {model.KeyTraffic, model.KeyFlowProto},
	model.KindGap:      {model.KeyGapReason},
	model.KindBoundary: {model.KeyBoundary},
}

// The fields that fold an AQtive Guard record (auditText): those taken as
// they are, those masked, then its status; and those, masked, that fold a
// Linux audit record.
var (
	auditValueKeys  = []string{model.KeyLogType, model.KeyAction, model.KeyMethod}
	auditMaskedKeys = []string{model.KeyPath, model.KeyModule, model.KeyMessage}
	auditStatusKeys = []string{model.KeyStatusCode}
	linuxAuditKeys  = []string{model.KeyAuditType, "op", "operation", "apparmor", "res", "success"}
)

// appendWords appends the non-empty value of each of keys after a space.
func appendWords(dst []byte, fs model.Fields, keys ...string) []byte {
	for _, k := range keys {
		if w := fs.Value(k); w != "" {
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
		return appendMasked(append(dst, "audit"...), fs, linuxAuditKeys...)
	}
	dst = appendWords(append(dst, "audit"...), fs, auditValueKeys...)
	dst = appendMasked(dst, fs, auditMaskedKeys...)
	dst = appendWords(dst, fs, auditStatusKeys...)
	if deniedAudit(fs) {
		dst = mask.Line(append(dst, " denied: "...), []byte(fs.Value(model.KeyDeniedReason)))
	}
	return dst
}

// deniedAudit reports whether an AQtive Guard record refused access: its
// template then holds the reason.
func deniedAudit(fs model.Fields) bool { return fs.Value(model.KeyAccessGranted) == "false" }

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

package triage

import (
	"connlog/model"
	"connlog/model/decode"
)

// facts are what the triage tables read from one entry, found once.
type facts struct {
	failed, denied bool
	reason         string // why it failed or was denied, as logged
	user           string
	resource       string
	ip             string // the client's address
	country        string
	module         string // service lines at warn or above
}

// factsOf reads the facts of e; v holds the fields of structured records
// (see viewOf). A lean service line at warn or above gets its fields parsed
// here, so the caller may pass entries decoded without fields.
func factsOf(e *model.Entry, v *view) facts {
	switch e.Kind {
	case model.KindService:
		if e.Level < model.LevelWarn {
			return facts{}
		}
		decode.Complete(e)
		return facts{module: e.Fields.Value(model.KeyModule)}
	case model.KindAnalytics:
		return analyticsFacts(v)
	case model.KindAudit:
		return auditFacts(e.Fields)
	case model.KindSession:
		return facts{user: or(v.sessEmail, v.sessUser), resource: or(v.resName, v.siteRes, v.destAddr), ip: v.srcIP}
	case model.KindFlow:
		return facts{user: v.nodeUser, resource: v.dst, ip: v.srcIP}
	}
	return facts{}
}

func analyticsFacts(v *view) facts {
	f := facts{user: or(v.userEmail, v.userID), resource: or(v.resAddr, v.resIP), ip: v.clientIP, country: v.country}
	switch v.event {
	case model.EventFailed:
		f.failed, f.reason = true, v.errorMsg
	case model.EventDenied:
		f.denied, f.reason = true, or(v.errorMsg, v.rule)
	}
	return f
}

func auditFacts(fs model.Fields) facts {
	f := facts{
		user: first(fs, model.KeyAuditUserName, model.KeyAuditUserID),
		ip:   first(fs, model.KeyForwardedFor, model.KeyAuditClientIP),
	}
	if fs.Value(model.KeyAccessGranted) == "false" {
		f.denied, f.reason = true, fs.Value(model.KeyDeniedReason)
		f.resource = first(fs, model.KeyAction, model.KeyElement)
	}
	return f
}

// first returns the first non-empty value among keys.
func first(fs model.Fields, keys ...string) string {
	for _, k := range keys {
		if v := fs.Value(k); v != "" {
			return v
		}
	}
	return ""
}

// structured reports whether e's kind has the fields a view reads.
func structured(e *model.Entry) bool {
	return e.Kind == model.KindAnalytics || e.Kind == model.KindSession || e.Kind == model.KindFlow
}

package triage

import (
	"connlog/model"
	"connlog/model/decode"
	"connlog/model/payload"
)

// facts are what the triage tables read from one entry, found once.
type facts struct {
	failed, denied bool
	reason         string // why it failed or was denied, as logged
	user           string
	resource       string
	object         string // what a Linux security module denied: named in the denied table, not a resource
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
		return auditFacts(e.Level, e.Fields)
	case model.KindSession:
		return facts{user: or(v.sessEmail, v.sessUser), resource: or(v.resName, v.siteRes, v.destAddr), ip: v.srcIP}
	case model.KindFlow:
		return facts{user: v.nodeUser, resource: v.dst, ip: v.srcIP}
	}
	return facts{}
}

func analyticsFacts(v *view) facts {
	f := facts{user: or(v.userEmail, v.userID), resource: or(v.resAddr, v.resIP), ip: v.clientIP, country: v.country}
	f.failed, f.denied = eventMarks(v.event)
	switch {
	case f.failed:
		f.reason = v.errorMsg
	case f.denied:
		f.reason = or(v.errorMsg, v.rule)
	}
	return f
}

// auditFacts reads an audit record: an AQtive Guard one's user, client
// and denied action, or a Linux one's account (acct, or the enriched
// AUID), remote address (addr, "?" when none), and the object a security
// module denied it (name: a file, not a resource a connection reaches, so
// the denied table names it and the resources table does not). A Linux
// record whose result failed (a login, an authentication, a command)
// counts as a failure, with no reason logged; a failed system call does
// not (many fail by design).
func auditFacts(l model.Level, fs model.Fields) facts {
	f := facts{
		user: payload.AuditUser(fs),
		ip:   payload.AuditValue(fs, model.KeyForwardedFor, model.KeyAuditClientIP, model.KeyAuditAddr),
	}
	if f.failed, f.denied = Marks(model.KindAudit, l, fs); f.denied {
		f.reason = fs.Value(model.KeyDeniedReason)
		f.resource = first(fs, model.KeyAction, model.KeyElement)
		f.object = fs.Value(model.KeyAuditObject)
	}
	return f
}

// Marks says whether an entry of kind k and level l with the indexed
// fields fs is a failed connection, or a denied one (a connection event,
// or an audit record whose access was not granted), or a Linux audit
// record that failed or was denied (payload.AuditMarks): what the
// timeline marks and the tables count as such.
func Marks(k model.Kind, l model.Level, fs model.Fields) (failed, denied bool) {
	switch k {
	case model.KindAnalytics:
		return eventMarks(fs.Value(model.KeyEventType))
	case model.KindAudit:
		failed, denied = payload.AuditMarks(l, fs)
		return failed, denied || fs.Value(model.KeyAccessGranted) == "false"
	}
	return false, false
}

// eventMarks says whether a connection event of type event failed or was
// denied.
func eventMarks(event string) (failed, denied bool) {
	return event == model.EventFailed, event == model.EventDenied
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

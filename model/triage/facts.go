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
	action         string // what an audit record's user was denied: named in the denied table, not a resource
	object         string // what a Linux security module denied: named in the denied table, not a resource
	ip             string // the client's address
	// The keys user, resource and ip were read from (see chain).
	userSrc, resourceSrc, ipSrc source
	country                     string
	module                      string // service lines at warn or above: the module, else the library
	moduleSrc                   source
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
		var f facts
		f.module, f.moduleSrc = serviceModule.firstIn(e.Fields)
		return f
	case model.KindAnalytics:
		return analyticsFacts(v)
	case model.KindAudit:
		return auditFacts(e.Level, e.Fields)
	case model.KindSession:
		f := facts{}
		f.user, f.userSrc = sessionUser.pick(v.sessEmail, v.sessUser)
		f.resource, f.resourceSrc = sessionResource.pick(v.resName, v.siteRes, v.destAddr)
		f.resource = resourceLabel(f.resourceSrc, f.resource)
		f.ip, f.ipSrc = sourceIP.pick(v.srcIP)
		return f
	case model.KindFlow:
		f := facts{}
		f.user, f.userSrc = flowUser.pick(v.nodeUser)
		f.resource, f.resourceSrc = flowResource.pick(v.dst)
		f.ip, f.ipSrc = sourceIP.pick(v.srcIP)
		return f
	}
	return facts{}
}

// noFacts are the facts of an entry that has none (see hasFacts). They are
// read, never written.
var noFacts facts

// hasFacts reports whether factsOf may find any fact in e: not in a
// service line below warn, most of a level-7 log, nor in a kind it does
// not read.
func hasFacts(e *model.Entry) bool {
	switch e.Kind {
	case model.KindService:
		return e.Level >= model.LevelWarn
	case model.KindAnalytics, model.KindAudit, model.KindSession, model.KindFlow:
		return true
	}
	return false
}

func analyticsFacts(v *view) facts {
	f := facts{country: v.country}
	f.user, f.userSrc = analyticsUser.pick(v.userEmail, v.userID)
	f.resource, f.resourceSrc = analyticsResource.pick(v.resAddr, v.resIP)
	f.ip, f.ipSrc = analyticsIP.pick(v.clientIP)
	f.failed, f.denied = eventMarks(v.event)
	switch {
	case f.failed:
		f.reason = v.errorMsg
	case f.denied:
		f.reason = or(v.errorMsg, v.rule)
	}
	return f
}

// auditFacts reads an audit record: an AQtive Guard one's user, client,
// the element it acted on (its resource, which the resource alias reads)
// and the action it was denied, or a Linux one's account (acct, or the
// enriched AUID), remote address (addr, "?" when none), and the object a
// security module denied it (name: a file, not a resource a connection
// reaches, so the denied table names it and the resources table does
// not). A Linux record whose result failed (a login, an authentication, a
// command) counts as a failure, with no reason logged; a failed system
// call does not (many fail by design).
func auditFacts(l model.Level, fs model.Fields) facts {
	var f facts
	if f.user, f.userSrc = guardUser.firstIn(fs); f.user == "" {
		f.user, f.userSrc = linuxUser.firstIn(fs)
	}
	if f.ip, f.ipSrc = guardIP.firstIn(fs); f.ip == "" {
		f.ip, f.ipSrc = linuxIP.firstIn(fs)
	}
	f.resource, f.resourceSrc = auditResource.firstIn(fs)
	if f.failed, f.denied = Marks(model.KindAudit, l, fs); f.denied {
		f.reason = fs.Value(model.KeyDeniedReason)
		f.action = fs.Value(model.KeyAction)
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

// structured reports whether e's kind has the fields a view reads.
func structured(e *model.Entry) bool {
	return e.Kind == model.KindAnalytics || e.Kind == model.KindSession || e.Kind == model.KindFlow
}

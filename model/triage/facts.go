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

// factsOf reads the facts of e. A lean service line at warn or above (and a
// lean analytics event) gets its fields parsed here, so the caller may pass
// entries decoded without fields.
func factsOf(e *model.Entry) facts {
	switch e.Kind {
	case model.KindService:
		if e.Level < model.LevelWarn {
			return facts{}
		}
		decode.Complete(e)
		return facts{module: e.Fields.Value(model.KeyModule)}
	case model.KindAnalytics:
		decode.Complete(e)
		return analyticsFacts(e.Fields)
	case model.KindAudit:
		return auditFacts(e.Fields)
	case model.KindSession:
		fs := e.Fields
		return facts{user: first(fs, model.KeySessUserEmail, model.KeySessUserID),
			resource: first(fs, model.KeyResourceName, model.KeySiteResource, model.KeyDestAddr),
			ip:       fs.Value(model.KeySrcIP)}
	case model.KindFlow:
		fs := e.Fields
		return facts{user: fs.Value(model.KeyNodeUser), resource: fs.Value(model.KeyDst), ip: fs.Value(model.KeySrcIP)}
	}
	return facts{}
}

func analyticsFacts(fs model.Fields) facts {
	f := facts{
		user:     first(fs, model.KeyUserEmail, model.KeyUserID),
		resource: first(fs, model.KeyResourceAddr, model.KeyResourceIP),
		ip:       fs.Value(model.KeyClientIP),
		country:  fs.Value(model.KeyCountry),
	}
	switch fs.Value(model.KeyEventType) {
	case model.EventFailed:
		f.failed, f.reason = true, fs.Value(model.KeyErrorMessage)
	case model.EventDenied:
		f.denied, f.reason = true, first(fs, model.KeyErrorMessage, model.KeyAppliedRule)
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

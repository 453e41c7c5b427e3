package triage

import "connlog/model"

// Parts selects the tables a Triage keeps, so that a view showing one of
// them pays for that one only: the top-N tables need no template, and
// neither needs the message text that only a re-read of the raw line gives.
type Parts uint8

// The tables a Triage can keep. The zero Parts means all of them.
const (
	PartTimeline  Parts = 1 << iota // the histogram, the time span and the untimed count
	PartTemplates                   // the templates table (with its per-bucket series)
	PartTop                         // the top-N tables
	PartSessions                    // one row per connection
	PartChanged                     // what changed (needs Options.Compare)

	// AllParts is every table, what the zero Parts means.
	AllParts = PartTimeline | PartTemplates | PartTop | PartSessions | PartChanged
)

// Has reports whether p holds every part of q.
func (p Parts) Has(q Parts) bool { return p&q == q }

// orAll returns p, or AllParts for the zero value.
func (p Parts) orAll() Parts {
	if p == 0 {
		return AllParts
	}
	return p
}

// Load says how much of an entry of kind k the parts read: the indexed
// fields (model.LoadIndex) suffice for every table but the templates (the
// table, and those what changed compares) of lines whose text is their
// message, which need it: a service line's template is in the index when
// the decoder folded it, and its payload masked otherwise
// (model.LoadTemplate, no re-parse); text and JSON lines and audit
// records are re-parsed (model.LoadFull) for their message field, which
// the index leaves out.
func (p Parts) Load(k model.Kind) model.Load {
	switch {
	case !p.FoldsTemplates() || !needsText(k):
		return model.LoadIndex
	case k == model.KindService:
		return model.LoadTemplate
	}
	return model.LoadFull
}

// ReadsFields reports whether the parts read anything of an entry of kind
// k and level l beyond its time, level and kind: at level 7 most lines are
// debug service lines, of which the top-N tables, the sessions and the
// timeline need nothing more, so a caller may skip loading them.
func (p Parts) ReadsFields(k model.Kind, l model.Level) bool {
	p = p.orAll()
	if p.FoldsTemplates() {
		return true // every line has a template
	}
	switch k {
	case model.KindAnalytics, model.KindAudit:
		return p&(PartTop|PartTimeline|PartSessions) != 0
	case model.KindSession, model.KindFlow:
		return p&(PartTop|PartSessions) != 0
	case model.KindService:
		return p.Has(PartTop) && l >= model.LevelWarn
	}
	return false
}

// FoldsTemplates reports whether the parts fold lines into templates: a
// caller that makes the template keys itself (AddKeyed) makes them only
// then.
func (p Parts) FoldsTemplates() bool { return p.orAll()&(PartTemplates|PartChanged) != 0 }

// ReadsIndex reports whether the parts read the indexed fields of an entry
// of kind k and level l that they read (see ReadsFields): all of them but
// the service lines of the templates, read for their template alone, and
// those of the warnings and errors, whose module is counted.
func (p Parts) ReadsIndex(k model.Kind, l model.Level) bool {
	if !p.ReadsFields(k, l) {
		return false
	}
	if k == model.KindService {
		return l >= model.LevelWarn && p.orAll()&(PartTop|PartTimeline|PartChanged) != 0
	}
	return true
}

// Keys returns the only indexed fields the parts read of an entry of kind
// k, or nil for all of them. Of a structured record they read the fields of
// its view (structuredKeys); the templates and the timeline alone read
// three of a connection event's (its type, error and rule: what it folds
// by, and whether it failed or was denied). Skipping the others' values is
// most of what loading the events costs the views.
func (p Parts) Keys(k model.Kind) []string {
	switch k {
	case model.KindAnalytics, model.KindSession, model.KindFlow:
		if k == model.KindAnalytics && p.orAll()&^(PartTemplates|PartTimeline) == 0 {
			return analyticsOutcomeKeys
		}
		return structuredKeys
	}
	return nil
}

// analyticsOutcomeKeys are the fields of a connection event that say what
// it was and how it ended.
var analyticsOutcomeKeys = []string{model.KeyEventType, model.KeyErrorMessage, model.KeyAppliedRule}

// needsText reports whether the template of an entry of kind k is made
// from its message text rather than from indexed fields.
func needsText(k model.Kind) bool {
	switch k {
	case model.KindAnalytics, model.KindSession, model.KindFlow, model.KindGap, model.KindBoundary:
		return false
	}
	return true
}

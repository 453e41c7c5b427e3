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
// message (service, text and JSON lines), which need the payload of a full
// load, and of audit records, whose analysis message the index leaves out.
func (p Parts) Load(k model.Kind) model.Load {
	if p.orAll()&(PartTemplates|PartChanged) != 0 && needsText(k) {
		return model.LoadFull
	}
	return model.LoadIndex
}

// ReadsFields reports whether the parts read anything of an entry of kind
// k and level l beyond its time, level and kind: at level 7 most lines are
// debug service lines, of which the top-N tables, the sessions and the
// timeline need nothing more, so a caller may skip loading them.
func (p Parts) ReadsFields(k model.Kind, l model.Level) bool {
	p = p.orAll()
	if p&(PartTemplates|PartChanged) != 0 {
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

// needsText reports whether the template of an entry of kind k is made
// from its message text rather than from indexed fields.
func needsText(k model.Kind) bool {
	switch k {
	case model.KindAnalytics, model.KindSession, model.KindFlow, model.KindGap, model.KindBoundary:
		return false
	}
	return true
}

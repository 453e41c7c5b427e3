package source

import "strings"

// Journal field names the source matches on or reads. Only these are read
// for each entry: enumerating every field of an entry is several times slower.
const (
	journalFieldMessage    = "MESSAGE"
	journalFieldUnit       = "_SYSTEMD_UNIT"
	journalFieldIdentifier = "SYSLOG_IDENTIFIER"
	journalFieldHostname   = "_HOSTNAME"
	journalFieldPID        = "_PID"
	journalFieldPriority   = "PRIORITY"
	journalFieldBootID     = "_BOOT_ID"
	journalFieldInvocation = "_SYSTEMD_INVOCATION_ID"
	journalFieldTransport  = "_TRANSPORT"
)

// journaldIdentifier is the syslog identifier of journald's own messages,
// among them the notices of messages it dropped under its rate limit.
const journaldIdentifier = "systemd-journald"

// journalSelection is the resolved filter: which units and identifiers the
// user follows, and whether journald's own messages are shown as lines (or
// only read for their rate-limit notices).
type journalSelection struct {
	allUnits     bool
	units        []string // full _SYSTEMD_UNIT values, globs already expanded
	identifiers  []string
	showJournald bool
}

// newJournalSelection resolves the options' filter; units must already be
// normalized and expanded.
func newJournalSelection(units, identifiers []string, allUnits bool) journalSelection {
	s := journalSelection{allUnits: allUnits, units: units, identifiers: identifiers}
	if allUnits {
		s.units, s.identifiers, s.showJournald = nil, nil, true
		return s
	}
	for _, u := range units {
		if u == journaldIdentifier+".service" {
			s.showJournald = true
		}
	}
	for _, id := range identifiers {
		if id == journaldIdentifier {
			s.showJournald = true
		}
	}
	return s
}

// follows reports whether a unit journald names in a rate-limit notice is
// one the user follows: by unit, or by an identifier equal to the unit's name.
func (s journalSelection) follows(unit string) bool {
	if s.allUnits {
		return true
	}
	for _, u := range s.units {
		if u == unit {
			return true
		}
	}
	stem := strings.TrimSuffix(unit, ".service")
	for _, id := range s.identifiers {
		if id == stem {
			return true
		}
	}
	return false
}

// journalMatches is the sd-journal match expression: the groups are ORed
// together, the matches inside a group are ORed for one field and ANDed
// across fields (sd-journal's rules), and Boot, when set, is ANDed with all.
type journalMatches struct {
	groups [][]string
	boot   string
}

// The messages journalctl -u shows about a unit besides its own: systemd's
// (PID 1: started, stopped, failed, restarted), a coredump of it, and those
// of root daemons that name it (OBJECT_SYSTEMD_UNIT).
const (
	journalFieldUnitAbout     = "UNIT"
	journalFieldObjectUnit    = "OBJECT_SYSTEMD_UNIT"
	journalFieldCoredumpUnit  = "COREDUMP_UNIT"
	journalMatchSystemd       = "_PID=1"
	journalMatchRoot          = "_UID=0"
	journalMatchCoredumpEvent = "MESSAGE_ID=fc2e22bc6ee647b6b90729ab34a250b1"
)

// unitGroups are the alternatives journalctl -u matches for the units:
// the units' own messages, systemd's about them (a unit that fails to
// start logs nothing itself, and that is when it matters most), their
// coredumps, and root daemons' messages about them.
func unitGroups(units []string) [][]string {
	field := func(name string, extra ...string) []string {
		g := append([]string(nil), extra...)
		for _, u := range units {
			g = append(g, name+"="+u)
		}
		return g
	}
	return [][]string{
		field(journalFieldUnit),
		field(journalFieldCoredumpUnit, journalMatchCoredumpEvent, journalMatchRoot),
		field(journalFieldUnitAbout, journalMatchSystemd),
		field(journalFieldObjectUnit, journalMatchRoot),
	}
}

// matches builds the match expression for the selection and a boot ID ("" =
// every boot). journald's own messages are always matched so that its
// rate-limit notices about a followed unit are seen.
func (s journalSelection) matches(boot string) journalMatches {
	m := journalMatches{boot: boot}
	if s.allUnits {
		return m
	}
	if len(s.units) > 0 {
		m.groups = append(m.groups, unitGroups(s.units)...)
	}
	idents := make([]string, 0, len(s.identifiers)+1)
	for _, id := range s.identifiers {
		idents = append(idents, journalFieldIdentifier+"="+id)
	}
	if !s.showJournald {
		idents = append(idents, journalFieldIdentifier+"="+journaldIdentifier)
	}
	m.groups = append(m.groups, idents)
	return m
}

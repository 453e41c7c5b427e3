package source

import "connlog/model"

// What the journal source does that a remote store of journals must do the
// same way, so that the same entries read either way give the same result.

// NormalizeJournalUnit turns a unit name as the user typed it (-u) into the
// _SYSTEMD_UNIT value it means: "twingate-connector" becomes
// "twingate-connector.service"; globs are left as they are. Remote stores
// of journals match on the same values.
func NormalizeJournalUnit(name string) string { return normalizeJournalUnit(name) }

// JournaldIdentifier is the SYSLOG_IDENTIFIER of journald's own messages,
// among them its notices of messages it dropped.
const JournaldIdentifier = journaldIdentifier

// ParseJournalSuppressed reads journald's rate-limit notice ("Suppressed N
// messages from UNIT"): the unit whose messages were dropped and how many.
func ParseJournalSuppressed(msg []byte) (unit string, count int64, ok bool) {
	return parseJournalSuppressed(msg)
}

// JournalRuns notices reboots (a new boot ID) and, with perUnit, service
// restarts (a new invocation ID of a unit), as the journal source marks them
// with boundary records, each host apart.
type JournalRuns struct{ r journalRuns }

// NewJournalRuns returns a tracker; perUnit enables restart boundaries.
func NewJournalRuns(perUnit bool) *JournalRuns { return &JournalRuns{newJournalRuns(perUnit)} }

// Observe records an entry's run and returns the note of the boundary to
// send before it (JournalNoteReboot, JournalNoteRestart), or "".
func (t *JournalRuns) Observe(f *model.JournalFields) string { return t.r.observe(f) }

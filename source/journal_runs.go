package source

import "connlog/model"

// Notes on the gap and boundary records the journald source sends. The
// store's loss ledger groups gaps by Note, so they are short and fixed.
const (
	// JournalNoteSuppressed marks a gap journald reported: its rate limit
	// dropped Count messages of the unit named in the record's Journal fields.
	JournalNoteSuppressed = model.GapSuppressed
	// JournalNoteHistoryGap marks a gap where the entry the source was reading
	// from disappeared: entries between it and the next one may be lost.
	JournalNoteHistoryGap = model.GapJournalHistory
	// JournalNoteFileLost marks a gap where a journal file became
	// unreadable while being read (truncated, corrupted or replaced): the
	// entries it still held are lost, the other files are read on.
	JournalNoteFileLost = model.GapJournalFileDropped
	// JournalNoteUnreadable marks an entry whose fields could not be read.
	JournalNoteUnreadable = model.GapJournalEntryUnreadable
	// JournalNoteRestart marks the first entry of a new run of a unit
	// (its invocation ID changed within one boot).
	JournalNoteRestart = "restart"
	// JournalNoteReboot marks the first entry of a new boot.
	JournalNoteReboot = "reboot"
)

// journalRuns notices where one run of a service ends and the next begins:
// a new boot ID is a reboot; a new invocation ID of the same unit within a
// boot is a restart. Each host is followed apart: journals copied from both
// connectors of a pair into one directory interleave two hosts' boots and
// runs, and one host's entry says nothing of the other's run. perUnit is
// false when every unit is read, where a restart boundary for each
// short-lived unit would only be noise.
type journalRuns struct {
	perUnit bool
	hosts   map[string]*hostRuns // by _HOSTNAME
}

// hostRuns is the run of each unit on one host.
type hostRuns struct {
	boot        string
	invocations map[string]string // unit -> last invocation ID seen
}

// newJournalRuns returns a tracker; perUnit enables restart boundaries.
func newJournalRuns(perUnit bool) journalRuns {
	return journalRuns{perUnit: perUnit, hosts: map[string]*hostRuns{}}
}

// observe records an entry's run and returns the boundary note to send
// before it ("" when the entry continues the run before it on its host).
func (r *journalRuns) observe(f *model.JournalFields) string {
	h := r.hosts[f.Hostname]
	if h == nil {
		h = &hostRuns{invocations: map[string]string{}}
		r.hosts[f.Hostname] = h
	}
	note := ""
	if f.BootID != "" {
		if h.boot != "" && h.boot != f.BootID {
			note = JournalNoteReboot
			clear(h.invocations)
		}
		h.boot = f.BootID
	}
	if !r.perUnit || f.InvocationID == "" {
		return note
	}
	key := f.Unit
	if key == "" {
		key = f.Identifier
	}
	last, seen := h.invocations[key]
	h.invocations[key] = f.InvocationID
	if note == "" && seen && last != f.InvocationID {
		note = JournalNoteRestart
	}
	return note
}

package source

import (
	"context"
	"strings"
	"time"
)

// Defaults the command line applies before it builds a JournalOptions. They
// live here so that help text and the source agree.
const (
	// DefaultJournalUnit is the unit read when the user names none.
	DefaultJournalUnit = "twingate-connector"
	// DefaultJournalLines is how many entries are loaded back before following.
	DefaultJournalLines = 10000
)

// JournalOptions select what the journald source reads. The flags are named
// like journalctl's; the command line fills this struct and applies the
// defaults above.
type JournalOptions struct {
	// Units are systemd units (-u), with or without ".service"; shell-style
	// globs ("twingate*") are expanded against the units the journal holds.
	Units []string
	// Identifiers are syslog identifiers (-t), matched exactly.
	Identifiers []string
	// AllUnits drops the unit and identifier filters (--all-units). With no
	// units and no identifiers the source reads every unit as well.
	AllUnits bool
	// Boot selects one boot (-b): "" or "all" for every boot, "0" for the
	// newest, "-1" for the one before, "1" for the oldest, a boot ID, or a
	// boot ID with an offset ("<id>-1").
	Boot string
	// Since and Until bound the entries by their journal timestamp; zero
	// means unbounded. With Until set the source does not follow.
	Since, Until time.Time
	// Lines is how many of the newest matching entries are loaded before
	// following (-n); -1 loads every one, 0 none.
	Lines int
	// Cursor starts at this entry (--cursor); AfterCursor just after it
	// (--after-cursor).
	Cursor, AfterCursor string
	// Directory reads the journal files in this directory (-D) instead of
	// the system's journal.
	Directory string
	// Files reads these journal files (--file) instead of the system's journal.
	Files []string
	// Follow keeps reading new entries after the backfill; false for
	// --no-follow and for a headless export without -f.
	Follow bool
	// TailFirst sends the newest lines of the backfill first and the older
	// ones after, as Backfill batches: the first screen of a big journal is
	// drawn at once. For the TUI; an export wants its lines in order.
	TailFirst bool
	// HoldBackfill, when set, holds a tail-first backfill back after its
	// newest chunk until it is closed (the interface's first screen is
	// drawn) or backfillHoldMax has passed, as FileOptions.HoldBackfill.
	HoldBackfill <-chan struct{}
	// BackfillFull, when set, says the sink can hold no line older than
	// those it holds, as FileOptions.BackfillFull: a tail-first backfill
	// then stops, and sends one gap record of the budget's reason
	// (model.GapEvictionReason) counting the lines it did not read.
	BackfillFull func() bool
	// Reader is the journal reader: JournalReaderNative ("" too) or
	// JournalReaderLibsystemd (cgo builds on Linux only).
	Reader string
	// MessageOnly reads, per entry, only what a raw export writes: MESSAGE
	// and the timestamp (plus the identifier, to recognise journald's own
	// notices, and the container fields that say an entry is a piece of a
	// split line, to join it). No cursor, no other fields, no restart
	// boundaries: each field is a libsystemd call, and a raw export of a
	// big journal spends most of its time in them. Ignored while following,
	// which needs the cursor to re-anchor.
	MessageOnly bool
	// Finish, with Follow, makes the end of Run's ctx a stop of following,
	// not of reading: the entries the journal holds by then are read to its
	// end and sent under Finish, with what was read and not yet sent (the
	// batch, a line whose pieces are still to come), before Run returns, so
	// that a headless export stopped by a signal writes every entry it could
	// see. The end of Finish ends that last read at once. nil: Run returns
	// as soon as ctx ends.
	Finish context.Context
}

// journalUnitSuffixes are the unit types systemd knows; a name without one of
// them gets ".service", as journalctl does.
var journalUnitSuffixes = []string{
	".service", ".socket", ".target", ".device", ".mount", ".automount",
	".swap", ".timer", ".path", ".slice", ".scope",
}

// normalizeJournalUnit turns a user's unit name into the _SYSTEMD_UNIT value
// it means. Glob patterns are returned unchanged: they are expanded later
// against the unit names the journal holds.
func normalizeJournalUnit(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || isJournalGlob(name) {
		return name
	}
	for _, suffix := range journalUnitSuffixes {
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) {
			return name
		}
	}
	return name + ".service"
}

// isJournalGlob reports whether a unit name is a shell-style pattern.
func isJournalGlob(name string) bool {
	return strings.ContainsAny(name, "*?[")
}

// readsAllUnits reports whether no unit or identifier filter applies.
func (o JournalOptions) readsAllUnits() bool {
	return o.AllUnits || (len(journalNonEmpty(o.Units)) == 0 && len(journalNonEmpty(o.Identifiers)) == 0)
}

// journalName is what the status line calls the source: the units and
// identifiers as the user wrote them, without ".service".
func journalName(o JournalOptions) string {
	if o.readsAllUnits() {
		return "all units"
	}
	names := make([]string, 0, len(o.Units)+len(o.Identifiers))
	for _, u := range journalNonEmpty(o.Units) {
		names = append(names, strings.TrimSuffix(u, ".service"))
	}
	names = append(names, journalNonEmpty(o.Identifiers)...)
	return strings.Join(names, ", ")
}

// journalNonEmpty returns the trimmed, non-empty strings of list.
func journalNonEmpty(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

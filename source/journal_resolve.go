package source

import (
	"fmt"
	"path"
)

// expandJournalUnits normalizes the requested units and expands globs
// against the units the journal holds. The journal's unit list is read only
// when a glob is present, so the common case costs nothing.
func expandJournalUnits(sd journalReader, requested []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(u string) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	var have []string
	for _, raw := range journalNonEmpty(requested) {
		u := normalizeJournalUnit(raw)
		if !isJournalGlob(u) {
			add(u)
			continue
		}
		if have == nil {
			var err error
			if have, err = sd.UniqueValues(journalFieldUnit); err != nil {
				return nil, fmt.Errorf("list the journal's units: %w", err)
			}
		}
		matched := false
		for _, h := range have {
			if ok, _ := path.Match(u, h); ok {
				add(h)
				matched = true
			}
		}
		if !matched {
			return nil, journalUnknownError([]string{u}, have, nil, nil)
		}
	}
	return out, nil
}

// listJournalBoots returns the boot IDs the journal holds, oldest first
// (ordered by the time of each boot's first entry), for a reading of one
// of them. It replaces the matches. It only peeks: an unreadable entry or
// a cut file it steps over looking for one boot is reported by the reading
// of the boot it belongs to, not by that of every boot.
func listJournalBoots(sd journalReader) ([]string, error) {
	var boots []JournalBoot
	err := sd.Peek(func() (err error) {
		boots, err = journalBootSpans(sd, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(boots))
	for i, b := range boots {
		out[i] = b.ID
	}
	return out, nil
}

// resolveJournalBoot turns a -b spec into a boot ID ("" for every boot).
// On the local journal, offsets count from the running boot, as journalctl
// does: the newest boot by timestamp is not it when the clock was wrong.
// Elsewhere (-D, --file) they count from the newest boot in the files.
func resolveJournalBoot(sd journalReader, spec journalBootSpec, local bool) (string, error) {
	if spec.all {
		return "", nil
	}
	if local && spec.id == "" && spec.offset <= 0 {
		if current, err := currentBootID(); err == nil {
			if spec.offset == 0 {
				return current, nil
			}
			spec.id = current
		}
	}
	boots, err := listJournalBoots(sd)
	if err != nil {
		return "", err
	}
	return spec.pick(boots)
}

// checkJournalNames fails when a requested unit or identifier has no entry
// anywhere in the journal (whatever the boot or time bounds). It is called
// only when the backfill sent no line, so the common case never pays for
// the lists.
func checkJournalNames(sd journalReader, sel journalSelection) error {
	if sel.allUnits {
		return nil
	}
	var haveUnits, haveIdents []string
	var err error
	if len(sel.units) > 0 {
		if haveUnits, err = sd.UniqueValues(journalFieldUnit); err != nil {
			return fmt.Errorf("list the journal's units: %w", err)
		}
	}
	if len(sel.identifiers) > 0 {
		if haveIdents, err = sd.UniqueValues(journalFieldIdentifier); err != nil {
			return fmt.Errorf("list the journal's identifiers: %w", err)
		}
	}
	return journalUnknownError(sel.units, haveUnits, sel.identifiers, haveIdents)
}

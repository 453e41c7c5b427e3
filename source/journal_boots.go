package source

import (
	"fmt"
	"sort"
	"time"
)

// JournalBoot is one boot the journal holds: its ID and the times of its
// first and last entries.
type JournalBoot struct {
	ID          string
	First, Last time.Time
}

// JournalBoots lists the boots of the journal opts names (this machine's,
// -D or --file), oldest first, as journalctl --list-boots does; the units
// and time bounds of opts are not applied. skipped says why files whose
// boots could not be read (truncated, corrupted) were left out, as
// journalctl ignores them.
func JournalBoots(opts JournalOptions) (boots []JournalBoot, skipped []error, err error) {
	sd, err := openJournalReader(opts)
	if err != nil {
		return nil, nil, err
	}
	defer sd.Close()
	boots, err = journalBootSpans(sd, true)
	return boots, sd.Problems(), err
}

// journalBootSpans finds each boot's first entry (and, withLast, its last)
// through the boot ID's own entries, not a walk of the journal. It replaces
// the matches and leaves none.
func journalBootSpans(sd journalReader, withLast bool) ([]JournalBoot, error) {
	ids, err := sd.UniqueValues(journalFieldBootID)
	if err != nil {
		return nil, fmt.Errorf("list the journal's boots: %w", err)
	}
	boots := make([]JournalBoot, 0, len(ids))
	for _, id := range ids {
		if err := sd.SetMatches(journalMatches{boot: id}); err != nil {
			return nil, err
		}
		first, ok, err := journalEdgeTime(sd, sd.SeekHead, sd.Next)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // a boot ID whose entries are all gone
		}
		b := JournalBoot{ID: id, First: first, Last: first}
		if withLast {
			if last, ok, err := journalEdgeTime(sd, sd.SeekTail, sd.Previous); err != nil {
				return nil, err
			} else if ok {
				b.Last = last
			}
		}
		boots = append(boots, b)
	}
	if err := sd.SetMatches(journalMatches{}); err != nil {
		return nil, err
	}
	sort.SliceStable(boots, func(i, j int) bool { return boots[i].First.Before(boots[j].First) })
	return boots, nil
}

// journalEdgeTime seeks to one end of the matching entries and steps onto
// the entry there; ok is false when there is none or it cannot be read (a
// damaged file is reported by the reader's Problems, not here).
func journalEdgeTime(sd journalReader, seek func() error, step func() (bool, error)) (time.Time, bool, error) {
	if err := seek(); err != nil {
		return time.Time{}, false, fmt.Errorf("list the journal's boots: %w", err)
	}
	if moved, err := step(); err != nil || !moved {
		return time.Time{}, false, nil
	}
	usec, err := sd.Realtime()
	if err != nil {
		return time.Time{}, false, nil // an entry without a readable time does not date its boot
	}
	return time.UnixMicro(int64(usec)), true, nil
}

package remote

import (
	"path"
	"slices"
	"strings"

	"connlog/model"
	"connlog/source"
)

// journalMarks adds around a store's rows what the journal source adds
// around its entries, so that both give the same entries: a boundary before
// the first entry of a new run (reboot, service restart), tracked per host;
// a gap for journald's notice that it dropped messages of a followed unit;
// and journald's own lines only when they were asked for.
type journalMarks struct {
	src          model.SourceID
	sel          Selection
	perUnit      bool
	showJournald bool
	runs         *source.JournalRuns // follows each host apart
}

func newJournalMarks(src model.SourceID, sel Selection) *journalMarks {
	k := &journalMarks{src: src, sel: sel}
	k.perUnit = !readsAllUnits(sel)
	k.runs = source.NewJournalRuns(k.perUnit)
	k.showJournald = !k.perUnit || slices.Contains(sel.Units, source.JournaldIdentifier+".service") ||
		slices.Contains(sel.Identifiers, source.JournaldIdentifier)
	return k
}

func readsAllUnits(sel Selection) bool {
	return sel.AllUnits || len(sel.Units) == 0 && len(sel.Identifiers) == 0
}

// storeSelection is what the store is asked: the user's selection and, when
// it names units, journald's own messages, for their notices.
func storeSelection(sel Selection) Selection {
	if !readsAllUnits(sel) {
		sel.Identifiers = append(slices.Clone(sel.Identifiers), source.JournaldIdentifier)
	}
	return sel
}

// add hands on the records a row gives.
func (k *journalMarks) add(r *Row, w *sender) error {
	rec := r.record(k.src)
	if rec.Journal.Identifier == source.JournaldIdentifier {
		if unit, n, ok := source.ParseJournalSuppressed(rec.Raw); ok && k.follows(unit) {
			gap := *rec.Journal
			gap.Unit, gap.PID, gap.InvocationID = unit, 0, ""
			if err := w.add(model.Record{Source: k.src, Offset: -1, Received: r.Time, Journal: &gap,
				Mark: model.MarkGap, Note: source.JournalNoteSuppressed, Count: n}); err != nil {
				return err
			}
		}
		if !k.showJournald {
			return nil
		}
	}
	if note := k.runs.Observe(rec.Journal); note != "" {
		if err := w.add(model.Record{Source: k.src, Offset: -1, Received: r.Time, Journal: rec.Journal,
			Mark: model.MarkBoundary, Note: note}); err != nil {
			return err
		}
	}
	return w.add(rec)
}

// follows reports whether the user reads a unit journald names in a notice:
// by unit (globs too) or by an identifier equal to the unit's name.
func (k *journalMarks) follows(unit string) bool {
	if readsAllUnits(k.sel) {
		return true
	}
	for _, u := range k.sel.Units {
		if ok, _ := path.Match(u, unit); ok {
			return true
		}
	}
	return slices.Contains(k.sel.Identifiers, strings.TrimSuffix(unit, ".service"))
}

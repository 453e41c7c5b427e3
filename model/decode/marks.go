package decode

import "connlog/model"

// markEntry turns a gap or boundary record into its entry. Such entries
// have no raw bytes; their time is the record's, or the previous entry's.
//
// A gap a source noticed itself (a truncation, a line too long, a journal
// file vacuumed) lies after the entry before it, so it takes that entry's
// time: the gaps of yesterday's log stay among yesterday's lines, in a
// --since/--until window and in the table's time order, though they were
// noticed today. The time it was noticed stays in Origin.Received. A gap
// journald stamped itself (its rate-limit notice) keeps journald's time.
func (d *Decoder) markEntry(rec *model.Record) model.Entry {
	e := model.Entry{
		Source: d.src,
		Time:   rec.Received,
		Origin: model.Origin{Received: rec.Received, Offset: -1, Journal: rec.Journal, Input: d.input},
	}
	noticed := rec.Mark == model.MarkGap && rec.Journal == nil
	switch {
	case e.Time.IsZero() || (noticed && d.haveLast):
		e.Time, e.Flags = d.lastTime(), model.FlagTimeInferred
	case noticed:
		// Before any entry (NUL bytes a crash left at a file's start): its
		// time is the first line's, as a lead's (see SettleLead), not the
		// time it was noticed; until then, that of a line without a time
		// (see DateUntimedAt).
		// A source that dated it in the past (a rotated file's last write)
		// knows better than the moment reading began.
		e.Flags = model.FlagTimeInferred
		if !d.readAt.IsZero() && !rec.Received.Before(d.readAt) {
			e.Time = d.readAt
		}
	}
	if rec.Mark == model.MarkBoundary {
		e.Kind, e.Level = model.KindBoundary, model.LevelNotice
		e.Fields = model.Fields{
			model.Str(model.KeyBoundary, rec.Note),
			model.Str(model.KeyMessage, model.BoundaryMessage(rec.Note)),
		}
		return e
	}
	e.Kind, e.Level = model.KindGap, model.LevelWarn
	e.Fields = model.GapFields(rec.Note, rec.Count)
	return e
}

package decode

import (
	"strings"

	"connlog/model"
)

// markEntry turns a gap or boundary record into its entry. Such entries
// have no raw bytes; their time is the record's, or the previous entry's.
func (d *Decoder) markEntry(rec *model.Record) model.Entry {
	e := model.Entry{
		Source: d.src,
		Time:   rec.Received,
		Origin: model.Origin{Received: rec.Received, Offset: -1, Journal: rec.Journal},
	}
	if e.Time.IsZero() {
		e.Time, e.Flags = d.last, model.FlagTimeInferred
	}
	if rec.Mark == model.MarkBoundary {
		e.Kind, e.Level = model.KindBoundary, model.LevelNotice
		e.Fields = model.Fields{
			model.Str(model.KeyBoundary, rec.Note),
			model.Str(model.KeyMessage, boundaryMessage(rec.Note)),
		}
		return e
	}
	e.Kind, e.Level = model.KindGap, model.LevelWarn
	e.Fields = model.Fields{
		model.Str(model.KeyGapReason, rec.Note),
		model.Int(model.KeyGapCount, rec.Count),
		model.Str(model.KeyMessage, model.GapMessage(rec.Note, rec.Count)),
	}
	return e
}

// boundaryMessage says what a boundary record marks.
func boundaryMessage(note string) string {
	switch strings.ToLower(note) {
	case "restart":
		return "service restarted"
	case "reboot":
		return "host rebooted"
	case "":
		return "the stream restarted"
	}
	return "boundary: " + note
}

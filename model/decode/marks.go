package decode

import (
	"fmt"
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
		model.Str(model.KeyMessage, gapMessage(rec.Note, rec.Count)),
	}
	return e
}

// gapMessage says in words what a gap lost. Files lose bytes (a truncation
// or a rotation read too late), journald loses messages (rate limiting);
// other reasons are repeated as the source gave them.
func gapMessage(reason string, count int64) string {
	r := strings.ToLower(reason)
	what, unit := reason, "lines or bytes"
	switch {
	case strings.Contains(r, "truncat"):
		what, unit = "file truncated (copytruncate)", "bytes"
	case strings.Contains(r, "rotat"):
		what, unit = "file rotated before it was read to the end", "bytes"
	case strings.Contains(r, "suppress"), strings.Contains(r, "rate"):
		what, unit = "journald suppressed messages (rate limit)", "messages"
	case strings.Contains(r, "memory"), strings.Contains(r, "evict"):
		what, unit = "dropped to stay within the memory budget", "entries"
	case r == "":
		what = "data lost"
	}
	if count <= 0 {
		return what + ": an unknown amount may be missing"
	}
	return fmt.Sprintf("%s: up to %d %s may be missing", what, count, unit)
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

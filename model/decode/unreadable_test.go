package decode

import (
	"testing"

	"connlog/model"
)

// A journal entry whose message could not be read (model.NoteMessageUnreadable)
// is an entry of its own, flagged FlagMessageUnreadable, with the time of
// its record; the lines around it are not flagged.
func TestMessageUnreadableIsFlagged(t *testing.T) {
	recs := lineRecords("2026-12-06T01:00:00Z [INFO] [connector] before", "", "2026-12-06T01:00:01Z [INFO] [connector] after")
	recs[1].Note = model.NoteMessageUnreadable
	es := decodeAll(Options{Reference: readTime}, recs)
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3", len(es))
	}
	for i, e := range es {
		if e.Flags.Has(model.FlagMessageUnreadable) != (i == 1) {
			t.Errorf("entry %d (%q): flags %b", i, e.Raw, e.Flags)
		}
	}
	if p := es[1].Problem(); p != model.MessageUnreadable {
		t.Errorf("its problem is %q, want %q", p, model.MessageUnreadable)
	}
}

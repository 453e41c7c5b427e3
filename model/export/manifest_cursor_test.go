package export

import (
	"testing"

	"connlog/model"
)

// The manifest's last cursor is where reading ended: a joined line's last
// piece, even when the store's time order puts the lines read between its
// pieces after it; the first cursor is the first entry's.
func TestManifestLastCursorIsWhereReadingEnded(t *testing.T) {
	const id = "5e6b3c7f0a0b4c1d8e2f3a4b5c6d7e8f"
	cursor := func(seq, realtime string) string { return "s=" + id + ";i=" + seq + ";b=0;m=1;t=" + realtime + ";x=2" }
	entry := func(c, end string) *model.Entry {
		return &model.Entry{Origin: model.Origin{Offset: -1, Journal: &model.JournalFields{Cursor: c, EndCursor: end}}}
	}
	for _, c := range []struct {
		name    string
		entries []*model.Entry
		want    string
	}{
		{"joined line last", []*model.Entry{entry(cursor("a", "1"), ""), entry(cursor("b", "2"), cursor("d", "4"))}, cursor("d", "4")},
		{"joined line first in time", []*model.Entry{entry(cursor("b", "2"), cursor("d", "4")), entry(cursor("c", "3"), "")}, cursor("d", "4")},
		{"lines of one entry", []*model.Entry{entry(cursor("b", "2"), ""), entry(cursor("c", "3"), "")}, cursor("c", "3")},
		{"another journal, by time", []*model.Entry{entry(cursor("9", "5"), ""), entry("s=00000000000000000000000000000001;i=1;t=6", "")}, "s=00000000000000000000000000000001;i=1;t=6"},
		{"another journal, read before", []*model.Entry{entry("s=00000000000000000000000000000001;i=1;t=6", ""), entry(cursor("9", "5"), "")}, "s=00000000000000000000000000000001;i=1;t=6"},
		{"cursors that do not tell", []*model.Entry{entry("x=1", ""), entry("y=2", "")}, "y=2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var s manifestSource
			for _, e := range c.entries {
				s.extend(e)
			}
			if s.LastCursor != c.want || s.FirstCursor != c.entries[0].Origin.Journal.Cursor {
				t.Errorf("first %q last %q, want first %q last %q", s.FirstCursor, s.LastCursor, c.entries[0].Origin.Journal.Cursor, c.want)
			}
		})
	}
}

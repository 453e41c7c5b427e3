package decode

import (
	"strings"
	"testing"

	"connlog/model"
)

// TestGapEntriesSayWhatHappened decodes the gap records the sources send:
// the journal reader's dropped file and unreadable entry once read as a
// copytruncate, because their reasons contain "truncated".
func TestGapEntriesSayWhatHappened(t *testing.T) {
	cases := []struct {
		note  string
		count int64
		want  string
	}{
		{model.GapJournalFileDropped, 0, "journal file dropped (truncated or corrupted): an unknown amount may be missing"},
		{model.GapJournalEntryUnreadable, 1, "journal entry unreadable (truncated or corrupted): up to 1 message may be missing"},
		{model.GapJournalHistory, 0, "journal files were rotated or vacuumed while being read: an unknown amount may be missing"},
		{model.GapTruncated, 0, "file truncated (copytruncate): an unknown amount may be missing"},
		{model.GapLineTooLong, 5000, "line too long, its end was dropped: up to 5000 bytes may be missing"},
		{model.GapSuppressed, 12, "journald suppressed messages (rate limit): up to 12 messages may be missing"},
	}
	for _, tc := range cases {
		t.Run(tc.note, func(t *testing.T) {
			es := decodeAll(Options{}, []model.Record{{Mark: model.MarkGap, Note: tc.note, Count: tc.count, Received: readTime, Offset: -1}})
			if len(es) != 1 || es[0].Kind != model.KindGap {
				t.Fatalf("entries %+v, want one gap", es)
			}
			msg := es[0].Fields.Value(model.KeyMessage)
			if msg != tc.want {
				t.Errorf("message %q\nwant    %q", msg, tc.want)
			}
			if tc.note != model.GapTruncated && strings.Contains(msg, "copytruncate") {
				t.Errorf("a %q gap is worded as a copytruncate", tc.note)
			}
		})
	}
}

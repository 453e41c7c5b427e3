package model

import (
	"testing"
	"time"
)

// TestStoreKeepsMarkMessages: a gap or boundary has no raw bytes to
// rebuild its message from, so the index keeps it, at every load level,
// whoever made the entry (a source's gap, the store's own eviction gap).
func TestStoreKeepsMarkMessages(t *testing.T) {
	// Reparse does what decode.Reparse does with marks: nothing.
	s := NewStore(StoreOptions{Reparse: func(*Entry) {}})
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	long := "journal file uses a feature this connlog cannot read (system@0006.journal, incompatible flag 0x80): " +
		"read it with journalctl, or a newer connlog: an unknown amount may be missing"
	marks := []Entry{
		{Time: at, Kind: KindGap, Level: LevelWarn, Origin: Origin{Offset: -1}, Fields: Fields{
			Str(KeyGapReason, GapTruncated), Int(KeyGapCount, 0), Str(KeyMessage, "file truncated (copytruncate): an unknown amount may be missing")}},
		{Time: at, Kind: KindGap, Level: LevelWarn, Origin: Origin{Offset: -1}, Fields: Fields{
			Str(KeyGapReason, GapJournalUnsupported), Int(KeyGapCount, 0), Str(KeyMessage, long)}},
		{Time: at, Kind: KindBoundary, Level: LevelNotice, Origin: Origin{Offset: -1}, Fields: Fields{
			Str(KeyBoundary, "restart"), Str(KeyMessage, "service restarted")}},
		frontGapEntry(618, at),
	}
	s.Append(append([]Entry(nil), marks...))
	sn := s.Snapshot()
	for i, want := range marks {
		for _, load := range []Load{LoadIndex, LoadRaw, LoadFull} {
			var e Entry
			if err := sn.Load(int64(i+1), &e, load); err != nil {
				t.Fatal(err)
			}
			if got := e.Fields.Value(KeyMessage); got != want.Fields.Value(KeyMessage) {
				t.Errorf("entry %d, load %d: message %q, want %q", i+1, load, got, want.Fields.Value(KeyMessage))
			}
		}
	}
}

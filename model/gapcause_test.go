package model

import "testing"

// TestGapMessages words each reason a source reports: every message says
// what happened and keeps the count. The journal's own reasons contain
// "truncated" and once read as a copytruncate.
func TestGapMessages(t *testing.T) {
	cases := []struct {
		reason string
		count  int64
		want   string
	}{
		{"truncation", 1234, "file truncated (copytruncate): up to 1234 bytes may be missing"},
		{GapTruncated, 0, "file truncated (copytruncate): an unknown amount may be missing"},
		{"rotation", 10, "file rotated before it was read to the end: up to 10 bytes may be missing"},
		{GapSuppressed, 55, "journald suppressed messages (rate limit): up to 55 messages may be missing"},
		{GapEvictionReason, 3, "dropped to stay within the memory budget: up to 3 entries may be missing"},
		{"disk error", 0, "disk error: an unknown amount may be missing"},
		{"", 7, "data lost: up to 7 lines or bytes may be missing"},
		{GapJournalFileDropped, 0, "journal file dropped (truncated or corrupted): an unknown amount may be missing"},
		{GapJournalEntryUnreadable, 2, "journal entry unreadable (truncated or corrupted): up to 2 messages may be missing"},
		{GapJournalHistory, 0, "journal files were rotated or vacuumed while being read: an unknown amount may be missing"},
		{GapLineTooLong, 4096, "line too long, its end was dropped: up to 4096 bytes may be missing"},
		{GapUnreadableReason, 5, "lines no longer re-readable (their file was truncated or removed): up to 5 lines may be missing"},
		{GapNULBytes, 4096, "NUL bytes where the file was never written (a crash or power loss): up to 4096 bytes may be missing"},
		{GapHeadUnread, 900, "the head of the file could not be read: up to 900 bytes may be missing"},
		{GapJournalUnsupported + " (x.journal, incompatible flag 0x80): read it with journalctl, or a newer connlog", 0,
			"journal file uses a feature this connlog cannot read (x.journal, incompatible flag 0x80): " +
				"read it with journalctl, or a newer connlog: an unknown amount may be missing"},
		{GapCorruptCompressed + ": a.log.gz (gzip) broke after 10 decompressed bytes: unexpected EOF", 0,
			"corrupt compressed file: a.log.gz (gzip) broke after 10 decompressed bytes: unexpected EOF: an unknown amount may be missing"},
		// A file named "rotated" or "lines" still reads as what happened to it.
		{GapUnsupportedCompression + ": rotated-lines.2.lzma (lzma): decompress it first: xz -dc '/var/log/rotated-lines.2.lzma' | connlog -", 0,
			"compressed in a format connlog does not read: rotated-lines.2.lzma (lzma): decompress it first: " +
				"xz -dc '/var/log/rotated-lines.2.lzma' | connlog -: an unknown amount may be missing"},
		{GapNotReadAtStop + ": the file read at /var/log/rotated/a.log from byte 120 (read /var/log/rotated/a.log: input/output error)", 40,
			"not read when following stopped: the file read at /var/log/rotated/a.log from byte 120 " +
				"(read /var/log/rotated/a.log: input/output error): up to 40 bytes may be missing"},
	}
	for _, tc := range cases {
		t.Run(tc.reason, func(t *testing.T) {
			if got := GapMessage(tc.reason, tc.count); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestGapUnitOfJournalReasons: the journal's reasons count messages, not
// the bytes of a truncated file.
func TestGapUnitOfJournalReasons(t *testing.T) {
	for _, r := range []string{GapJournalFileDropped, GapJournalEntryUnreadable, GapJournalHistory} {
		if u := GapUnit(r); u != GapLines {
			t.Errorf("GapUnit(%q) = %q, want %q", r, u, GapLines)
		}
	}
}

// TestGapMessageReadBack parses each reason's words back (as a gap read
// from an export is): the reason parsed words the gap as it was worded.
func TestGapMessageReadBack(t *testing.T) {
	reasons := []string{GapJournalFileDropped, GapJournalEntryUnreadable, GapJournalUnsupported + ": x.journal",
		GapJournalHistory, GapSuppressed, GapTruncated, GapLineTooLong, GapNULBytes, GapHeadUnread, GapCorruptCompressed,
		GapNotReadAtStop + ": the file read at a.log from byte 3 (read a.log: bad file descriptor)", GapEvictionReason, GapUnreadableReason, "rotation", "something else", ""}
	for _, r := range reasons {
		for _, n := range []int64{0, 1, 12} {
			m := GapMessage(r, n)
			reason, count := ParseGapMessage(m)
			if count != n || GapMessage(reason, count) != m {
				t.Errorf("%q read back as reason %q, count %d: %q", m, reason, count, GapMessage(reason, count))
			}
		}
	}
	if reason, count := ParseGapMessage("a note: up to many may be missing"); count != 0 || reason != "a note: up to many may be missing" {
		t.Errorf("words GapMessage did not write read as reason %q, count %d", reason, count)
	}
}

// TestGapReasonReadBack: the reasons connlog's sources write come back
// from their words as they were, not as the words, so that a query of
// gap.reason:"nul bytes" finds a gap read from an export as in its input.
func TestGapReasonReadBack(t *testing.T) {
	reasons := []string{GapJournalFileDropped, GapJournalEntryUnreadable, GapJournalHistory, GapSuppressed,
		GapTruncated, GapLineTooLong, GapNULBytes, GapHeadUnread, GapEvictionReason, GapUnreadableReason,
		GapCorruptCompressed + ": a.log.gz (gzip) broke after 10 decompressed bytes: unexpected EOF"}
	for _, r := range reasons {
		for _, n := range []int64{0, 1, 12} {
			if reason, count := ParseGapMessage(GapMessage(r, n)); reason != r || count != n {
				t.Errorf("%q, %d read back as %q, %d", r, n, reason, count)
			}
		}
	}
}

func TestBoundaryNoteReadBack(t *testing.T) {
	for _, note := range []string{"restart", "reboot", "", "new boot 3"} {
		if got := BoundaryNote(BoundaryMessage(note)); BoundaryMessage(got) != BoundaryMessage(note) {
			t.Errorf("boundary %q read back as %q", note, got)
		}
	}
}

// The memory budget's words give back its reason and count, grouped as
// EvictionMessage writes them or not, as older exports wrote them.
func TestParseEvictionMessage(t *testing.T) {
	for msg, want := range map[string]int64{
		EvictionMessage(1828846): 1828846,
		EvictionMessage(1):       1,
		"1828846 older lines dropped or not loaded to stay within the memory budget (--max-memory)": 1828846,
	} {
		if reason, n := ParseGapMessage(msg); reason != GapEvictionReason || n != want {
			t.Errorf("%q: reason %q, count %d; want %q, %d", msg, reason, n, GapEvictionReason, want)
		}
	}
	if got := EvictionMessage(1828846); got != "1,828,846 older lines dropped or not loaded to stay within the memory budget (--max-memory)" {
		t.Errorf("EvictionMessage = %q", got)
	}
}

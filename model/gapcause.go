package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Reasons of the gaps connlog's own sources report (Record.Note of a
// MarkGap record). The ledger groups gaps by reason, so they are short and
// fixed; GapMessage turns each into words.
const (
	// GapJournalFileDropped: a journal file became unreadable while being
	// read (truncated, corrupted or replaced); the entries it still held
	// are lost, the other files are read on.
	GapJournalFileDropped = "journal file dropped: truncated or corrupted"
	// GapJournalEntryUnreadable: one journal entry's fields could not be read.
	GapJournalEntryUnreadable = "journal entry unreadable: truncated or corrupted"
	// GapJournalUnsupported begins the reason of a journal file that uses a
	// feature the journal reader does not know; the rest says which file,
	// which flag, and what reads it.
	GapJournalUnsupported = "journal file uses a feature this connlog cannot read"
	// GapJournalHistory: the entry the journal source was reading from
	// disappeared; entries between it and the next one may be lost.
	GapJournalHistory = "history gap: journal files were rotated or vacuumed"
	// GapSuppressed: journald's rate limit dropped Count messages.
	GapSuppressed = "suppressed by journald"
	// GapTruncated: a followed file shrank in place (copytruncate).
	GapTruncated = "truncated"
	// GapLineTooLong: a line was cut at the maximum length; Count bytes dropped.
	GapLineTooLong = "line too long"
	// GapNULBytes: a run of Count NUL bytes before a line of a file, where
	// the file was never written: the zeros a filesystem leaves after a
	// crash or a power loss, in place of what the writer had written.
	GapNULBytes = "nul bytes"
	// GapHeadUnread: the head of a file opened tail first could not be read;
	// Count bytes were not read.
	GapHeadUnread = "head not read"
	// GapCorruptCompressed begins the reason of a compressed file that could
	// not be decompressed to its end.
	GapCorruptCompressed = "corrupt compressed file"
	// GapUnsupportedCompression begins the reason of a file compressed in
	// a format connlog recognises but does not read (lzma, compress, lzip,
	// lzop); the rest names the file and the command that decompresses it.
	GapUnsupportedCompression = "compressed in a format connlog does not read"
	// GapFileNotRead begins the reason of a file that could not be opened
	// (a rotated copy this user may not read); the rest says which, why,
	// and what to do.
	GapFileNotRead = "file not read"
	// GapNothingRead is said in the reason of a gap that stands for a
	// whole input of which nothing was read (a compressed file corrupt
	// from its start); see InputNotRead.
	GapNothingRead = "nothing of it was read"
	// GapNotReadAtStop begins the reason of the bytes a followed file held
	// on disk when following stopped that could not be read; the rest says
	// which file, from where, and why.
	GapNotReadAtStop = "not read when following stopped"
	// GapRotatedUnread begins the reason of the Count bytes a renamed-away
	// file grew by, after connlog moved to the file that took its place,
	// that could not be read; the rest says why.
	GapRotatedUnread = "renamed file not read to its end"
	// GapEvictionReason: entries dropped to stay within the memory budget.
	GapEvictionReason = "memory budget"
	// GapUnreadableReason: lines that were read and shown but whose bytes
	// can no longer be read back (their file was truncated or removed
	// since), so that their search and export cannot show them.
	GapUnreadableReason = "lines no longer re-readable"
)

// InputNotRead reports whether a gap of this reason stands for a whole
// input of which nothing was read: a file compressed in a format connlog
// does not read, or one corrupt from its start. Its lines' times are
// unknown, so it is a loss of any time window.
func InputNotRead(reason string) bool {
	return strings.HasPrefix(reason, GapUnsupportedCompression) || strings.Contains(reason, GapNothingRead)
}

// LossOfAnyWindow reports whether e is the gap of an input nothing of
// which was read (see InputNotRead), which a time window's losses count
// whether the window holds its time or not.
func LossOfAnyWindow(e *Entry) bool {
	return e.Kind == KindGap && InputNotRead(e.Fields.Value(KeyGapReason))
}

// gapCause is one kind of loss: how its reason reads, what happened in
// words, and what its count counts.
type gapCause struct {
	match func(r string) bool // r is the reason in lower case
	what  string              // "" repeats the reason as given
	noun  string              // "bytes", "messages", "entries", "lines"; "" when unknown
	// reason is the reason connlog's sources write for this cause, which
	// its words are read back as (see ParseGapMessage): an export keeps
	// only the words, and a query of gap.reason must find the gap again.
	// "" when what is "" (the words are the reason) or no source writes it.
	reason string
}

func reasonPrefix(p string) func(string) bool {
	return func(r string) bool { return strings.HasPrefix(r, p) }
}
func reasonHas(s string) func(string) bool {
	return func(r string) bool { return strings.Contains(r, s) }
}

// gapCauses are tried in order: the reasons connlog's sources write first,
// then words that older or remote notes use. The specific journal reasons
// come before "truncat", which they contain.
var gapCauses = []gapCause{
	{reasonPrefix(GapJournalFileDropped), "journal file dropped (truncated or corrupted)", "messages", GapJournalFileDropped},
	{reasonPrefix(GapJournalEntryUnreadable), "journal entry unreadable (truncated or corrupted)", "messages", GapJournalEntryUnreadable},
	{reasonPrefix(GapJournalUnsupported), "", "messages", ""},
	{reasonPrefix(GapJournalHistory), "journal files were rotated or vacuumed while being read", "messages", GapJournalHistory},
	{reasonPrefix(GapCorruptCompressed), "", "bytes", ""},
	{reasonPrefix(GapUnsupportedCompression), "", "bytes", ""},
	{reasonPrefix(GapFileNotRead), "", "bytes", ""},
	{reasonPrefix(GapNotReadAtStop), "", "bytes", ""},
	{reasonPrefix(GapRotatedUnread), "", "bytes", ""},
	{reasonPrefix(GapUnreadableReason), "lines no longer re-readable (their file was truncated or removed)", "lines", GapUnreadableReason},
	{reasonPrefix(GapLineTooLong), "line too long, its end was dropped", "bytes", GapLineTooLong},
	{reasonPrefix(GapNULBytes), "NUL bytes where the file was never written (a crash or power loss)", "bytes", GapNULBytes},
	{reasonPrefix(GapHeadUnread), "the head of the file could not be read", "bytes", GapHeadUnread},
	{reasonHas("suppress"), "journald suppressed messages (rate limit)", "messages", GapSuppressed},
	{reasonHas("rate limit"), "journald suppressed messages (rate limit)", "messages", GapSuppressed},
	{reasonHas("memory"), "dropped to stay within the memory budget", "entries", GapEvictionReason},
	{reasonHas("evict"), "dropped to stay within the memory budget", "entries", GapEvictionReason},
	{reasonHas("truncat"), "file truncated (copytruncate)", "bytes", GapTruncated},
	{reasonHas("rotat"), "file rotated before it was read to the end", "bytes", ""},
	{reasonHas("too long"), "", "bytes", ""},
	{reasonHas("lines"), "", "lines", ""},
	{reasonHas("entries"), "", "entries", ""},
}

// causeOf returns the cause of a gap reason; its what is the reason itself
// (or "data lost" when there is none) when no cause names it better.
func causeOf(reason string) gapCause {
	r := strings.ToLower(reason)
	for _, c := range gapCauses {
		if c.what != "" && r == strings.ToLower(c.what) {
			return c // a gap's own words, read back (see ParseGapMessage)
		}
	}
	for _, c := range gapCauses {
		if c.match(r) {
			if c.what == "" {
				c.what = reason
			}
			return c
		}
	}
	if reason == "" {
		return gapCause{what: "data lost"}
	}
	return gapCause{what: reason}
}

// unknownAmount ends the words of a gap of no count.
const unknownAmount = ": an unknown amount may be missing"

// GapMessage says in words what a gap of count lines or bytes lost (0:
// unknown), from its reason: "journal file dropped (truncated or
// corrupted): an unknown amount may be missing", "file truncated
// (copytruncate): up to 1234 bytes may be missing".
func GapMessage(reason string, count int64) string {
	c := causeOf(reason)
	if count <= 0 {
		return c.what + unknownAmount
	}
	noun := c.noun
	switch {
	case noun == "":
		noun = "lines or bytes"
	case count == 1:
		noun = strings.TrimSuffix(noun, "s")
	}
	return fmt.Sprintf("%s: up to %d %s may be missing", c.what, count, noun)
}

// evictionTail ends the words of the memory budget's gap.
const evictionTail = " dropped or not loaded to stay within the memory budget (--max-memory)"

// EvictionMessage says what the memory budget's gap cost: "1,828,846 older
// lines dropped or not loaded to stay within the memory budget
// (--max-memory)", its count grouped as the status line groups it.
func EvictionMessage(n int64) string {
	noun := " older lines"
	if n == 1 {
		noun = " older line"
	}
	return Commas(n) + noun + evictionTail
}

// parseEvictionMessage is EvictionMessage's inverse (its count grouped or
// not, as older exports wrote it); false for other words.
func parseEvictionMessage(message string) (int64, bool) {
	head, ok := strings.CutSuffix(message, evictionTail)
	if !ok {
		return 0, false
	}
	num, ok := strings.CutSuffix(head, " older lines")
	if !ok {
		num, ok = strings.CutSuffix(head, " older line")
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(num, ",", ""), 10, 64)
	return n, ok && err == nil && n > 0
}

// ParseGapMessage is GapMessage's inverse, for a gap read back from an
// export, which keeps only its words: the reason and the count, 0 when
// unknown. The words of a cause connlog's sources report give back the
// reason they wrote ("nul bytes"), so that a query of gap.reason finds the
// gap in the export as in its input, and so do the memory budget's words
// (EvictionMessage), with their count; other words before the count are the
// reason, which GapMessage reads as the same cause. Words GapMessage did
// not write are the reason, of no count.
func ParseGapMessage(message string) (reason string, count int64) {
	if n, ok := parseEvictionMessage(message); ok {
		return GapEvictionReason, n
	}
	head, count := parseGapWords(message)
	return reasonOfWords(head), count
}

// reasonOfWords is the reason connlog's sources write for the cause what
// words, else what itself.
func reasonOfWords(what string) string {
	for _, c := range gapCauses {
		if c.reason != "" && strings.EqualFold(what, c.what) {
			return c.reason
		}
	}
	return what
}

// parseGapWords splits GapMessage's words into the cause's words and the count.
func parseGapWords(message string) (what string, count int64) {
	if what, ok := strings.CutSuffix(message, unknownAmount); ok {
		return what, 0
	}
	head, ok := strings.CutSuffix(message, " may be missing")
	i := strings.LastIndex(head, ": up to ")
	if !ok || i < 0 {
		return message, 0
	}
	num, _, _ := strings.Cut(head[i+len(": up to "):], " ")
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return message, 0
	}
	return head[:i], n
}

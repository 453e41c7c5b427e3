package source

import (
	"time"

	"connlog/model"
)

// Tuning for the file and stdin sources. They trade latency against
// syscalls and allocations; all of them are internal except the default line
// limit, which callers may want to show in help text.
const (
	// DefaultMaxLineBytes is the longest line kept whole; a longer one is cut
	// and the rest counted in a gap record.
	DefaultMaxLineBytes = 1 << 20 // bytes

	batchMaxRecords = 1024                  // records per batch before it is sent
	batchShared     = 4096                  // records per batch of all the files read at once, once there are more than 4 (BatchRecordsShare)
	batchLeast      = 128                   // the fewest records per batch a file is held to
	batchMaxWait    = 50 * time.Millisecond // age of the oldest record in an unsent batch

	pollInterval       = 200 * time.Millisecond // how often a followed file is checked for growth and rotation
	minWakeInterval    = 5 * time.Millisecond   // shortest time between two polls woken by inotify
	partialLineTimeout = 1 * time.Second        // quiet time: a NUL run at a file's end is counted, a file holding an unfinished line says it caught up, a journal line's pieces are sent
	rotationGrace      = 2 * time.Second        // longest wait for a renamed-away file to go quiet before switching

	readChunkBytes  = 256 << 10 // bytes per read from a regular file
	streamReadBytes = 64 << 10  // bytes per read from a pipe or a decompressor

	fingerprintBytes       = 256      // bytes remembered at each end of what was read, to notice a truncate-and-refill
	maxRetainedGenerations = 8        // rotated-away files kept open so their lines can be re-read; older ones are copied to the spill file
	maxSpillBytes          = 4 << 30  // bytes kept aside in the spill file (an unlinked temp file), at most
	recentBytesKept        = 1 << 20  // bytes last read from a followed file kept to survive a truncation (at least; at most twice)
	recentBytesShared      = 16 << 20 // kept by all the files followed at once, once there are more than 16 (RecentBytesShare)
	recentBytesLeast       = 64 << 10 // the least a followed file keeps
	maxCopyCandidates      = 4        // newest rotated siblings searched for copytruncate's copy
	maxStemCandidates      = 32       // newest files sharing the log's stem searched for it then (app-1.log for app.log)
	maxNextFiles           = 8        // files seen at a followed path while a renamed one is still read; one more ends the wait
	maxKnownGenerations    = 4096     // generations remembered (open or not) so that old offsets get a clear error
	maxUnterminatedOffsets = 1 << 16  // cut or partial records remembered for re-read verification
	zstdMaxWindowBytes     = 128 << 20
)

// Notes on the gap and line records the file and stdin sources send. The
// store's loss ledger groups gaps by Note, so the gap notes are short and
// fixed (except for a corrupt compressed file, which names where it broke).
const (
	// NoteTruncated marks a gap where a followed file shrank in place
	// (copytruncate): lines written just before the truncation may be missing.
	NoteTruncated = model.GapTruncated
	// NoteLineTooLong marks a gap after a line cut at the maximum line length;
	// Count is the number of bytes dropped.
	NoteLineTooLong = model.GapLineTooLong
	// NoteNULBytes marks a gap where a run of NUL bytes stood before a line
	// (a crash left the file's end unwritten); Count is the number of NULs.
	NoteNULBytes = model.GapNULBytes
	// NotePartialLine flags an ordinary record holding a line whose newline
	// had not arrived when its input stopped being read, was truncated, or
	// (journald) when its container stopped mid-line.
	NotePartialLine = model.NotePartialLine
	// NoteLastLine flags the last line of an input read to its end (not
	// followed) or of a stream that ended, when no newline ended it.
	NoteLastLine = model.NoteLastLine
	// NoteCorruptCompressed begins the note of a gap where a compressed file
	// could not be decompressed further.
	NoteCorruptCompressed = model.GapCorruptCompressed
	// NoteUnsupportedCompression begins the note of a gap where a file is
	// compressed in a format connlog recognises but does not read.
	NoteUnsupportedCompression = model.GapUnsupportedCompression
)

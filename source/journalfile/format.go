// Package journalfile reads systemd journal files (the format described at
// https://systemd.io/JOURNAL_FILE_FORMAT/) without libsystemd and without
// mmap: every read is a pread, so a file that shrinks under the reader gives
// an error instead of a SIGBUS. Every offset, size and type read from a file
// is checked before use, because the files are written while we read them
// and may be truncated or corrupted.
package journalfile

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Signature opens every journal file (its header's first bytes).
const Signature = "LPKSHHRH"

// Header flags that change how the file must be read. A file with another
// incompatible flag is refused: reading it as if the flag were absent would
// give wrong entries.
const (
	flagCompressedXZ   = 1 << 0
	flagCompressedLZ4  = 1 << 1
	flagKeyedHash      = 1 << 2
	flagCompressedZSTD = 1 << 3
	flagCompact        = 1 << 4
	knownIncompatible  = flagCompressedXZ | flagCompressedLZ4 | flagKeyedHash | flagCompressedZSTD | flagCompact
)

// File states in the header.
const (
	StateOffline  = 0
	StateOnline   = 1
	StateArchived = 2
)

// Object types.
const (
	objectData           = 1
	objectField          = 2
	objectEntry          = 3
	objectDataHashTable  = 4
	objectFieldHashTable = 5
	objectEntryArray     = 6
)

// Object flags: how a DATA object's payload is compressed.
const (
	objCompressedXZ   = 1 << 0
	objCompressedLZ4  = 1 << 1
	objCompressedZSTD = 1 << 2
)

// Sizes of the fixed parts of the structures.
const (
	headerMinSize       = 208 // up to and including tail_entry_monotonic
	headerReadSize      = 272
	objectHeaderSize    = 16
	dataRegularPayload  = 64
	dataCompactPayload  = 72
	fieldPayload        = 40
	entryItemsOffset    = 64
	arrayItemsOffset    = 24
	hashItemSize        = 16
	regularEntryItem    = 16
	compactEntryItem    = 4
	regularArrayItem    = 8
	compactArrayItem    = 4
	maxObjectSize       = 1 << 30 // larger than anything journald writes
	maxDecompressedSize = 128 << 20
)

// ErrCorrupt is wrapped by every error about a file's contents: a bad
// signature, an object of the wrong type or size, an offset outside the file.
var ErrCorrupt = errors.New("journal file is corrupted")

// ErrTruncated is wrapped when an object lies (partly) past the end of the
// file: the file was truncated, or is being written.
var ErrTruncated = errors.New("journal file ends early (truncated, or still being written)")

// errHeaderUnwritten is ErrTruncated for a file shorter than its header:
// one journald has just created, or one cut before its first entry.
var errHeaderUnwritten = fmt.Errorf("no whole header: %w", ErrTruncated)

// ErrUnsupported is wrapped when the file uses a feature this reader does
// not know.
var ErrUnsupported = errors.New("journal file uses a feature this connlog cannot read")

// ID128 is a 128-bit systemd ID (boot ID, file ID, seqnum ID).
type ID128 [16]byte

// String renders the ID as journalctl does: 32 lower-case hex digits.
func (id ID128) String() string { return fmt.Sprintf("%x", id[:]) }

// Header is the part of a journal file's header the reader uses.
type Header struct {
	Compatible, Incompatible uint32
	State                    uint8
	FileID, MachineID        ID128
	SeqnumID                 ID128
	HeaderSize, ArenaSize    uint64
	DataHashOffset           uint64
	DataHashSize             uint64
	FieldHashOffset          uint64
	FieldHashSize            uint64
	TailObjectOffset         uint64
	NEntries                 uint64
	EntryArrayOffset         uint64
	TailEntryRealtime        uint64
}

// Compact reports whether the file uses the compact layout (32-bit offsets).
func (h *Header) Compact() bool { return h.Incompatible&flagCompact != 0 }

// KeyedHash reports whether the hash tables use SipHash keyed by the file ID.
func (h *Header) KeyedHash() bool { return h.Incompatible&flagKeyedHash != 0 }

// parseHeader decodes and checks a header read from the start of a file.
func parseHeader(b []byte) (Header, error) {
	var h Header
	if len(b) < headerMinSize {
		return h, fmt.Errorf("header of %d bytes: %w", len(b), ErrTruncated)
	}
	if string(b[:8]) != Signature {
		return h, fmt.Errorf("not a journal file (bad signature): %w", ErrCorrupt)
	}
	le := binary.LittleEndian
	h.Compatible, h.Incompatible, h.State = le.Uint32(b[8:]), le.Uint32(b[12:]), b[16]
	copy(h.FileID[:], b[24:40])
	copy(h.MachineID[:], b[40:56])
	copy(h.SeqnumID[:], b[72:88])
	h.HeaderSize, h.ArenaSize = le.Uint64(b[88:]), le.Uint64(b[96:])
	h.DataHashOffset, h.DataHashSize = le.Uint64(b[104:]), le.Uint64(b[112:])
	h.FieldHashOffset, h.FieldHashSize = le.Uint64(b[120:]), le.Uint64(b[128:])
	h.TailObjectOffset, h.NEntries = le.Uint64(b[136:]), le.Uint64(b[152:])
	h.EntryArrayOffset, h.TailEntryRealtime = le.Uint64(b[176:]), le.Uint64(b[192:])
	if unknown := h.Incompatible &^ knownIncompatible; unknown != 0 {
		return h, &UnsupportedError{Flags: unknown}
	}
	if h.HeaderSize < headerMinSize || h.HeaderSize%8 != 0 || h.HeaderSize > 1<<20 {
		return h, fmt.Errorf("header size %d: %w", h.HeaderSize, ErrCorrupt)
	}
	if h.State > StateArchived {
		return h, fmt.Errorf("file state %d: %w", h.State, ErrCorrupt)
	}
	return h, nil
}

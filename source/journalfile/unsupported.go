package journalfile

import (
	"fmt"
	"math/bits"
)

// UnsupportedError is the error of a file this reader refuses: one whose
// header sets incompatible flags it does not know (a newer systemd's
// feature), or one larger than its index holds (maxFileSize). Reading it
// anyway would give wrong entries, so the file is refused, saying what it
// is and what reads it. It wraps ErrUnsupported.
type UnsupportedError struct {
	Path     string // the file, once known
	Flags    uint32 // the unknown incompatible flags only
	TooLarge bool   // the file is larger than maxFileSize
}

// Describe words the error, naming the file when name is not empty: "journal
// file uses a feature this connlog cannot read (x.journal, incompatible flag
// 0x80): read it with journalctl, or a newer connlog".
func (e *UnsupportedError) Describe(name string) string {
	detail, readers := fmt.Sprintf("incompatible flag %#x", e.Flags), "journalctl, or a newer connlog"
	switch {
	case e.TooLarge:
		detail = fmt.Sprintf("larger than the %d GiB this reader indexes", maxFileSize>>30)
		readers = "journalctl, or connlog --journal-reader libsystemd"
	case bits.OnesCount32(e.Flags) > 1:
		detail = fmt.Sprintf("incompatible flags %#x", e.Flags)
	}
	if name != "" {
		detail = name + ", " + detail
	}
	return fmt.Sprintf("%v (%s): read it with %s", ErrUnsupported, detail, readers)
}

// Error words the error without the file's name, which the caller's
// wrapping gives.
func (e *UnsupportedError) Error() string { return e.Describe("") }

// Unwrap makes errors.Is(err, ErrUnsupported) true.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

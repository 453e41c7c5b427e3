package source

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// HeadOf returns up to n of the first bytes the file at path holds,
// decompressed when it is compressed in a format connlog reads, and
// whether it was. It tells where a rotated file's data begins without
// reading it through: the day of a time written without a date depends on
// it (a night split over yesterday's compressed file and today's). A
// corrupt stream gives what was decoded before the damage; a file named
// as compressed that is neither that format nor text, an error.
func HeadOf(path string, n int) (head []byte, compressed bool, err error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	dec, c, release, err := decompressorNamed(f, path)
	defer release()
	if err != nil {
		return nil, c != nil, err
	}
	head = make([]byte, n)
	k, err := io.ReadFull(dec, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && k == 0 {
		return nil, c != nil, err
	}
	return head[:k], c != nil, nil
}

// StartsCompressed reports whether the regular file at path is read as a
// compressed file: it begins as one does, in a format connlog reads or
// not, or its name says it is one and its bytes are not text.
func StartsCompressed(path string) bool {
	f, err := OpenRegular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return readAsCompressed(f)
}

// OpenRegular opens the regular file at path to read it, and refuses
// anything else without opening it: a FIFO's open would block until a
// writer came, and even without blocking (see openNonBlocking) would let a
// waiting writer write to a reader about to close; a device's read might
// never end. For a look at a file before it is read, which must never hold
// connlog up nor take what it reads. The file is checked again once open,
// in case another took its name meanwhile.
func OpenRegular(path string) (*os.File, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	return f, nil
}

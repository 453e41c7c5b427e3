package source

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// spill is a source's append-only file of bytes kept aside: rotated files
// beyond the ones kept open, the recent bytes of a file truncated in place,
// a decompressed copy. It is created unnamed (O_TMPFILE) where the file
// system allows, else named and removed at once, so that it never outlives
// connlog, whatever signal ends it.
type spill struct {
	mu   sync.Mutex
	f    *os.File
	size int64
	err  error // why it could not be created
}

// file returns the spill file, nil before the first write.
func (s *spill) file() *os.File {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f
}

// open creates the file on first use.
func (s *spill) open() error {
	if s.f != nil || s.err != nil {
		return s.err
	}
	dir := os.TempDir()
	if f, ok := openUnnamed(dir); ok {
		s.f = f
		return nil
	}
	f, err := os.CreateTemp(dir, ".connlog-spill-*")
	if err != nil {
		s.err = fmt.Errorf("create a file to keep bytes aside in %s: %w", dir, err)
		return s.err
	}
	os.Remove(f.Name())
	s.f = f
	return nil
}

// write appends b and returns the position it starts at.
func (s *spill) write(b []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reserve(int64(len(b))); err != nil {
		return 0, err
	}
	at := s.size
	if _, err := s.f.WriteAt(b, at); err != nil {
		return 0, err
	}
	s.size += int64(len(b))
	return at, nil
}

// copyFrom appends n bytes of r from position from and returns the
// position they start at.
func (s *spill) copyFrom(r io.ReaderAt, from, n int64) (int64, error) {
	at, got, err := s.copyStream(io.NewSectionReader(r, from, n))
	if err == nil && got != n {
		err = fmt.Errorf("copied %d of %d bytes: %w", got, n, ErrRawChanged)
	}
	return at, err
}

// copyStream appends what r yields up to its end and returns the position
// it starts at and its length. A failed copy leaves nothing counted.
func (s *spill) copyStream(r io.Reader) (at, n int64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reserve(0); err != nil {
		return 0, 0, err
	}
	at = s.size
	n, err = io.Copy(io.NewOffsetWriter(s.f, at), io.LimitReader(r, maxSpillBytes-at+1))
	if err == nil && at+n > maxSpillBytes {
		err = fmt.Errorf("more than %d bytes would be kept aside", maxSpillBytes)
	}
	if err != nil {
		_ = s.f.Truncate(at)
		return 0, 0, err
	}
	s.size += n
	return at, n, nil
}

// reserve opens the file and checks that n more bytes fit the limit.
func (s *spill) reserve(n int64) error {
	if err := s.open(); err != nil {
		return err
	}
	if s.size+n > maxSpillBytes {
		return fmt.Errorf("more than %d bytes would be kept aside", maxSpillBytes)
	}
	return nil
}

// reset empties the file, for a source whose earlier bytes are no longer
// needed.
func (s *spill) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil && s.size > 0 {
		_ = s.f.Truncate(0)
		s.size = 0
	}
}

// close releases the file (and with it, the disk space).
func (s *spill) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

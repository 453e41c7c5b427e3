package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
)

// member is one file of a bundle while it is written: a 0600 temp file in
// the bundle's directory, hashed as it grows.
type member struct {
	name string // the name inside the archive
	f    tempFile
	h    hash.Hash
	size int64
	buf  *bufio.Writer // what the member's format writes into
	// stage is where the member is kept, which its errors name.
	stage    staging
	progress *Progress // counts what the member takes (see Progress.Staged)
}

func newMember(s staging, name string, p *Progress) (*member, error) {
	f, err := createTemp(s.dir, s.pattern())
	if err != nil {
		return nil, s.explain("create a bundle member in", s.dir, err)
	}
	m := &member{name: name, f: f, h: sha256.New(), stage: s, progress: p}
	m.buf = bufio.NewWriterSize(m, bufSize)
	return m, nil
}

// Write sends p to the temp file and the hash.
func (m *member) Write(p []byte) (int, error) {
	n, err := m.f.Write(p)
	m.h.Write(p[:n])
	m.size += int64(n)
	m.progress.staged.Add(int64(n))
	if err != nil {
		return n, m.stage.explain("write bundle member "+m.name, m.f.Name(), err)
	}
	return n, nil
}

// sum returns the SHA-256 of what was written, in hex.
func (m *member) sum() string { return hex.EncodeToString(m.h.Sum(nil)) }

// copyTo writes the member's contents to w from the start.
func (m *member) copyTo(w io.Writer) error {
	if _, err := m.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("rewind bundle member %s: %w", m.name, err)
	}
	if _, err := io.CopyN(w, m.f, m.size); err != nil {
		return writeError("archive bundle member "+m.name, err)
	}
	return nil
}

// remove closes and deletes the temp file.
func (m *member) remove() {
	name := m.f.Name()
	_ = m.f.Close()
	_ = os.Remove(name)
}

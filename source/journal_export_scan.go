package source

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"io"

	"connlog/model"
)

// exportScanner reads the records of the journal export format again, field
// by field and in order, keeping where each begins: the framer's reading
// (see exportFramer) without its records, for re-reading an entry's fields
// from its input. As there, a line that is no field is no part of a record,
// and a binary value longer than maxExportValue is no value.
type exportScanner struct {
	br  *bufio.Reader
	pos int64 // where the next byte br gives lies in the input
	// keep says which fields' values are wanted: the others are skipped
	// without being held, however long.
	keep func(name []byte) bool
	line []byte // a line longer than br's buffer, joined
	val  []byte // a binary value
	// ended says the record next read last was ended by its empty line,
	// not by the input's end.
	ended bool
}

// maxScannedLine bounds a text field's line the scanner holds: one longer is
// skipped (not held), and its record is not given back whole.
const maxScannedLine = maxExportValue

// errRecordTooLong says a record held a field longer than the scanner holds.
var errRecordTooLong = errors.New("journal export record: a field too long to re-read")

// discardTo skips the input up to offset, which must not be behind pos.
func (s *exportScanner) discardTo(offset int64) error {
	for s.pos < offset {
		n, err := s.br.Discard(int(min(offset-s.pos, 1<<30)))
		s.pos += int64(n)
		if err != nil {
			return err
		}
	}
	return nil
}

// next reads the next record, calling fn with each field's name and value
// (valid during the call only) that keep wants. start is where the record
// begins; io.EOF means there was none. A record cut by the input's end is
// given as far as it goes; one with a field too long to hold is read to its
// end, and errRecordTooLong says fn did not get all of it.
func (s *exportScanner) next(fn func(name, value []byte)) (start int64, err error) {
	start, s.ended = -1, false
	var cut error
	for {
		lineStart := s.pos
		line, whole, err := s.readLine()
		last := errors.Is(err, io.EOF) && len(line) > 0 // the input's last line, not ended
		switch {
		case err != nil && !last:
			if start >= 0 && errors.Is(err, io.EOF) {
				return start, cut
			}
			return start, err
		case len(line) == 0 && start >= 0:
			s.ended = true
			return start, cut // the empty line that ends it
		case len(line) == 0:
			continue // between records
		}
		field, ferr := s.field(line, whole, fn)
		if field && start < 0 {
			start = lineStart
		}
		if errors.Is(ferr, errRecordTooLong) {
			cut, ferr = ferr, nil
		}
		if ferr != nil || last {
			return start, cmp.Or(ferr, cut)
		}
	}
}

// field takes one line of a record (whole false: its head alone, the rest
// too long to hold): a text field, the name of a binary one (whose value it
// reads), or a line that is no field, which it skips.
func (s *exportScanner) field(line []byte, whole bool, fn func(name, value []byte)) (bool, error) {
	if name, value, ok := bytes.Cut(line, []byte{'='}); ok {
		switch {
		case !model.IsJournalFieldName(name):
			return false, nil
		case !s.keep(name):
			return true, nil
		case !whole:
			return true, errRecordTooLong
		}
		fn(name, value)
		return true, nil
	}
	if !whole || !model.IsJournalFieldName(line) {
		return false, nil
	}
	name := string(line) // line is br's buffer, which reading the value reuses
	value, ok, err := s.binaryValue()
	if ok && s.keep([]byte(name)) {
		fn([]byte(name), value)
	}
	return ok, err
}

// binaryValue reads a binary value after its name: its length, that many
// bytes, and what is left of the line they end (nothing, unless the length
// was wrong). ok is false when the length is no value's, and nothing of it
// is read.
func (s *exportScanner) binaryValue() (value []byte, ok bool, err error) {
	head, err := s.br.Peek(8)
	if err != nil {
		return nil, false, nil // cut by the input's end: no value
	}
	n := binary.LittleEndian.Uint64(head)
	if n > maxExportValue {
		return nil, false, nil
	}
	s.discard(8)
	// Read as it comes, not made room for at once: a length up to the
	// bound may still be garbage, with far fewer bytes behind it.
	s.val = s.val[:0]
	for rest := n; rest > 0; {
		chunk, err := s.br.Peek(int(min(rest, uint64(s.br.Size()))))
		s.val = append(s.val, chunk...)
		s.discard(len(chunk))
		rest -= uint64(len(chunk))
		if err != nil {
			return s.val, true, nil // cut short by the input's end, as the framer takes it
		}
	}
	if _, _, err := s.readLine(); err != nil && !errors.Is(err, io.EOF) {
		return nil, true, err
	}
	return s.val, true, nil
}

// discard skips n bytes that br holds.
func (s *exportScanner) discard(n int) {
	d, _ := s.br.Discard(n)
	s.pos += int64(d)
}

// readLine reads a line without its newline, and counts it and its newline
// in pos. Of a line longer than maxScannedLine, only its head is given
// (whole false). io.EOF comes with the last line when no newline ends it.
func (s *exportScanner) readLine() (line []byte, whole bool, err error) {
	b, err := s.br.ReadSlice('\n')
	s.pos += int64(len(b))
	if err == nil {
		return b[:len(b)-1], true, nil
	}
	if !errors.Is(err, bufio.ErrBufferFull) {
		return b, true, err
	}
	s.line, whole = append(s.line[:0], b...), true
	for errors.Is(err, bufio.ErrBufferFull) {
		b, err = s.br.ReadSlice('\n')
		s.pos += int64(len(b))
		if whole && len(s.line)+len(b) > maxScannedLine {
			whole, s.line = false, s.line[:min(len(s.line), maxExportKey+1)]
		}
		if whole {
			s.line = append(s.line, b...)
		}
	}
	if whole && err == nil {
		return s.line[:len(s.line)-1], true, nil
	}
	return s.line, whole, err
}

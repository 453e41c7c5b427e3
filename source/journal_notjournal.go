package source

import (
	"bytes"
	"io"
	"os"
	"strings"

	"connlog/internal/shellquote"
	"connlog/source/journalfile"
)

// notJournalSniffBytes is how much of a file tells text from binary.
const notJournalSniffBytes = 4 << 10

// NonJournal says what a file given as a binary journal file is instead.
type NonJournal struct {
	// What names it: "a log of text lines", "a journal export file (…)"…
	What string
	// Undo, for a journal file compressed whole, is the command that
	// writes it decompressed beside it; "" for a log that connlog reads as
	// an input file.
	Undo string
}

// NotAJournalFile says what the regular file at path is when it is plainly
// not a binary journal file: a log connlog reads as an input (a journal
// export, lines of text, journalctl -o json or -o short among them, or a
// compressed log), or a journal file compressed whole. Given to --file,
// the journal reader would call it corrupted and send the user to
// journalctl --verify. It reports false for a file that opens with the
// journal's signature, for one it cannot read, and for binary bytes the
// journal reader is to judge (a journal file whose header is damaged).
func NotAJournalFile(path string) (NonJournal, bool) {
	head, ok := readHead(path, notJournalSniffBytes)
	if !ok || len(head) == 0 || bytes.HasPrefix(head, []byte(journalfile.Signature)) {
		return NonJournal{}, false
	}
	if IsJournalExportFile(path) {
		return NonJournal{What: "a journal export file (the text journalctl -o export writes, __CURSOR=… fields)"}, true
	}
	if c := compressionOf(head); c != nil {
		if nj, ok := compressedJournal(path, head, c); ok {
			return nj, true
		}
		return NonJournal{What: "a file compressed with " + c.name}, true
	}
	if looksText(head) {
		return NonJournal{What: "a log of text lines"}, true
	}
	return NonJournal{}, false
}

// IsJournalFile reports whether path is a regular file (or a symlink to
// one) that opens with the binary journal file's signature: a journal
// file, whatever its name (system.journal, a dirty copy journald named
// .journal~), which is to be read as a journal, never as lines of text.
func IsJournalFile(path string) bool {
	head, ok := readHead(path, len(journalfile.Signature))
	return ok && bytes.Equal(head, []byte(journalfile.Signature))
}

// CompressedJournalFile says, when the regular file at path is a binary
// journal file compressed whole (a .journal.zst or .journal~.gz copy),
// what it is and the command that decompresses it (NonJournal.Undo): no
// journal reader reads it so, and read as a compressed log its entries
// would be lines of garbage.
func CompressedJournalFile(path string) (NonJournal, bool) {
	head, ok := readHead(path, notJournalSniffBytes)
	if !ok {
		return NonJournal{}, false
	}
	c := compressionOf(head)
	if c == nil {
		return NonJournal{}, false
	}
	return compressedJournal(path, head, c)
}

// compressedJournal says what head, compressed in c, is when it
// decompresses to a journal file's signature.
func compressedJournal(path string, head []byte, c *compression) (NonJournal, bool) {
	if plain, _ := decompressedHead(head, c); !bytes.HasPrefix(plain, []byte(journalfile.Signature)) {
		return NonJournal{}, false
	}
	return NonJournal{What: "a journal file compressed with " + c.name, Undo: undoCommand(path, c)}, true
}

// readHead reads up to n bytes from the start of the regular file at path.
// A named pipe is not even opened: a writer waiting for a reader would
// take this look for one, and lose what it wrote once the look ended. One
// that takes the file's place after the stat is opened without waiting.
// A file that says it is empty is not read: a kernel's file that says so
// (/proc/kmsg) may wait for its next message, and takes it from the
// system logger.
func readHead(path string, n int) ([]byte, bool) {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil || !fi.Mode().IsRegular():
		return nil, false
	case fi.Size() == 0:
		return nil, true
	}
	head := make([]byte, n)
	got, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, false
	}
	return head[:got], true
}

// undoCommand is the shell command that writes path, compressed in c,
// decompressed beside it: under its name without the format's suffix, or
// with ".journal" added when it has none.
func undoCommand(path string, c *compression) string {
	out := path + ".journal"
	for _, suffix := range c.suffixes {
		if trimmed, ok := strings.CutSuffix(path, suffix); ok && trimmed != "" {
			out = trimmed
		}
	}
	return c.undo + " " + shellquote.Arg(path) + " > " + shellquote.Arg(out)
}

// decompressedHead decompresses what head, compressed in c, begins with.
func decompressedHead(head []byte, c *compression) ([]byte, error) {
	if c.decoder == nil {
		return nil, errUnsupportedCompression
	}
	r, release, err := c.decoder(bytes.NewReader(head))
	if err != nil {
		return nil, err
	}
	defer release()
	out := make([]byte, len(journalfile.Signature))
	n, err := io.ReadFull(r, out)
	return out[:n], err
}

// looksText reports whether head holds no NUL byte: a journal file's
// header, even a damaged one, is mostly zeros, and text never has them.
func looksText(head []byte) bool {
	return bytes.IndexByte(head, 0) < 0
}

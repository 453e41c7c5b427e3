package source

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"

	"connlog/internal/shellquote"
)

// compression is a format a rotated log may be compressed in. It is
// recognised by the bytes that open it rather than by name, so that a
// rotated file compressed under an unusual name is still read correctly;
// the suffixes only say that a file is a rotated copy, never followed.
type compression struct {
	name     string
	suffixes []string
	// magics are the bytes it opens with: the first of a stream tell it
	// (see compressionOf), and one that could still become one of them
	// is not plain text yet (see streamHead).
	magics [][]byte
	// opens, when set, is the test of a head (the first magicBytes of the
	// input, or all of a shorter one) in place of magics.
	opens func(head []byte) bool
	// decoder reads the decompressed content; nil for a format connlog
	// knows but does not read.
	decoder func(r io.Reader) (dec io.Reader, release func(), err error)
	// undo is the command that decompresses it to standard output: what a
	// user runs where connlog cannot read the content as it is.
	undo string
}

// magicBytes is how many bytes recognise every format below.
const magicBytes = 10

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
	xzMagic   = []byte{0xfd, '7', 'z', 'X', 'Z', 0x00}
	lz4Magic  = []byte{0x04, 0x22, 0x4d, 0x18}
	// lz4's legacy frames (lz4 -l), which its reader also reads.
	lz4LegacyMagic = []byte{0x02, 0x21, 0x4c, 0x18}
	// A bzip2 stream is "BZh", the block size digit, then the magic of its
	// first block (the digits of pi) or, when empty, of its end (of sqrt(pi)).
	bzip2BlockMagic = []byte{0x31, 0x41, 0x59, 0x26, 0x53, 0x59}
	bzip2EndMagic   = []byte{0x17, 0x72, 0x45, 0x38, 0x50, 0x90}
	// Formats read by other tools only.
	lzmaMagic     = []byte{0x5d, 0x00, 0x00} // lzma_alone's usual properties byte and a dictionary under 16 MiB
	compressMagic = []byte{0x1f, 0x9d}
	lzipMagic     = []byte("LZIP")
	lzopMagic     = []byte{0x89, 'L', 'Z', 'O', 0x00, 0x0d, 0x0a, 0x1a, 0x0a}
)

var compressions = []compression{
	{name: "gzip", suffixes: []string{".gz"}, magics: [][]byte{gzipMagic}, decoder: gzipDecoder, undo: "gzip -dc"},
	{name: "zstd", suffixes: []string{".zst"}, magics: [][]byte{zstdMagic}, decoder: zstdDecoder, undo: "zstd -dc"},
	{name: "xz", suffixes: []string{".xz"}, magics: [][]byte{xzMagic}, decoder: xzDecoder, undo: "xz -dc"},
	{name: "bzip2", suffixes: []string{".bz2"}, magics: bzip2Magics(), opens: opensBzip2, decoder: bzip2Decoder, undo: "bzip2 -dc"},
	{name: "lz4", suffixes: []string{".lz4"}, magics: [][]byte{lz4Magic, lz4LegacyMagic}, decoder: lz4Decoder, undo: "lz4 -dc"},
	{name: "lzma", suffixes: []string{".lzma"}, magics: [][]byte{lzmaMagic}, undo: "xz -dc"},
	{name: "compress (.Z)", suffixes: []string{".Z"}, magics: [][]byte{compressMagic}, undo: "gzip -dc"},
	{name: "lzip", suffixes: []string{".lz"}, magics: [][]byte{lzipMagic}, undo: "lzip -dc"},
	{name: "lzop", suffixes: []string{".lzo"}, magics: [][]byte{lzopMagic}, undo: "lzop -dc"},
}

// compressionOf returns the format head opens, nil for none (plain text).
func compressionOf(head []byte) *compression {
	for i := range compressions {
		if compressions[i].opensHead(head) {
			return &compressions[i]
		}
	}
	return nil
}

// opensHead reports whether head opens an input compressed in c.
func (c *compression) opensHead(head []byte) bool {
	if c.opens != nil {
		return c.opens(head)
	}
	for _, m := range c.magics {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	return false
}

// mayStillOpen reports whether head, all an input has given so far, is
// the start of a magic of some format, which more bytes may complete.
func mayStillOpen(head []byte) bool {
	for i := range compressions {
		for _, m := range compressions[i].magics {
			if len(head) < len(m) && bytes.HasPrefix(m, head) {
				return true
			}
		}
	}
	return false
}

// streamHead returns the first bytes of br that tell whether its input is
// compressed: magicBytes of them, all of a shorter input, or as few as
// already tell it is not. A pipe that brings a short line and then waits
// ("ok\n") is not held back for bytes that may never come.
func streamHead(br *bufio.Reader) []byte {
	for n := 1; ; {
		_, err := br.Peek(n) // waits for the bytes asked, or the input's end
		head, _ := br.Peek(min(br.Buffered(), magicBytes))
		if err != nil || len(head) == magicBytes || !mayStillOpen(head) {
			return head
		}
		n = len(head) + 1
	}
}

// compressedSuffixes are the extensions of compressed rotations.
var compressedSuffixes = func() []string {
	var out []string
	for _, c := range compressions {
		out = append(out, c.suffixes...)
	}
	return out
}()

// bzip2Magics are the ten bytes that open a bzip2 stream, for every block
// size digit (see opensBzip2).
func bzip2Magics() [][]byte {
	var out [][]byte
	for digit := byte('1'); digit <= '9'; digit++ {
		for _, m := range [][]byte{bzip2BlockMagic, bzip2EndMagic} {
			out = append(out, append([]byte{'B', 'Z', 'h', digit}, m...))
		}
	}
	return out
}

// opensBzip2 checks the block magic after "BZh" and the size digit, since
// "BZh" alone could begin a line of text. A file too short to hold it is
// bzip2 when what it holds agrees (a cut bzip2 file, not text).
func opensBzip2(head []byte) bool {
	if len(head) < 4 || !bytes.HasPrefix(head, []byte("BZh")) || head[3] < '1' || head[3] > '9' {
		return false
	}
	rest := head[4:]
	for _, m := range [][]byte{bzip2BlockMagic, bzip2EndMagic} {
		if bytes.HasPrefix(rest, m) || bytes.HasPrefix(m, rest) {
			return true
		}
	}
	return false
}

func gzipDecoder(r io.Reader) (io.Reader, func(), error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, err
	}
	return zr, func() { zr.Close() }, nil
}

func zstdDecoder(r io.Reader) (io.Reader, func(), error) {
	// One decoding goroutine and a bounded window: connlog shares a small
	// host with the service it watches, and the frame header that asks for
	// the window is untrusted input.
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindowBytes))
	if err != nil {
		return nil, nil, err
	}
	return zr, zr.Close, nil
}

func xzDecoder(r io.Reader) (io.Reader, func(), error) {
	zr, err := xz.NewReader(r)
	if err != nil {
		return nil, nil, err
	}
	return zr, func() {}, nil
}

func bzip2Decoder(r io.Reader) (io.Reader, func(), error) {
	return bzip2.NewReader(r), func() {}, nil
}

func lz4Decoder(r io.Reader) (io.Reader, func(), error) {
	zr := lz4.NewReader(r)
	// One decoding goroutine, as for zstd.
	if err := zr.Apply(lz4.ConcurrencyOption(1)); err != nil {
		return nil, nil, err
	}
	return zr, func() {}, nil
}

// check is the command that tests a file compressed in c: its tool's
// -t in place of the -dc that decompresses it.
func (c *compression) check() string {
	return strings.Replace(c.undo, " -dc", " -t", 1)
}

// errUnsupportedCompression is the error of an input compressed in a
// format connlog recognises but does not read.
var errUnsupportedCompression = errors.New("compression format not read")

// unsupportedNote is the gap note of a file compressed in c, which
// connlog does not read: it names the file and the command that reads it.
func unsupportedNote(path string, c *compression) string {
	return unsupportedNoteOf(filepath.Base(path), c, c.undo+" "+shellquote.Quote(path)+" | connlog -")
}

// unsupportedStdinNote is unsupportedNote for standard input, which the
// command is put in front of.
func unsupportedStdinNote(c *compression) string {
	return unsupportedNoteOf(stdinName, c, "… | "+c.undo+" | connlog -")
}

func unsupportedNoteOf(name string, c *compression, command string) string {
	return fmt.Sprintf("%s: %s (%s): decompress it first: %s", NoteUnsupportedCompression, name, c.name, command)
}

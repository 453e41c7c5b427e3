package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"connlog/internal/shellquote"
	"connlog/model"
)

// readOpened reads an opened file that cannot be re-read by offset (a
// compressed file, a pipe) as a stream, then closes it
// (which also ends a read still blocked on a pipe).
// A compressed file that breaks partway keeps every line decoded before the
// break and gets a gap record saying where it broke; one in a format
// connlog does not read gets a gap saying what reads it. The run goes on.
func (f *File) readOpened(ctx context.Context, fh *os.File, b *batcher) error {
	defer fh.Close()
	name := fh.Name()
	f.setState("reading " + name)
	fr := f.newFramer(f.opts.MaxLineBytes, b.emitter(f.sendContext(ctx)))
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		// Its reads never wait for a writer: a line cut by one has its
		// rest in the file, however long decompressing it takes on a busy
		// machine. Only a pipe's line may stay unfinished.
		fr.quietAfter = neverQuiet
	}
	fr.held = &f.held // a pipe's writer may pause in a line
	r, c, closeDecoder, err := decompressorOfFile(fh)
	if err == nil {
		err = readStream(ctx, f.finishContext(), r, fr, b, closeDecoder)
	}
	err = withoutPath(err, name) // the messages below name it
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && c == nil:
		return fmt.Errorf("read %s: %w", name, err)
	case errors.Is(err, errUnsupportedCompression):
		return f.lossGap(ctx, b, unsupportedNote(name, c), "not read: "+c.name+", a compression connlog does not read", lastWritten(fh))
	case err != nil:
		return f.lossGap(ctx, b, corruptFileNote(name, r, c, err), corruptShort(r, c), lastWritten(fh))
	}
	f.setState("read " + name)
	return nil
}

// corruptNote is the gap note of a compressed input that could not be
// decoded to its end.
func corruptNote(name string, r io.Reader, format string, cause error) string {
	n, unit := decodedBytes(r), "bytes"
	if n == 1 {
		unit = "byte"
	}
	return fmt.Sprintf("%s: %s (%s) broke after %d decompressed %s: %v",
		NoteCorruptCompressed, filepath.Base(name), format, n, unit, cause)
}

// corruptFileNote is corruptNote for a file: one broken from its start is
// a file nothing of which was read (see model.InputNotRead), and its note
// says how to check it.
func corruptFileNote(path string, r io.Reader, c *compression, cause error) string {
	if decodedBytes(r) > 0 {
		return corruptNote(path, r, c.name, cause)
	}
	return fmt.Sprintf("%s: %s (%s): %s: %v — check it with %s %s, or read a copy kept elsewhere",
		NoteCorruptCompressed, filepath.Base(path), c.name, model.GapNothingRead, cause, c.check(), shellquote.Quote(path))
}

// corruptShort says for the list of inputs what of a corrupt compressed
// file was read: nothing, or its start up to the break.
func corruptShort(r io.Reader, c *compression) string {
	if decodedBytes(r) == 0 {
		return "not read: corrupt " + c.name
	}
	return "read until it broke: corrupt " + c.name
}

// decodedBytes is how many bytes r, a decompressor's reader, decoded.
func decodedBytes(r io.Reader) int64 {
	if c, ok := r.(*countingReader); ok {
		return c.n
	}
	return 0
}

// refusedGap reports a rotated copy this user may not open as a file
// nothing of which was read: err says why and what to do. Its last write,
// when it can be told, dates it until its rotation places it.
func (f *File) refusedGap(ctx context.Context, b *batcher, err error) error {
	at := time.Now()
	if fi, serr := os.Stat(f.path); serr == nil {
		at = fi.ModTime()
	}
	note := fmt.Sprintf("%s: %s: %s: %v", model.GapFileNotRead, filepath.Base(f.path), model.GapNothingRead, err)
	return f.lossGap(ctx, b, note, "not read: permission denied", at)
}

// lossGap reports, where the file's lines stop, what of it could not be
// read; short says it for the list of inputs (see Shortfall). at dates it
// when no line of the file comes before it (a line before it dates it
// otherwise).
func (f *File) lossGap(ctx context.Context, b *batcher, note, short string, at time.Time) error {
	f.setState(note)
	f.shortfall.Store(&short)
	return sendLossGap(ctx, b, f.id, note, at)
}

// sendLossGap sends, after the lines batched, the gap that says what of
// source id's input could not be read.
func sendLossGap(ctx context.Context, b *batcher, id model.SourceID, note string, at time.Time) error {
	gap := model.Record{Source: id, Offset: -1, Received: at, Mark: model.MarkGap, Note: note}
	if err := b.add(ctx, gap); err != nil {
		return err
	}
	return b.flush(ctx)
}

// lastWritten is when the file was last written, which dates what of it
// could not be read better than the clock: a rotated file was written up
// to its rotation, often days ago. Now when it cannot be told.
func lastWritten(fh *os.File) time.Time {
	if fi, err := fh.Stat(); err == nil && !fi.ModTime().IsZero() {
		return fi.ModTime()
	}
	return time.Now()
}

// decompressor returns a reader of r's content, decompressed when it is
// compressed (c says how, nil for plain), and a function that releases the
// decoder. Decoded bytes are counted, to say where a corrupt file broke. A
// format connlog does not read gives errUnsupportedCompression.
func decompressor(r io.Reader) (dec io.Reader, c *compression, release func(), err error) {
	return decompressorNamed(r, "")
}

// decompressorNamed is decompressor for the regular file at path (""
// for none): one whose name says it is compressed, but whose bytes are
// neither that format nor text, is that format corrupt from its first
// byte (see junkAsNamed).
func decompressorNamed(r io.Reader, path string) (dec io.Reader, c *compression, release func(), err error) {
	br := bufio.NewReaderSize(r, streamReadBytes)
	c = compressionOf(streamHead(br))
	if c == nil && path != "" {
		if c = junkAsNamed(path, peekProbe(br)); c != nil {
			return &countingReader{}, c, func() {}, notAsNamedError(c)
		}
	}
	dec, release, err = decompressed(br, c)
	return dec, c, release, err
}

// decompressorOfFile is decompressor for fh, by its name when it is a
// regular file (a pipe's first bytes are not waited for).
func decompressorOfFile(fh *os.File) (dec io.Reader, c *compression, release func(), err error) {
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		return decompressorNamed(fh, fh.Name())
	}
	return decompressor(fh)
}

// decompressed is decompressor's reader of br, whose head says it is
// compressed in c (nil: plain, br itself).
func decompressed(br *bufio.Reader, c *compression) (dec io.Reader, release func(), err error) {
	switch {
	case c == nil:
		return br, func() {}, nil
	case c.decoder == nil:
		return &countingReader{}, func() {}, fmt.Errorf("%s: %w", c.name, errUnsupportedCompression)
	}
	zr, release, err := c.decoder(br)
	if err != nil {
		return &countingReader{}, func() {}, err
	}
	return &countingReader{r: zr}, release, nil
}

// startsCompressed reports whether a regular file begins as a compressed
// file does, in a format connlog reads or not.
func startsCompressed(f *os.File) bool {
	head := make([]byte, magicBytes)
	n, _ := f.ReadAt(head, 0)
	return compressionOf(head[:n]) != nil
}

// readAsCompressed reports whether a regular file is read as a compressed
// stream: it begins as one does, or its name says it is one and its bytes
// are not text (see junkAsNamed), which makes it a corrupt one.
func readAsCompressed(f *os.File) bool {
	if startsCompressed(f) {
		return true
	}
	if namedCompression(f.Name()) == nil {
		return false
	}
	head := make([]byte, textProbeBytes)
	n, _ := f.ReadAt(head, 0)
	return junkAsNamed(f.Name(), head[:n]) != nil
}

// countingReader counts the bytes a decoder has produced.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

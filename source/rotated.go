package source

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"connlog/model"
)

// Magic numbers that open a gzip member and a zstd frame. Compression is
// recognised by content rather than by name, so that a rotated file
// compressed under an unusual name is still read correctly.
var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// readOpened reads an opened file that cannot be re-read by offset (a
// compressed file, a pipe) as a stream, then closes it
// (which also ends a read still blocked on a pipe).
// A compressed file that breaks partway keeps every line decoded before the
// break and gets a gap record saying where it broke; the run goes on.
func (f *File) readOpened(ctx context.Context, fh *os.File, b *batcher) error {
	defer fh.Close()
	name := fh.Name()
	f.setState("reading " + name)
	fr := f.newFramer(f.opts.MaxLineBytes, b.emitter(ctx))
	r, format, closeDecoder, err := decompressor(fh)
	if err == nil {
		err = readStream(ctx, r, fr, b, closeDecoder)
	}
	err = withoutPath(err, name) // the messages below name it
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && format == "":
		return fmt.Errorf("read %s: %w", name, err)
	case err != nil:
		return f.corruptGap(ctx, b, name, r, format, err)
	}
	f.setState("read " + name)
	return nil
}

// corruptGap reports a compressed file that could not be decoded to its end.
func (f *File) corruptGap(ctx context.Context, b *batcher, name string, r io.Reader, format string, cause error) error {
	var decoded int64
	if c, ok := r.(*countingReader); ok {
		decoded = c.n
	}
	note := fmt.Sprintf("%s: %s (%s) broke after %d decompressed bytes: %v",
		NoteCorruptCompressed, filepath.Base(name), format, decoded, cause)
	f.setState(note)
	gap := model.Record{Source: f.id, Offset: -1, Received: time.Now(), Mark: model.MarkGap, Note: note}
	if err := b.add(ctx, gap); err != nil {
		return err
	}
	return b.flush(ctx)
}

// decompressor returns a reader of r's content, decompressed when it is
// gzip or zstd (format names which, "" for plain), and a function that
// releases the decoder. Decoded bytes are counted, to say where a corrupt
// file broke.
func decompressor(r io.Reader) (dec io.Reader, format string, release func(), err error) {
	br := bufio.NewReaderSize(r, streamReadBytes)
	magic, _ := br.Peek(len(zstdMagic))
	switch {
	case bytes.HasPrefix(magic, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return &countingReader{}, "gzip", func() {}, err
		}
		return &countingReader{r: zr}, "gzip", func() { zr.Close() }, nil
	case bytes.HasPrefix(magic, zstdMagic):
		// One decoding goroutine and a bounded window: connlog shares a
		// small host with the service it watches, and the frame header that
		// asks for the window is untrusted input.
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindowBytes))
		if err != nil {
			return &countingReader{}, "zstd", func() {}, err
		}
		return &countingReader{r: zr}, "zstd", zr.Close, nil
	}
	return br, "", func() {}, nil
}

// startsCompressed reports whether a regular file begins with a gzip or zstd
// magic number.
func startsCompressed(f *os.File) bool {
	magic := make([]byte, len(zstdMagic))
	n, _ := f.ReadAt(magic, 0)
	magic = magic[:n]
	return bytes.HasPrefix(magic, gzipMagic) || bytes.HasPrefix(magic, zstdMagic)
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

package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// zstdWindow is the zstd window: 1 MiB finds the repetition in log lines
// (which repeat within seconds, not megabytes) for a fraction of the
// default 8 MiB's memory.
const zstdWindow = 1 << 20

// Compression is the stream compression applied to an export.
type Compression uint8

// The compressions.
const (
	CompressNone Compression = iota // write the format as it is
	CompressGzip                    // gzip stream (.gz), readable by gzip -dc
	CompressZstd                    // zstd stream (.zst), readable by zstd -dc
	compressCount
)

var compressNames = [compressCount]string{"none", "gzip", "zstd"}

// String returns the compression's name as the command line spells it.
func (c Compression) String() string {
	if c < compressCount {
		return compressNames[c]
	}
	return "unknown"
}

// Ext returns the file suffix the compression adds, with its dot: ".gz",
// ".zst", or "" for none.
func (c Compression) Ext() string {
	switch c {
	case CompressGzip:
		return ".gz"
	case CompressZstd:
		return ".zst"
	}
	return ""
}

// Compressions lists every compression.
func Compressions() []Compression {
	return []Compression{CompressNone, CompressGzip, CompressZstd}
}

// ParseCompression accepts a compression name in any case, plus "gz", "zst"
// and "" (none).
func ParseCompression(s string) (Compression, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "no", "off":
		return CompressNone, nil
	case "gzip", "gz":
		return CompressGzip, nil
	case "zstd", "zst":
		return CompressZstd, nil
	}
	return CompressNone, fmt.Errorf("unknown compression %q: use none, gzip or zstd", s)
}

// Compress wraps w so that what is written to the result reaches w
// compressed. Closing the result flushes the compressed stream's end; it
// never closes w. With CompressNone the result writes straight through.
func Compress(w io.Writer, c Compression) (io.WriteCloser, error) {
	switch c {
	case CompressNone:
		return nopCloser{w}, nil
	case CompressGzip:
		return gzip.NewWriter(w), nil
	case CompressZstd:
		// One encoder goroutine, a small window and lean buffers: exports run
		// on production hosts beside the connector.
		z, err := zstd.NewWriter(w, zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(zstdWindow))
		if err != nil {
			return nil, fmt.Errorf("start zstd compression: %w", err)
		}
		return z, nil
	}
	return nil, fmt.Errorf("unknown compression %d", c)
}

type nopCloser struct{ io.Writer }

// Close does nothing: the destination belongs to the caller.
func (nopCloser) Close() error { return nil }

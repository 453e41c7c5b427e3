package journalfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
)

// zstdDecoder is shared: DecodeAll is safe for concurrent use.
var zstdDecoder = sync.OnceValues(func() (*zstd.Decoder, error) {
	return zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxDecompressedSize))
})

// decompress returns the payload of a DATA object whose flags say it is
// compressed, appended to dst. Sizes are bounded: a corrupted size field
// must not make us allocate gigabytes. On an error dst comes back as it
// was, so that a caller can go on appending to it.
func decompress(dst, src []byte, flags uint8) ([]byte, error) {
	out, err := decompressAppend(dst, src, flags)
	if err != nil {
		return dst, err
	}
	return out, nil
}

// decompressAppend is decompress, leaving dst undefined on an error.
func decompressAppend(dst, src []byte, flags uint8) ([]byte, error) {
	switch flags & (objCompressedXZ | objCompressedLZ4 | objCompressedZSTD) {
	case objCompressedZSTD:
		d, err := zstdDecoder()
		if err != nil {
			return nil, err
		}
		out, err := d.DecodeAll(src, dst)
		if err != nil {
			return nil, fmt.Errorf("zstd data: %v: %w", err, ErrCorrupt)
		}
		return out, nil
	case objCompressedLZ4:
		return decompressLZ4(dst, src)
	case objCompressedXZ:
		r, err := xz.NewReader(bytes.NewReader(src))
		if err != nil {
			return nil, fmt.Errorf("xz data: %v: %w", err, ErrCorrupt)
		}
		var b bytes.Buffer
		b.Write(dst)
		if _, err := io.Copy(&b, io.LimitReader(r, maxDecompressedSize)); err != nil {
			return nil, fmt.Errorf("xz data: %v: %w", err, ErrCorrupt)
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("data object compression flags %#x: %w", flags, ErrCorrupt)
}

// decompressLZ4 reads journald's LZ4 form: the uncompressed size as a
// little-endian 64-bit number, then one LZ4 block.
func decompressLZ4(dst, src []byte) ([]byte, error) {
	if len(src) < 8 {
		return nil, fmt.Errorf("lz4 data of %d bytes: %w", len(src), ErrCorrupt)
	}
	n := binary.LittleEndian.Uint64(src)
	if n > maxDecompressedSize {
		return nil, fmt.Errorf("lz4 data of %d bytes uncompressed: %w", n, ErrCorrupt)
	}
	start := len(dst)
	dst = append(dst, make([]byte, n)...)
	k, err := lz4.UncompressBlock(src[8:], dst[start:])
	if err != nil || uint64(k) != n {
		return nil, fmt.Errorf("lz4 data: %d of %d bytes (%v): %w", k, n, err, ErrCorrupt)
	}
	return dst, nil
}

package journalfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
)

// TestUnknownIncompatibleFlagRefused sets an incompatible flag this reader
// does not know: the file is refused with a message saying what to do,
// rather than read wrong.
func TestUnknownIncompatibleFlagRefused(t *testing.T) {
	b := append([]byte(nil), loadFuzzBases(t)[0]...)
	flags := binary.LittleEndian.Uint32(b[12:])
	binary.LittleEndian.PutUint32(b[12:], flags|1<<7)
	path := writeJournalFile(t, b)
	_, err := Open(path)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "journalctl") {
		t.Fatalf("Open = %v, want ErrUnsupported saying what to use instead", err)
	}
	var unsupported *UnsupportedError
	if !errors.As(err, &unsupported) || unsupported.Flags != 1<<7 || unsupported.Path != path {
		t.Fatalf("Open = %#v, want an UnsupportedError naming flag 0x80 and the file", err)
	}
}

// TestDecompressEachAlgorithm decodes payloads compressed the way journald
// stores them with each algorithm, and refuses sizes that lie.
func TestDecompressEachAlgorithm(t *testing.T) {
	payload := []byte("MESSAGE=ANALYTICS " + strings.Repeat(`{"event_type":"established_connection"} `, 40))
	cases := map[string]struct {
		flags uint8
		data  []byte
	}{
		"zstd": {objCompressedZSTD, zstdCompress(t, payload)},
		"lz4":  {objCompressedLZ4, lz4Compress(t, payload)},
		"xz":   {objCompressedXZ, xzCompress(t, payload)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := decompress([]byte("kept"), tc.data, tc.flags)
			if err != nil || !bytes.Equal(got, append([]byte("kept"), payload...)) {
				t.Fatalf("decompress = %.40q, %v", got, err)
			}
			if _, err := decompress(nil, tc.data[:len(tc.data)/2], tc.flags); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("a cut payload gave %v, want ErrCorrupt", err)
			}
		})
	}
	lying := lz4Compress(t, payload)
	binary.LittleEndian.PutUint64(lying, 1<<40)
	if _, err := decompress(nil, lying, objCompressedLZ4); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("an lz4 size of 1 TiB gave %v, want ErrCorrupt", err)
	}
}

func zstdCompress(t *testing.T, p []byte) []byte {
	e, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return e.EncodeAll(p, nil)
}

func lz4Compress(t *testing.T, p []byte) []byte {
	out := make([]byte, 8+lz4.CompressBlockBound(len(p)))
	binary.LittleEndian.PutUint64(out, uint64(len(p)))
	n, err := lz4.CompressBlock(p, out[8:], nil)
	if err != nil || n == 0 {
		t.Fatalf("lz4: %d, %v", n, err)
	}
	return out[:8+n]
}

func xzCompress(t *testing.T, p []byte) []byte {
	var b bytes.Buffer
	w, err := xz.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

package export

import (
	"bytes"
	"os/exec"
	"testing"
)

// TestCompressedOutputsDecompressWithSystemTools checks that gzip and zstd
// exports are ordinary streams: the system tools give back the plain export.
func TestCompressedOutputsDecompressWithSystemTools(t *testing.T) {
	entries := mixedEntries()
	for _, f := range []Format{FormatRaw, FormatNDJSON, FormatCSV, FormatText, FormatJournal} {
		plain := encode(t, entries, Options{Format: f})
		for _, tc := range []struct {
			c    Compression
			tool string
		}{{CompressGzip, "gzip"}, {CompressZstd, "zstd"}} {
			t.Run(f.String()+"/"+tc.c.String(), func(t *testing.T) {
				packed := encode(t, entries, Options{Format: f, Compress: tc.c})
				if bytes.Equal(packed, plain) {
					t.Fatal("output is not compressed")
				}
				cmd := exec.Command(tc.tool, "-dc")
				cmd.Stdin = bytes.NewReader(packed)
				got, err := cmd.Output()
				if err != nil {
					t.Fatalf("%s -dc: %v", tc.tool, err)
				}
				if !bytes.Equal(got, plain) {
					t.Errorf("%s -dc gives %d bytes, want the %d of the plain export", tc.tool, len(got), len(plain))
				}
			})
		}
	}
}

func TestCompressExtensions(t *testing.T) {
	tests := []struct {
		c    Compression
		want string
	}{{CompressNone, ""}, {CompressGzip, ".gz"}, {CompressZstd, ".zst"}}
	for _, tt := range tests {
		t.Run(tt.c.String(), func(t *testing.T) {
			if got := tt.c.Ext(); got != tt.want {
				t.Errorf("Ext() = %q, want %q", got, tt.want)
			}
		})
	}
}

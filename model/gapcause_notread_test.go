package model

import "testing"

// TestInputNotRead tells the gaps of inputs nothing of which was read
// (a loss of any time window) from gaps within what was read.
func TestInputNotRead(t *testing.T) {
	for _, tc := range []struct {
		reason string
		want   bool
	}{
		{GapUnsupportedCompression + ": a.log.3.lzma (lzma): decompress it first: xz -dc 'a.log.3.lzma' | connlog -", true},
		{GapCorruptCompressed + ": a.log.2.gz (gzip): " + GapNothingRead + ": unexpected EOF — check it with gzip -t 'a.log.2.gz'", true},
		{GapCorruptCompressed + ": a.log.2.gz (gzip) broke after 10 decompressed bytes: unexpected EOF", false},
		{GapTruncated, false},
		{GapLineTooLong, false},
	} {
		if got := InputNotRead(tc.reason); got != tc.want {
			t.Errorf("InputNotRead(%q) = %v; want %v", tc.reason, got, tc.want)
		}
	}
}

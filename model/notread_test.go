package model

import (
	"reflect"
	"testing"
	"time"
)

// TestInputsNotReadNameFileAndCause: each note the file source writes for
// an input nothing of which was read gives back the file and why; other
// gaps are not inputs not read.
func TestInputsNotReadNameFileAndCause(t *testing.T) {
	var l Ledger
	at := time.Unix(0, 0)
	l.Add(GapFileNotRead+": app.log.1: "+GapNothingRead+": open /var/log/app.log.1: permission denied", 0, at)
	l.Add(GapUnsupportedCompression+": app.log.3.lzma (lzma): decompress it first: unlzma -c /var/log/app.log.3.lzma | connlog -", 0, at)
	l.Add(GapCorruptCompressed+": app.log.2.gz (gzip): "+GapNothingRead+": unexpected EOF — check it with gzip -t /var/log/app.log.2.gz", 0, at)
	l.Add(GapCorruptCompressed+": app.log.4.gz (gzip) broke after 12 decompressed bytes: unexpected EOF", 0, at)
	l.Add(GapTruncated, 10, at)
	want := []NotRead{
		{Name: "app.log.1", Why: "permission denied"},
		{Name: "app.log.2.gz", Why: "corrupt gzip"},
		{Name: "app.log.3.lzma", Why: "lzma, a compression connlog does not read"},
	}
	if got := l.InputsNotRead(); !reflect.DeepEqual(got, want) {
		t.Errorf("InputsNotRead() = %+v, want %+v", got, want)
	}
}

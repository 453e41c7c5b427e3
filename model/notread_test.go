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

// TestInputsNotReadComeInRotationOrder: numbers in the names are compared
// as numbers, so app.log.10 comes after app.log.9, as rotation numbers them.
func TestInputsNotReadComeInRotationOrder(t *testing.T) {
	var l Ledger
	for _, n := range []string{"app.log.10", "app.log.9", "app.log.002", "app.log.1", "app.log"} {
		l.Add(GapFileNotRead+": "+n+": "+GapNothingRead+": open "+n+": permission denied", 0, time.Unix(0, 0))
	}
	var got []string
	for _, f := range l.InputsNotRead() {
		got = append(got, f.Name)
	}
	if want := []string{"app.log", "app.log.1", "app.log.002", "app.log.9", "app.log.10"}; !reflect.DeepEqual(got, want) {
		t.Errorf("InputsNotRead() names %q, want %q", got, want)
	}
}

// TestNotReadFirstOrdersInputsAsInputsNotRead: the inputs not read come
// first, in InputsNotRead's order, matched by base name; the others keep
// their order after them.
func TestNotReadFirstOrdersInputsAsInputsNotRead(t *testing.T) {
	var l Ledger
	for _, n := range []string{"app.log.12.gz", "app.log.2.gz"} {
		l.Add(GapCorruptCompressed+": "+n+" (gzip): "+GapNothingRead+": bad header — check it with gzip -t /var/log/"+n, 0, time.Unix(0, 0))
	}
	srcs := []SourceStatus{{Name: "/var/log/app.log.12.gz"}, {Name: "/var/log/app.log.2.gz"}, {Name: "/var/log/app.log.1"}, {Name: "/var/log/app.log"}}
	var got []string
	for _, s := range l.NotReadFirst(srcs) {
		got = append(got, s.Name)
	}
	want := []string{"/var/log/app.log.2.gz", "/var/log/app.log.12.gz", "/var/log/app.log.1", "/var/log/app.log"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NotReadFirst() = %q, want %q", got, want)
	}
	if srcs[0].Name != "/var/log/app.log.12.gz" {
		t.Errorf("NotReadFirst reordered its argument: %q", srcs[0].Name)
	}
}

package export

import (
	"fmt"
	"strings"
)

// Format is an output format.
type Format uint8

// The formats, in the order a menu lists them.
const (
	FormatRaw     Format = iota // the lines as read, byte for byte
	FormatText                  // one aligned, sanitised human line per entry
	FormatNDJSON                // one JSON object per entry
	FormatCSV                   // RFC 4180 with stable columns per kind
	FormatJournal               // systemd journal export format
	FormatBundle                // tar of raw, ndjson, csv per kind and a manifest
	formatCount
)

var formatNames = [formatCount]string{"raw", "text", "ndjson", "csv", "journal", "bundle"}

// formatExts are the file extensions DefaultName uses, without compression.
var formatExts = [formatCount]string{"log", "txt", "ndjson", "csv", "export", "tar"}

// String returns the format's name as the command line spells it.
func (f Format) String() string {
	if f < formatCount {
		return formatNames[f]
	}
	return "unknown"
}

// Ext returns the file extension for the format, without the dot and without
// any compression suffix: "log", "ndjson", "tar"...
func (f Format) Ext() string {
	if f < formatCount {
		return formatExts[f]
	}
	return "out"
}

// UsesPairs reports whether the format writes an entry's pair (ndjson's
// "pair" object, the analytics CSV's start and end times, and the bundle,
// which holds both): raw lines, text and journal export do not, so their
// exports need no pair finder, and a stream exported in them need not
// decode every analytics event's fields to track pairs.
func (f Format) UsesPairs() bool {
	switch f {
	case FormatRaw, FormatText, FormatJournal:
		return false
	}
	return true
}

// WritesFields reports whether the format writes what an entry's fields
// say: raw lines and journal export write its bytes and origin alone, so an
// entry decoded without its fields need not have them filled in to be
// written in them (unless a redaction reads them).
func (f Format) WritesFields() bool {
	switch f {
	case FormatRaw, FormatJournal:
		return false
	}
	return true
}

// HoldsMarkers reports whether the format writes gap and boundary entries,
// which carry no line of their own: raw lines cannot.
func (f Format) HoldsMarkers() bool { return f != FormatRaw }

// Formats lists every format, in menu order.
func Formats() []Format {
	out := make([]Format, formatCount)
	for i := range out {
		out[i] = Format(i)
	}
	return out
}

// ParseFormat accepts a format name in any case, plus the aliases "json" and
// "jsonl" for ndjson, "txt" for text, "export" for journal and "tar" for
// bundle.
func ParseFormat(s string) (Format, error) {
	switch name := strings.ToLower(strings.TrimSpace(s)); name {
	case "json", "jsonl":
		return FormatNDJSON, nil
	case "txt":
		return FormatText, nil
	case "export":
		return FormatJournal, nil
	case "tar":
		return FormatBundle, nil
	default:
		for i, n := range formatNames {
			if n == name {
				return Format(i), nil
			}
		}
	}
	return FormatRaw, fmt.Errorf("unknown export format %q: use one of %s", s, strings.Join(formatNames[:], ", "))
}

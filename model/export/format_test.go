package export

import (
	"strings"
	"testing"
	"time"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Format
		wantErr bool
	}{
		{"raw", "raw", FormatRaw, false},
		{"upper case and spaces", "  NDJSON ", FormatNDJSON, false},
		{"json alias", "json", FormatNDJSON, false},
		{"jsonl alias", "jsonl", FormatNDJSON, false},
		{"txt alias", "txt", FormatText, false},
		{"export alias", "export", FormatJournal, false},
		{"tar alias", "tar", FormatBundle, false},
		{"csv", "csv", FormatCSV, false},
		{"unknown", "xml", FormatRaw, true},
		{"empty", "", FormatRaw, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseFormat(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "ndjson") {
				t.Errorf("error %q does not list the formats", err)
			}
			if got != tt.want {
				t.Errorf("ParseFormat(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormatNamesRoundTrip(t *testing.T) {
	for _, f := range Formats() {
		got, err := ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	for _, c := range Compressions() {
		got, err := ParseCompression(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCompression(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
}

func TestParseCompression(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Compression
		wantErr bool
	}{
		{"empty is none", "", CompressNone, false},
		{"none", "none", CompressNone, false},
		{"gz", "GZ", CompressGzip, false},
		{"gzip", "gzip", CompressGzip, false},
		{"zst", "zst", CompressZstd, false},
		{"zstd", "zstd", CompressZstd, false},
		{"bzip2 unsupported", "bzip2", CompressNone, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCompression(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseCompression(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDefaultName(t *testing.T) {
	from := time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	to := time.Date(2026, 11, 20, 9, 30, 15, 0, time.UTC)
	tests := []struct {
		name string
		host string
		from time.Time
		to   time.Time
		f    Format
		c    Compression
		want string
	}{
		{"ndjson gzip, times in UTC", "conn-1", from, to, FormatNDJSON, CompressGzip, "connlog-conn-1-20261120T080000Z-20261120T093015Z.ndjson.gz"},
		{"raw plain", "conn-1", from, to, FormatRaw, CompressNone, "connlog-conn-1-20261120T080000Z-20261120T093015Z.log"},
		{"bundle zstd", "conn-1", from, to, FormatBundle, CompressZstd, "connlog-conn-1-20261120T080000Z-20261120T093015Z.tar.zst"},
		{"journal", "h", from, to, FormatJournal, CompressNone, "connlog-h-20261120T080000Z-20261120T093015Z.export"},
		// What is not known is left out, not named "unknown".
		{"no host", "", from, to, FormatNDJSON, CompressNone, "connlog-20261120T080000Z-20261120T093015Z.ndjson"},
		{"a host of dots alone", "..", from, to, FormatNDJSON, CompressNone, "connlog-20261120T080000Z-20261120T093015Z.ndjson"},
		{"no times", "conn-1", time.Time{}, time.Time{}, FormatNDJSON, CompressNone, "connlog-conn-1.ndjson"},
		{"no end", "conn-1", from, time.Time{}, FormatNDJSON, CompressNone, "connlog-conn-1-since-20261120T080000Z.ndjson"},
		{"no start", "conn-1", time.Time{}, to, FormatNDJSON, CompressNone, "connlog-conn-1-until-20261120T093015Z.ndjson"},
		{"no host, no end", "", from, time.Time{}, FormatNDJSON, CompressNone, "connlog-since-20261120T080000Z.ndjson"},
		{"no host, no start", "", time.Time{}, to, FormatNDJSON, CompressNone, "connlog-until-20261120T093015Z.ndjson"},
		{"no host, no times", "", time.Time{}, time.Time{}, FormatNDJSON, CompressNone, "connlog.ndjson"},
		{"no host, no times, compressed", "", time.Time{}, time.Time{}, FormatCSV, CompressGzip, "connlog.csv.gz"},
		{"hostile host", "../../etc/x y", from, to, FormatText, CompressNone, "connlog-_.._etc_x_y-20261120T080000Z-20261120T093015Z.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DefaultName(tt.host, tt.from, tt.to, tt.f, tt.c); got != tt.want {
				t.Errorf("DefaultName = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFormatFacts: the formats that write a pair (ndjson's "pair", the
// analytics CSV's start and end, the bundle holding both) say so, and a
// stream exported in the others skips tracking pairs; raw lines and
// journal export write an entry's bytes and origin alone, and the others
// what its fields say.
func TestFormatFacts(t *testing.T) {
	want := map[Format]struct{ pairs, fields bool }{FormatRaw: {false, false}, FormatText: {false, true},
		FormatNDJSON: {true, true}, FormatCSV: {true, true}, FormatJournal: {false, false}, FormatBundle: {true, true}}
	for _, f := range Formats() {
		w, ok := want[f]
		if !ok || f.UsesPairs() != w.pairs || f.WritesFields() != w.fields {
			t.Errorf("%s: UsesPairs %v, WritesFields %v; want %+v (listed: %v)", f, f.UsesPairs(), f.WritesFields(), w, ok)
		}
	}
}

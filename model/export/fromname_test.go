package export

import "testing"

func TestHintFromName(t *testing.T) {
	tests := []struct {
		path string
		want NameHint
	}{
		{"x.csv.gz", NameHint{FormatCSV, true, CompressGzip, true}},
		{"b.tar.gz", NameHint{FormatBundle, true, CompressGzip, true}},
		{"dir.v2/out.NDJSON.ZST", NameHint{FormatNDJSON, true, CompressZstd, true}},
		{"a.jsonl", NameHint{FormatNDJSON, true, CompressNone, true}},
		{"a.json", NameHint{FormatNDJSON, true, CompressNone, true}},
		{"a.json.gz", NameHint{FormatNDJSON, true, CompressGzip, true}},
		{"a.JSONL.zst", NameHint{FormatNDJSON, true, CompressZstd, true}},
		{"a.log", NameHint{FormatRaw, true, CompressNone, true}},
		{"a.txt", NameHint{FormatText, true, CompressNone, true}},
		{"j.export", NameHint{FormatJournal, true, CompressNone, true}},
		{"a.gz", NameHint{Compress: CompressGzip, HasCompress: true}},
		{"out.data", NameHint{}},
		{".csv", NameHint{}},
		{"-", NameHint{}},
	}
	for _, tt := range tests {
		if got := HintFromName(tt.path); got != tt.want {
			t.Errorf("HintFromName(%q) = %+v, want %+v", tt.path, got, tt.want)
		}
	}
}

// An ending of a compression connlog does not write is told apart, with
// the command that writes it and the name without it.
func TestUnwrittenCompression(t *testing.T) {
	tests := []struct {
		path                  string
		ext, command, without string
		ok                    bool
	}{
		{"x.csv.xz", ".xz", "xz", "x.csv", true},
		{"x.csv.bz2", ".bz2", "bzip2", "x.csv", true},
		{"dir/x.LZ4", ".LZ4", "lz4", "dir/x", true},
		{"x.ndjson.lzma", ".lzma", "xz --format=lzma", "x.ndjson", true},
		{"x.tar.br", ".br", "brotli", "x.tar", true},
		{"x.csv.gz", "", "", "", false},
		{"x.csv", "", "", "", false},
		{".xz", "", "", "", false},
	}
	for _, tt := range tests {
		u, ok := UnwrittenCompression(tt.path)
		if ok != tt.ok || u.Ext != tt.ext || u.Command != tt.command || u.Without != tt.without {
			t.Errorf("UnwrittenCompression(%q) = %+v, %v; want %q %q %q, %v", tt.path, u, ok, tt.ext, tt.command, tt.without, tt.ok)
		}
	}
}

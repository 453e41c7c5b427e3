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

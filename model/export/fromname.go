package export

import "strings"

// NameHint is what a file name's ending says it holds.
type NameHint struct {
	Format    Format
	HasFormat bool // the name ends in a format's extension, before any .gz or .zst
	Compress  Compression
	// HasCompress is set when the ending speaks of compression: a .gz or
	// .zst suffix, or a format's extension without one (which says
	// uncompressed).
	HasCompress bool
}

// nameExts are the endings HintFromName reads, with the format each names.
var nameExts = []struct {
	ext    string
	format Format
}{
	{".log", FormatRaw}, {".txt", FormatText}, {".ndjson", FormatNDJSON}, {".jsonl", FormatNDJSON},
	{".csv", FormatCSV}, {".export", FormatJournal}, {".tar", FormatBundle},
}

// HintFromName reads the format and compression a path's ending names:
// .log (raw), .txt (text), .ndjson or .jsonl (ndjson), .csv, .export
// (journal), .tar (bundle), each optionally followed by .gz or .zst; case
// is ignored. A name with another ending says nothing of its format, and
// of its compression only when it ends in .gz or .zst.
func HintFromName(path string) NameHint {
	var h NameHint
	name := strings.ToLower(path)
	for _, c := range []Compression{CompressGzip, CompressZstd} {
		if rest, ok := strings.CutSuffix(name, c.Ext()); ok {
			name, h.Compress, h.HasCompress = rest, c, true
			break
		}
	}
	for _, e := range nameExts {
		if strings.HasSuffix(name, e.ext) && len(name) > len(e.ext) {
			h.Format, h.HasFormat, h.HasCompress = e.format, true, true
			break
		}
	}
	return h
}

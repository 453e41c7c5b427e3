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
	{".json", FormatNDJSON}, {".csv", FormatCSV}, {".export", FormatJournal}, {".tar", FormatBundle},
}

// HintFromName reads the format and compression a path's ending names:
// .log (raw), .txt (text), .ndjson, .jsonl or .json (ndjson), .csv, .export
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

// Unwritten is the ending of a compression connlog reads but does not
// write, which a name asks for.
type Unwritten struct {
	Ext     string // the ending as the name spells it (.xz)
	Command string // the command that compresses standard output so (xz)
	Without string // the name without the ending
}

// unwrittenExts are the compressions a name may ask for that an export is
// not written in, with the command that writes them.
var unwrittenExts = []struct{ ext, command string }{
	{".xz", "xz"}, {".bz2", "bzip2"}, {".lz4", "lz4"}, {".lzma", "xz --format=lzma"}, {".br", "brotli"},
}

// UnwrittenCompression reports a path ending in a compression connlog does
// not write (.xz, .bz2, .lz4, .lzma, .br; case is ignored): written as
// plain text, such a file would be named for what it is not.
func UnwrittenCompression(path string) (Unwritten, bool) {
	for _, u := range unwrittenExts {
		cut := len(path) - len(u.ext)
		if cut > 0 && strings.EqualFold(path[cut:], u.ext) {
			return Unwritten{Ext: path[cut:], Command: u.command, Without: path[:cut]}, true
		}
	}
	return Unwritten{}, false
}

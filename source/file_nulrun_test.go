package source

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// A run of NULs where a line starts (a file cut short by a crash, then
// appended to) is a gap counting the NULs, and the line after it is a
// record of its own, at its own offset, however the bytes come in reads.
func TestFramerNULRun(t *testing.T) {
	nul4k := strings.Repeat("\x00", 4096)
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"before the first line", "\x00\x00\x00Dec  4 10:00:05 h app[1]: x\n",
			`[gap "nul bytes" 3] "Dec  4 10:00:05 h app[1]: x"@3`},
		{"between lines", "a\n" + nul4k + "b\n", `"a"@0 [gap "nul bytes" 4096] "b"@4098`},
		{"newlines among the zeros", "a\n\x00\x00\n\x00\n\nb\n", `"a"@0 [gap "nul bytes" 3] "b"@8`},
		{"at the end of the input", "a\n\x00\x00", `"a"@0 [gap "nul bytes" 2]`},
		{"inside a line, kept", "a\x00b\n", "\"a\\x00b\"@0"},
		{"after an empty line", "\n\x00c\n", `""@0 [gap "nul bytes" 1] "c"@2`},
	}
	for _, tc := range tests {
		for _, chunk := range []int{1, 3, 64, 8192} {
			got := frame(0, chunked(tc.input, chunk))
			if d := strings.TrimSpace(describe(got.recs)); d != tc.want {
				t.Errorf("%s, reads of %d: %s, want %s", tc.name, chunk, d, tc.want)
			}
		}
	}
}

// A NUL run at the end of what a quiet file holds is sent when the framer
// is flushed, as a held line is, and the line appended later is its own.
func TestFramerNULRunQuietFlush(t *testing.T) {
	var recs []model.Record
	fr := newLineFramer(1, 0, func(r model.Record) error { recs = append(recs, r); return nil })
	now := time.Unix(1, 0)
	fr.feed([]byte("a\n\x00\x00"), 0, now)
	if !fr.holding() {
		t.Fatal("a NUL run is not held: a quiet file would never send its gap")
	}
	fr.flush(now, NotePartialLine)
	fr.feed([]byte("b\n"), 4, now)
	if got, want := strings.TrimSpace(describe(recs)), `"a"@0 [gap "nul bytes" 2] "b"@4`; got != want {
		t.Fatalf("records %s, want %s", got, want)
	}
}

// The line after a NUL run re-reads from the file as it was read, so that
// its raw export is the file's bytes.
func TestFileNULRunLineRereads(t *testing.T) {
	path := logPath(t)
	after := "Dec  4 10:00:05 h twingate-connector[1]: [ERROR] [connector] after reboot"
	writeFile(t, path, []byte("Dec  4 10:00:04 h twingate-connector[1]: [INFO] [connector] before\n"+strings.Repeat("\x00", 4096)+after+"\n"))
	src := NewFile(path, 1, FileOptions{})
	r := start(t, src)
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	lines := lineTexts(r.got)
	if len(lines) != 2 || lines[1] != after {
		t.Fatalf("lines %q", lines)
	}
	if g := gaps(r.got); len(g) != 1 || g[0].Note != NoteNULBytes || g[0].Count != 4096 {
		t.Fatalf("gaps %s", describe(g))
	}
	rec := r.got[len(r.got)-1]
	raw, err := src.ReadRaw(rec.Offset, len(rec.Raw), nil)
	if err != nil || !bytes.Equal(raw, rec.Raw) {
		t.Fatalf("ReadRaw of the line after the NULs: %q, %v", raw, err)
	}
}

// The journal export format's binary values are framed through lines: a
// length whose low byte is 0 opens a line with NULs, and so may the value.
// They are the value's bytes, read as such from a file and from standard
// input.
func TestJournalExportKeepsNULs(t *testing.T) {
	msg := "a\n\x00\x00b" + strings.Repeat("x", 256-6)
	var in bytes.Buffer
	in.WriteString("__REALTIME_TIMESTAMP=1764577800000000\nMESSAGE\n")
	in.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(msg))))
	in.WriteString(msg + "\n\n")
	path := filepath.Join(t.TempDir(), "nul.export")
	if err := os.WriteFile(path, in.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]model.Record{
		"file":  readRecords(t, Input{Path: path}, nil),
		"stdin": readRecords(t, Input{Path: StdinPath}, bytes.NewReader(in.Bytes())),
	} {
		if lines := lineTexts(got); len(lines) != 1 || lines[0] != msg {
			t.Errorf("%s: messages %q, want %q", name, lines, msg)
		}
	}
}

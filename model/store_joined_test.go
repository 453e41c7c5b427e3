package model

import (
	"bytes"
	"errors"
	"testing"
)

// oneLineFile re-reads raw bytes as a file source does: one whole line at a
// time, refusing a range that holds a newline (the file changed, or the
// range spans lines that were not read as one).
type oneLineFile struct{ data []byte }

func (f oneLineFile) ReadRaw(off int64, n int, buf []byte) ([]byte, error) {
	if off+int64(n) > int64(len(f.data)) {
		return buf, errors.New("file shrank")
	}
	line := f.data[off : off+int64(n)]
	if bytes.IndexByte(line, '\n') >= 0 {
		return buf, errors.New("the file changed since it was read")
	}
	return append(buf, line...), nil
}

// TestStoreHoldsJoinedEntries: an entry the decoder joined from several
// lines (the Twingate client's "Environment Information:" block, from
// testdata/realworld/twingate-client.log) cannot be re-read from its file
// as one line, so the store holds its bytes: a full load gives them back
// and the entry keeps its message. Single lines stay in the file.
func TestStoreHoldsJoinedEntries(t *testing.T) {
	block := "[2025-11-01T14:06:15.101763-05:00] [INFO] [client] Environment Information:\n" +
		"    OS: Linux 6.14.0-33-generic\n    Client version: 2025.301.0"
	single := "[2025-11-01T14:06:16.967901-05:00] [WARN] [client] Service state updated. [StateAggregationService.set_State]"
	data := []byte(block + "\n" + single + "\n")
	s := NewStore(StoreOptions{Reparse: func(e *Entry) {
		e.Fields = append(e.Fields, Str(KeyMessage, string(e.Raw)))
	}})
	s.SetRawReader(3, oneLineFile{data})
	s.Append([]Entry{
		{Source: 3, Kind: KindService, Raw: data[:len(block)], Origin: Origin{Offset: 0}},
		{Source: 3, Kind: KindService, Raw: data[len(block)+1 : len(data)-1], Origin: Origin{Offset: int64(len(block) + 1)}},
	})
	sn := s.Snapshot()
	for i, want := range []string{block, single} {
		var e Entry
		if err := sn.Load(int64(i+1), &e, LoadFull); err != nil {
			t.Fatalf("entry %d: %v", i+1, err)
		}
		if string(e.Raw) != want || e.Message() != want {
			t.Errorf("entry %d: raw %q message %q, want %q", i+1, e.Raw, e.Message(), want)
		}
	}
	if !sn.row(2).inFile() {
		t.Error("a single line is held in memory instead of re-read from its file")
	}
	if sn.row(1).inFile() {
		t.Error("a joined entry is to be re-read from its file, which cannot give it back")
	}
}

// A joined entry held in memory keeps the file offset of its first line,
// as a re-read line does, for every load: the detail pane and an export
// say where in the file it begins. An entry of no file has none.
func TestJoinedEntriesKeepTheirOffset(t *testing.T) {
	block := "[2025-11-01T14:06:15Z] [INFO] [client] Environment Information:\n    OS: Linux"
	data := []byte(block + "\n" + block + "\n")
	s := NewStore(StoreOptions{Reparse: func(e *Entry) {}})
	s.SetRawReader(3, oneLineFile{data})
	s.Append([]Entry{
		{Source: 3, Kind: KindService, Raw: data[:len(block)], Origin: Origin{Offset: 0}},
		{Source: 3, Kind: KindService, Raw: data[len(block)+1 : len(data)-1], Origin: Origin{Offset: int64(len(block) + 1)}},
		{Source: 4, Kind: KindService, Raw: []byte(block), Origin: Origin{Offset: -1}},
	})
	sn := s.Snapshot()
	for i, want := range []int64{0, int64(len(block) + 1), -1} {
		for _, what := range []Load{LoadIndex, LoadRaw, LoadFull} {
			var e Entry
			if err := sn.Load(int64(i+1), &e, what); err != nil {
				t.Fatalf("entry %d: %v", i+1, err)
			}
			if e.Origin.Offset != want || string(e.Raw) != block && what >= LoadRaw {
				t.Errorf("entry %d, load %v: offset %d raw %q, want %d", i+1, what, e.Origin.Offset, e.Raw, want)
			}
		}
	}
}

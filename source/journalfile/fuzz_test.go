package journalfile

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// fuzzBases are small real journal files (regular and compact), cut to the
// end of their last object so that mutations land on objects, not on the
// zeros journald preallocates.
var fuzzBases struct {
	once  sync.Once
	files [2][]byte
}

func loadFuzzBases(tb testing.TB) [2][]byte {
	fuzzBases.once.Do(func() {
		for i, compact := range []bool{false, true} {
			dir := buildJournal(tb, tb.TempDir(), "x.journal", syntheticExport(0, 40, 1), compact)
			b, err := os.ReadFile(filepath.Join(dir, "x.journal"))
			if err != nil {
				tb.Fatal(err)
			}
			h, err := parseHeader(b[:headerReadSize])
			if err != nil {
				tb.Fatal(err)
			}
			tail := h.TailObjectOffset
			end := tail + binary.LittleEndian.Uint64(b[tail+8:])
			fuzzBases.files[i] = b[:(end+7)&^7]
		}
	})
	return fuzzBases.files
}

// FuzzCorruptedFile overwrites bytes of a real journal file and cuts it
// short, then reads it every way the source does. Any error is fine; a
// panic, a hang or an allocation beyond the file's size is not.
func FuzzCorruptedFile(f *testing.F) {
	f.Add(uint8(0), uint32(0), []byte{}, uint32(0))
	f.Add(uint8(1), uint32(240), []byte{0xff, 0xff, 0xff, 0x7f}, uint32(0))
	f.Add(uint8(0), uint32(0), []byte{}, uint32(5000))
	f.Add(uint8(1), uint32(176), []byte{8, 0, 0, 0, 0, 0, 0, 0}, uint32(0))
	f.Add(uint8(0), uint32(4096), []byte{1, 4, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, uint32(0))
	// The compressed MESSAGE of the first entry, made garbage.
	f.Add(uint8(0), uint32(3734344+dataRegularPayload), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, uint32(0))
	f.Fuzz(func(t *testing.T, which uint8, at uint32, patch []byte, cut uint32) {
		bases := loadFuzzBases(t)
		b := append([]byte(nil), bases[which%2]...)
		if len(patch) > 0 {
			copy(b[int(at)%len(b):], patch)
		}
		if cut > 0 {
			b = b[:int(cut)%len(b)]
		}
		j, err := OpenFiles([]string{writeJournalFile(t, b)})
		if err != nil {
			return
		}
		defer j.Close()
		exercise(j)
	})
}

// exercise reads j forwards with fields, backwards, by cursor and by field
// values, ignoring errors.
func exercise(j *Journal) {
	_ = j.SetMatches(Expr{{{"_SYSTEMD_UNIT=u1.service"}, {"SYSLOG_IDENTIFIER=synthetic"}}})
	_ = j.SetMatches(nil)
	_ = j.SeekHead()
	var cursor string
	names := []string{"_SYSTEMD_UNIT", "MESSAGE"}
	vals := make([][]byte, len(names))
	arena := []byte("values of the entries before")
	for n := 0; n < 1000; n++ {
		ok, err := j.Next()
		if !ok || err != nil {
			break
		}
		arena, _, _ = j.Collect(names, vals, arena)
		_, _, _ = j.Field("MESSAGE", nil)
		_, _, _ = j.Field("_SYSTEMD_UNIT", nil)
		if l, err := j.Location(); err == nil {
			cursor = l.Cursor()
		}
	}
	_ = j.SeekTail()
	for n := 0; n < 1000; n++ {
		if ok, err := j.Previous(); !ok || err != nil {
			break
		}
	}
	if cursor != "" && j.SeekCursor(cursor) == nil {
		_, _ = j.Next()
	}
	_ = j.SeekRealtime(1_770_000_000_000_000 + 20*1000)
	_, _ = j.Next()
	_ = j.SeekHead()
	s := j.NewStream([]string{"MESSAGE", "_SYSTEMD_UNIT"}, 2)
	for n := 0; n < 1000; n++ {
		if _, _, ok := s.Next(); !ok {
			break
		}
	}
	s.Stop()
	_, _ = j.UniqueValues("_SYSTEMD_UNIT")
	_ = j.Problems()
	_, _ = j.Poll()
}

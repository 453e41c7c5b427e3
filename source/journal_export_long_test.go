package source

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
)

// longestLines are two entries of a file exported in the journal format,
// one of them a line as long as connlog keeps (DefaultMaxLineBytes): as
// text, or with a control byte that makes the writer use the binary form.
func longestLines(longFirst, binary bool) []model.Entry {
	at := time.Date(2026, 12, 4, 22, 0, 0, 0, time.UTC)
	long := bytes.Repeat([]byte{'C'}, DefaultMaxLineBytes)
	copy(long, "[INFO] [connector] x ")
	if binary {
		long[len(long)-1] = '\x01'
	}
	short := []byte("[INFO] [connector] State: Online")
	es := []model.Entry{
		{Time: at, Kind: model.KindService, Level: model.LevelInfo, Raw: long,
			Origin: model.Origin{Received: at, Offset: 0, Host: "gw-fra-1"}},
		{Time: at.Add(time.Second), Kind: model.KindService, Level: model.LevelInfo, Raw: short,
			Origin: model.Origin{Received: at.Add(time.Second), Offset: int64(len(long)) + 1, Host: "gw-fra-1"}},
	}
	if !longFirst {
		es[0].Raw, es[1].Raw = short, long
	}
	return es
}

// TestJournalExportKeepsTheLongestLine: a line as long as connlog keeps
// comes back whole from its journal export, first in the file or not, as
// text or binary, from a file or standard input; the first entry being
// long does not hide that the file is an export.
func TestJournalExportKeepsTheLongestLine(t *testing.T) {
	for _, longFirst := range []bool{true, false} {
		for _, binary := range []bool{false, true} {
			es := longestLines(longFirst, binary)
			path := writeJournalExport(t, es, export.CompressNone)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("long first %v, binary %v", longFirst, binary)
			t.Run(name+", file", func(t *testing.T) {
				if !IsJournalExportFile(path) {
					t.Fatal("not taken for a journal export")
				}
				checkWholeMessages(t, readRecords(t, Input{Path: path}, nil), es)
			})
			t.Run(name+", stdin", func(t *testing.T) {
				checkWholeMessages(t, readRecords(t, Input{Path: StdinPath}, bytes.NewReader(data)), es)
			})
		}
	}
}

// checkWholeMessages holds the records read back to the entries exported:
// one journal entry each, with the message whole and no gap.
func checkWholeMessages(t *testing.T, got []model.Record, es []model.Entry) {
	t.Helper()
	if len(got) != len(es) {
		t.Fatalf("read %d records, want %d: %s", len(got), len(es), describe(got))
	}
	for i, r := range got {
		if r.Mark != model.MarkLine || r.Journal == nil || r.Note != "" {
			t.Errorf("record %d: mark %v, journal %v, note %q; want a whole journal entry", i, r.Mark, r.Journal != nil, r.Note)
		}
		if !bytes.Equal(r.Raw, es[i].Raw) {
			t.Errorf("record %d: %d bytes beginning %q, want %d bytes", i, len(r.Raw), r.Raw[:min(len(r.Raw), 40)], len(es[i].Raw))
		}
		if want := es[i].Origin.Received; !r.Received.Equal(want) {
			t.Errorf("record %d received %v, want %v", i, r.Received, want)
		}
	}
}

// A head that ends inside a field's value, after the entry's first fields,
// begins an export; one that ends inside a line of text does not.
func TestSniffExportOfALongFirstEntry(t *testing.T) {
	cases := []struct {
		head   string
		export bool
	}{
		{"__REALTIME_TIMESTAMP=1\n_HOSTNAME=h\nMESSAGE=" + strings.Repeat("C", 100), true},
		{"MESSAGE=" + strings.Repeat("C", 100), true},
		{"__REALTIME_TIMESTAMP=1\n_HOSTNAME=" + strings.Repeat("h", 100), true},
		{"_HOSTNAME=h\nFOO=" + strings.Repeat("C", 100), false},                 // none of an entry's fields
		{"__REALTIME_TIMESTAMP=1\nthe text " + strings.Repeat("C", 100), false}, // text after a field
		{"2026-12-01T08:30:00Z MESSAGE=" + strings.Repeat("C", 100), false},     // a line that mentions one
		{"__REALTIME_TIMESTAMP=1\nmessage=" + strings.Repeat("C", 100), false},  // not a field's name
	}
	for _, c := range cases {
		if got := looksJournalExport([]byte(c.head), false); got != c.export {
			t.Errorf("looksJournalExport(%.40q…) = %v, want %v", c.head, got, c.export)
		}
	}
}

package export

import (
	"bytes"
	"testing"

	"connlog/model"
)

func TestRawRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		lines [][]byte
	}{
		{"fixture lines", fixtureLines(t)},
		{"hostile lines", hostileLines()},
		{"single empty line", [][]byte{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var input []byte
			var entries []*model.Entry
			for i, l := range tt.lines {
				input = append(append(input, l...), '\n')
				e := textEntry(string(l))
				e.Origin.Offset = int64(i)
				entries = append(entries, e)
			}
			got := encode(t, entries, Options{Format: FormatRaw})
			if !bytes.Equal(got, input) {
				t.Fatalf("raw export differs from input: %d bytes vs %d", len(got), len(input))
			}
		})
	}
}

func TestRawWritesRecordOnce(t *testing.T) {
	flows := flowEntries()
	second := flowEntries() // the same message read again later: written again
	second[0].Origin.Offset, second[1].Origin.Offset = 900, 900
	tests := []struct {
		name    string
		entries []*model.Entry
		want    int // lines
		skipped int64
	}{
		{"two items of one record", flows, 1, 0},
		{"same bytes at another offset", append(append([]*model.Entry{}, flows...), second...), 2, 0},
		{"item 0 repeated is a new record", []*model.Entry{flows[0], flows[0]}, 2, 0},
		{"gap markers are not lines", []*model.Entry{serviceEntry(), gapEntry(), serviceEntry()}, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := &Progress{}
			st, err := Stream(t.Context(), &buf, Slice(tt.entries), Options{Format: FormatRaw, Progress: p})
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(buf.Bytes(), []byte{'\n'}); n != tt.want {
				t.Errorf("wrote %d lines, want %d", n, tt.want)
			}
			if st.Skipped != tt.skipped || p.Skipped() != tt.skipped {
				t.Errorf("skipped = %d (progress %d), want %d", st.Skipped, p.Skipped(), tt.skipped)
			}
			if st.Entries != int64(len(tt.entries)) || st.Bytes != int64(buf.Len()) {
				t.Errorf("stats = %+v, want %d entries and %d bytes", st, len(tt.entries), buf.Len())
			}
		})
	}
}

// TestRawLastLineWithoutNewline: the last line of an input that ended
// without a newline (FlagNoNewline) ends the export without one, so that
// an unfiltered raw export of the file equals it; a line written after it
// (another input's) still starts a line of its own.
func TestRawLastLineWithoutNewline(t *testing.T) {
	last := textEntry("last, no newline")
	last.Flags |= model.FlagNoNewline
	first, other := textEntry("first"), textEntry("another input's")
	first.Origin.Offset, other.Source = 0, 2
	tests := []struct {
		name    string
		entries []*model.Entry
		want    string
	}{
		{"ends the export", []*model.Entry{first, last}, "first\nlast, no newline"},
		{"another line after it", []*model.Entry{first, last, other}, "first\nlast, no newline\nanother input's\n"},
		{"alone", []*model.Entry{last}, "last, no newline"},
		{"a gap after it", []*model.Entry{last, gapEntry()}, "last, no newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(encode(t, tt.entries, Options{Format: FormatRaw})); got != tt.want {
				t.Fatalf("raw export %q, want %q", got, tt.want)
			}
		})
	}
}

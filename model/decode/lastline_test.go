package decode

import (
	"testing"

	"connlog/model"
)

// TestLastLineWithoutNewline: the record of an input's last line that had
// no newline (model.NoteLastLine) makes an entry flagged FlagNoNewline,
// alone or as the last line of a block joined into one entry; the lines
// before it are not flagged.
func TestLastLineWithoutNewline(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  int // entries
	}{
		{"a service line", []string{"2026-12-06T01:00:00Z [INFO] [connector] full", "2026-12-06T01:00:01Z [INFO] [connector] last"}, 2},
		{"a client block", []string{"[2025-11-01T14:06:15Z] [INFO] [client] Environment Information:", "    OS: Linux", "    Client version: 1"}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs := lineRecords(tc.lines...)
			recs[len(recs)-1].Note = model.NoteLastLine
			es := decodeAll(Options{Reference: readTime}, recs)
			if len(es) != tc.want {
				t.Fatalf("%d entries, want %d", len(es), tc.want)
			}
			for i := range es {
				if last := i == len(es)-1; es[i].Flags.Has(model.FlagNoNewline) != last {
					t.Errorf("entry %d (%q): flags %b, want FlagNoNewline %v", i, es[i].Raw, es[i].Flags, last)
				}
			}
		})
	}
}

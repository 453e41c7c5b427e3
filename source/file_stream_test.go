package source

import (
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
)

// A compressed file read while the merge makes it wait (its lines are
// later than another input's) is not quiet: the rest of a line cut by a
// read is in the file, so the line must come whole, however long handing
// the lines before it on, or decompressing the rest on a busy machine,
// took. A quiet wait far shorter than those is set to show it.
func TestStreamHeldBackIsNotQuiet(t *testing.T) {
	lines := numbered("held", 20_000) // about 15 reads
	path := filepath.Join(t.TempDir(), "app.log.1.gz")
	writeFile(t, path, gzipped(t, joinLines(lines)))
	src := NewFile(path, 1, FileOptions{BatchRecords: 1000})
	src.quietAfter = 5 * time.Millisecond
	r := start(t, src)
	var got []model.Record
	deadline := time.After(waitLimit)
	for n := 0; n < len(lines); {
		select {
		case b := <-r.out:
			got = append(got, b...)
			n += len(lineTexts(b))
			time.Sleep(4 * src.quietAfter) // the merge waits for another input
		case <-deadline:
			t.Fatalf("%d lines of %d read", n, len(lines))
		}
	}
	for _, rec := range got {
		if rec.Note == NotePartialLine {
			t.Fatalf("line %q was sent partial", rec.Raw)
		}
	}
	equalLines(t, lineTexts(got), lines)
}

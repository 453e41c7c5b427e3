package source

import (
	"context"
	"strings"
	"testing"

	"connlog/model"
)

// A file read with FileOptions.BatchRecords sends batches of at most that
// many records, and every line.
func TestFileBatchRecords(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, joinLines(numbered("line", 1000)))
	for _, size := range []int{0, 100} {
		out := make(chan []model.Record)
		done := make(chan error, 1)
		go func() {
			done <- NewFile(path, 1, FileOptions{BatchRecords: size}).Run(context.Background(), out)
			close(out)
		}()
		largest, lines := 0, 0
		for b := range out {
			largest = max(largest, len(b))
			for _, r := range b {
				if r.Mark == model.MarkLine && strings.HasPrefix(string(r.Raw), "line") {
					lines++
				}
			}
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		want := size
		if want == 0 {
			want = batchMaxRecords
		}
		if lines != 1000 || largest > want || largest < want/2 {
			t.Errorf("BatchRecords %d: %d lines in batches of up to %d records, want up to %d", size, lines, largest, want)
		}
	}
}

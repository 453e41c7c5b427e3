package source

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// cutInHalf is the first half of b.
func cutInHalf(b []byte) []byte { return b[:len(b)/2] }

// A file ended without an error but not read whole says so in the list of
// inputs, not "done": one in a compression connlog does not read was never
// read, a corrupt one was read until it broke.
func TestInputStateSaysWhatWasNotRead(t *testing.T) {
	dir := t.TempDir()
	text := joinLines(numbered("x", 20))
	files := map[string][]byte{
		"a.log.2.lz": append([]byte("LZIP\x01\x0c"), text[:40]...),
		"a.log.1.gz": cutInHalf(gzipped(t, joinLines(numbered("y", 2000)))), // broken after its start (see TestCorruptFromItsStartIsShortOfAllOfIt)
		"a.log":      []byte(text),
	}
	var feeds []Feed
	names := []string{"a.log.2.lz", "a.log.1.gz", "a.log"}
	for i, name := range names {
		path := filepath.Join(dir, name)
		writeFile(t, path, files[name])
		feeds = append(feeds, Feed{ID: model.SourceID(i), Source: NewFile(path, model.SourceID(i), FileOptions{}), Finite: true})
	}
	var last []model.SourceStatus
	Ingest(context.Background(), feeds, func([]model.Entry, bool) {}, func(s []model.SourceStatus) { last = s })
	want := []string{"not read: lzip, a compression connlog does not read", "read until it broke: corrupt gzip", "done"}
	if len(last) != len(want) {
		t.Fatalf("states %+v", last)
	}
	for i, s := range last {
		if !s.Done || s.Err != "" || s.State != want[i] {
			t.Errorf("%s: %+v, want done with the state %q", names[i], s, want[i])
		}
		if strings.Contains(s.State, dir) {
			t.Errorf("%s: the state names the path again: %q", names[i], s.State)
		}
	}
}

package decode

import (
	"fmt"
	"testing"

	"connlog/model"
)

// readAs is what a reader sees of an entry's envelope: a line read in one
// input must show the same whatever input was read before it.
func readAs(e *model.Entry) string {
	return fmt.Sprintf("%s %v %v host=%q ident=%q %q", e.Origin.Envelope, e.Kind, e.Level, e.Origin.Host, e.Origin.Ident, e.Message())
}

// Lines of several envelopes piped together (cat of several containers'
// or hosts' logs) are each read as they are when their file is read alone:
// the envelope is checked again per line, whatever came before.
func TestConcatenatedFixturesReadAsAlone(t *testing.T) {
	for _, a := range fixtureFiles {
		for _, b := range fixtureFiles {
			alone := append(decodeAll(Options{Reference: readTime}, fileRecords(fixture(t, a.file))),
				decodeAll(Options{Reference: readTime}, fileRecords(fixture(t, b.file)))...)
			both := append(append([]byte{}, fixture(t, a.file)...), fixture(t, b.file)...)
			mixed := decodeAll(Options{Reference: readTime}, fileRecords(both))
			if len(mixed) != len(alone) {
				t.Errorf("%s then %s: %d entries, %d when read alone", a.file, b.file, len(mixed), len(alone))
				continue
			}
			for i := range mixed {
				if got, want := readAs(&mixed[i]), readAs(&alone[i]); got != want {
					t.Errorf("%s then %s, entry %d:\n got %s\nwant %s", a.file, b.file, i, got, want)
					break
				}
			}
		}
	}
}

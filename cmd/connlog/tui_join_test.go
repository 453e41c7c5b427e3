package main

import (
	"strings"
	"testing"
)

// TestJoinedFilesClearTheUnmatchedNote: once a file matching a followed
// pattern appears, the footer stops saying no file matches it and names
// the new file; what it said of the other patterns and inputs stays.
func TestJoinedFilesClearTheUnmatchedNote(t *testing.T) {
	notes := footerNoteParts(unmatchedNote("/d/*.log") + "\n" + unmatchedNote("/e/*.log") + "\nconnlog: a and b are the same file: read once, as a\n")
	j := newTUIJoins(nil, notes, []string{"/d/*.log", "/e/*.log", "a", "b"})

	j.joined(nil, []sourceInfo{{Path: "/d/x.log"}})
	want := strings.TrimPrefix(unmatchedNote("/e/*.log"), "connlog: ") + "; a and b are the same file: read once, as a; reading new file /d/x.log"
	if j.notice != want {
		t.Fatalf("notice after the first file:\n got %q\nwant %q", j.notice, want)
	}

	j.joined(nil, []sourceInfo{{Path: "/e/y.log"}, {Path: "/e/z.log"}})
	want = "a and b are the same file: read once, as a; reading 2 new files: /e/y.log and more"
	if j.notice != want {
		t.Fatalf("notice after two more:\n got %q\nwant %q", j.notice, want)
	}
	if got := strings.Join(j.paths, " "); got != "/d/x.log /e/y.log /e/z.log" {
		t.Errorf("paths to send %q", got)
	}
}

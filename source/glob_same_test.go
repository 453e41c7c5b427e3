package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExpandInputsReadsAFileOnce: names that reach the same file (a
// symbolic link, a hard link, glob matches through linked directories) make
// one input, under the name given first, which knows the others; files
// that only hold the same bytes stay apart.
func TestExpandInputsReadsAFileOnce(t *testing.T) {
	dir := t.TempDir()
	at := func(p string) string { return filepath.Join(dir, p) }
	for _, p := range []string{"midnight.log", "copy.log", "a.log", "a.log.1", "pods/ns_web_1/web/0.log", "pods/ns_db_2/db/0.log"} {
		if err := os.MkdirAll(filepath.Dir(at(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, at(p), []byte("the same line\n"))
	}
	links := [][2]string{{"midnight.log", "mlink.log"}, {"../pods/ns_web_1/web/0.log", "containers/web_ns_1.log"},
		{"../pods/ns_db_2/db/0.log", "containers/db_ns_2.log"}, {"a.log.1", "old.log.1"}}
	for _, l := range links {
		if err := os.MkdirAll(filepath.Dir(at(l[1])), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(l[0], at(l[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(at("midnight.log"), at("hard.log")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		args        []string
		withRotated bool
		want        []Input
	}{
		{"a link and its target", []string{at("mlink.log"), at("midnight.log")}, false,
			[]Input{{Path: at("mlink.log"), Follow: true, AlsoNamed: []string{at("midnight.log")}}}},
		{"a target and its link", []string{at("midnight.log"), at("mlink.log"), at("midnight.log")}, false,
			[]Input{{Path: at("midnight.log"), Follow: true, AlsoNamed: []string{at("mlink.log")}}}},
		{"a hard link", []string{at("hard.log"), at("mlink.log"), at("copy.log")}, false,
			[]Input{{Path: at("hard.log"), Follow: true, AlsoNamed: []string{at("mlink.log")}}, {Path: at("copy.log"), Follow: true}}},
		{"the same name twice is no other name", []string{at("copy.log"), dir + "/pods/../copy.log"}, false,
			[]Input{{Path: at("copy.log"), Follow: true}}},
		{"pods and containers", []string{at("pods/*/*/*.log"), at("containers/*.log")}, false,
			[]Input{{Path: at("pods/ns_db_2/db/0.log"), Follow: true, AlsoNamed: []string{at("containers/db_ns_2.log")}},
				{Path: at("pods/ns_web_1/web/0.log"), Follow: true, AlsoNamed: []string{at("containers/web_ns_1.log")}}}},
		{"a rotated copy named through a link", []string{at("old.log.1"), at("a.log")}, true,
			[]Input{{Path: at("old.log.1")}, {Path: at("a.log"), Follow: true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ExpandInputs(tc.args, tc.withRotated)
			if err != nil || !slices.EqualFunc(got, tc.want, equalNames) {
				t.Fatalf("ExpandInputs = %+v, %v\nwant %+v", got, err, tc.want)
			}
		})
	}
}

func equalNames(a, b Input) bool {
	return equalInput(a, b) && strings.Join(a.AlsoNamed, "|") == strings.Join(b.AlsoNamed, "|")
}

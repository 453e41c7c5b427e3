package main

import "testing"

// TestTitleOfSeveralFiles: several files are counted with the directory
// they share, so that the title says what is open however many there are.
func TestTitleOfSeveralFiles(t *testing.T) {
	files := func(names ...string) []sourceInfo {
		out := make([]sourceInfo, 0, len(names))
		for _, n := range names {
			out = append(out, sourceInfo{Name: n, Path: n})
		}
		return out
	}
	cases := []struct {
		name  string
		infos []sourceInfo
		want  string
	}{
		{"one file", files("logs/a/c-1.log"), "logs/a/c-1.log"},
		{"seven in one directory", files("logs/a/c-1.log", "logs/a/c-2.log", "logs/a/c-3.log", "logs/a/c-4.log",
			"logs/a/c-5.log", "logs/a/c-6.log", "logs/a/c-7.log"), "7 files in logs/a/"},
		{"in sibling directories", files("/var/lib/docker/containers/ab/ab-json.log",
			"/var/lib/docker/containers/cd/cd-json.log"), "2 files in /var/lib/docker/containers/"},
		{"one directory holds the other", files("/var/log/a.log", "/var/log/old/a.log"), "2 files in /var/log/"},
		{"only the root shared", files("/var/log/a.log", "/srv/b.log"), "2 files"},
		{"in the working directory", files("a.log", "b.log"), "2 files"},
		{"a relative and an absolute path", files("a.log", "/var/log/b.log"), "2 files"},
		{"a file and stdin", append(files("a.log"), sourceInfo{Name: "stdin"}), "a.log, stdin"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := title(c.infos, ""); got != c.want {
				t.Errorf("title %q; want %q", got, c.want)
			}
		})
	}
}

package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"c1/c1-json.log", "c2/c2-json.log", "c2/c2-json.log.1", "a.log", "a.log.1", "a.log.2.gz", "b.log.gz", "odd[1].log"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, full, nil)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.log"), 0o755); err != nil {
		t.Fatal(err)
	}
	at := func(p string) string { return filepath.Join(dir, p) }
	tests := []struct {
		name        string
		args        []string
		withRotated bool
		want        []Input
		wantErr     string
	}{
		{"stdin", []string{"-"}, false, []Input{{Path: "-"}}, ""},
		{"a pattern the shell left alone", []string{at("*/*-json.log")}, false,
			[]Input{{Path: at("c1/c1-json.log"), Follow: true}, {Path: at("c2/c2-json.log"), Follow: true}}, ""},
		{"a missing file may appear later", []string{at("later.log")}, false, []Input{{Path: at("later.log"), Follow: true}}, ""},
		{"an existing name with glob characters is literal", []string{at("odd[1].log")}, false, []Input{{Path: at("odd[1].log"), Follow: true}}, ""},
		{"rotated and compressed files are read once", []string{at("a.log.1"), at("b.log.gz")}, false,
			[]Input{{Path: at("a.log.1")}, {Path: at("b.log.gz")}}, ""},
		{"the same file twice is read once", []string{at("a.log"), dir + "/c1/../a.log", at("a.log")}, false,
			[]Input{{Path: at("a.log"), Follow: true}}, ""},
		{"with rotated", []string{at("a.log")}, true,
			[]Input{{Path: at("a.log.2.gz")}, {Path: at("a.log.1")}, {Path: at("a.log"), Follow: true}}, ""},
		{"a sibling named too is read with its live file", []string{at("a.log*")}, true,
			[]Input{{Path: at("a.log.2.gz")}, {Path: at("a.log.1")}, {Path: at("a.log"), Follow: true}}, ""},
		{"a sibling named first is read before its live file", []string{at("a.log.1"), at("b.log.gz"), at("a.log")}, true,
			[]Input{{Path: at("b.log.gz")}, {Path: at("a.log.2.gz")}, {Path: at("a.log.1")}, {Path: at("a.log"), Follow: true}}, ""},
		{"a pattern skips directories", []string{at("*.log")}, false,
			[]Input{{Path: at("a.log"), Follow: true}, {Path: at("odd[1].log"), Follow: true}}, ""},
		{"directory", []string{at("dir.log")}, false, nil, at("dir.log") + " is a directory"},
		{"no match", []string{at("*.nothing")}, false, nil, "no file matches " + at("*.nothing")},
		{"bad pattern", []string{at("[x")}, false, nil, "bad pattern " + at("[x")},
		{"stdin twice", []string{"-", "-"}, false, nil, "standard input (-) is named twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ExpandInputs(tc.args, tc.withRotated)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("ExpandInputs = %+v, %v; want error %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || !slices.EqualFunc(got, tc.want, equalInput) {
				t.Fatalf("ExpandInputs = %+v, %v\nwant %+v", got, err, tc.want)
			}
		})
	}
}

func TestNewInput(t *testing.T) {
	tests := []struct {
		name       string
		in         Input
		follow     bool
		wantName   string
		wantFollow bool
	}{
		{"stdin", Input{Path: "-"}, true, "stdin", false},
		{"live file followed", Input{Path: "/x.log", Follow: true}, true, "/x.log", true},
		{"live file, no follow asked", Input{Path: "/x.log", Follow: true}, false, "/x.log", false},
		{"rotated file never followed", Input{Path: "/x.log.1"}, true, "/x.log.1", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := NewInput(tc.in, 1, FileOptions{Follow: tc.follow}, strings.NewReader(""))
			if src.Name() != tc.wantName {
				t.Fatalf("Name = %q, want %q", src.Name(), tc.wantName)
			}
			if f, ok := src.(*File); ok && f.opts.Follow != tc.wantFollow {
				t.Fatalf("follow = %v, want %v", f.opts.Follow, tc.wantFollow)
			}
		})
	}
}

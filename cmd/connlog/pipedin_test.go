package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPipedIn: a pipe or a file on standard input is lines given to
// connlog; a terminal, /dev/null or a reader of a test is not.
func TestPipedIn(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file := filepath.Join(t.TempDir(), "x.log")
	if err := os.WriteFile(file, []byte("a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for _, c := range []struct {
		name string
		in   io.Reader
		want bool
	}{
		{"a pipe", r, true},
		{"a file", f, true},
		{"/dev/null", null, false},
		{"not a file", strings.NewReader("a\n"), false},
	} {
		if got := pipedIn(c.in); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTheInterfaceReadsAPipedStandardInput: given no input, the interface
// reads a piped standard input instead of the journal; export, and a
// command that names its input or a journal, do not.
func TestTheInterfaceReadsAPipedStandardInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"-"}},
		{[]string{"-u", "newt", "-q", "level>=warn"}, []string{"-"}},
		{[]string{"a.log"}, []string{"a.log"}},
		{[]string{"export"}, nil},
		{[]string{"--demo"}, nil},
		{[]string{"-D", "dir"}, nil},
		{[]string{"--file", "system.journal"}, nil},
		{[]string{"-b", "-1"}, nil},
		{[]string{"--cursor", "s=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c;i=1a;b=9a7d5e3c1b2f4e6d8c0a1b3d5f7e9c2a;m=3e8;t=64a1c2b3d4e5f;x=1f2e3d4c5b6a7988"}, nil},
		{[]string{"--victorialogs", "http://127.0.0.1:9428"}, nil},
	} {
		cfg, err := parseArgsWith(c.args, io.Discard, true)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if !reflect.DeepEqual(cfg.Files, c.want) {
			t.Errorf("%v with a piped standard input: inputs %q, want %q", c.args, cfg.Files, c.want)
		}
	}
	if cfg, _ := parseArgsWith(nil, io.Discard, false); cfg.Files != nil {
		t.Errorf("a terminal on standard input: inputs %q, want the journal", cfg.Files)
	}
}

package source

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestStdinReadsToEOF(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"docker logs -t", "2023-09-15T12:03:47.692712516Z [INFO] a\n2023-09-15T12:03:47.7Z [WARN] b\n", []string{"2023-09-15T12:03:47.692712516Z [INFO] a", "2023-09-15T12:03:47.7Z [WARN] b"}},
		{"no final newline", "a\nb", []string{"a", "b"}},
		{"nothing", "", nil},
		{"crlf kept", "a\r\n", []string{"a\r"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := NewStdin(strings.NewReader(tc.input), 2)
			r := start(t, src)
			if err := r.finish(); err != nil {
				t.Fatal(err)
			}
			equalLines(t, lineTexts(r.got), tc.want)
			checkLastLineNote(t, tc.input, r.got)
			for _, rec := range r.got {
				if rec.Offset != -1 || rec.Source != 2 {
					t.Fatalf("record offset %d source %d, want -1 and 2", rec.Offset, rec.Source)
				}
			}
			if src.State() != "stdin closed (EOF)" {
				t.Fatalf("State = %q", src.State())
			}
		})
	}
}

func TestStdinCancelWhileBlocked(t *testing.T) {
	pr, _ := io.Pipe() // a writer that never writes
	r := start(t, NewStdin(pr, 1))
	if err := r.stop(); err != nil {
		t.Fatalf("Run after cancel = %v, want nil", err)
	}
}

func TestStdinReadError(t *testing.T) {
	boom := errors.New("boom")
	pr, pw := io.Pipe()
	r := start(t, NewStdin(pr, 1))
	pw.Write([]byte("kept\n"))
	pw.CloseWithError(boom)
	err := r.finish()
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "read stdin: ") {
		t.Fatalf("Run = %v", err)
	}
	equalLines(t, lineTexts(r.got), []string{"kept"})
}

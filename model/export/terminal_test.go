package export

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"connlog/model/inert"
)

func TestTerminalWriterMakesControlsVisible(t *testing.T) {
	in := "title \x1b]0;pwned\x07 clip \x1b]52;c;ZXZpbA==\x07\r\nnext\tline é \u202e\n"
	want := "title ␛]0;pwned\\x07 clip ␛]52;c;ZXZpbA==\\x07\\r\nnext\\tline é ‹U+202E›\n"
	// Whatever the write boundaries, even inside é, the result is the same.
	for split := 0; split <= len(in); split++ {
		var out bytes.Buffer
		w := NewTerminalWriter(&out)
		for _, part := range []string{in[:split], in[split:]} {
			if n, err := w.Write([]byte(part)); err != nil || n != len(part) {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Fatalf("split at %d:\n got %q\nwant %q", split, out.String(), want)
		}
	}
	var out bytes.Buffer
	w := NewTerminalWriter(&out)
	_, _ = w.Write([]byte("cut \xc3"))
	_ = w.Flush()
	if out.String() != `cut \xc3` {
		t.Errorf("a cut character at the end = %q", out.String())
	}
}

// FuzzTerminalWriter: whatever log content arrives, in whatever pieces, a
// terminal gets no control character but the newline, only valid UTF-8,
// the same lines, and the same output as Sanitize gives line by line.
func FuzzTerminalWriter(f *testing.F) {
	f.Add([]byte("a\x1b]0;t\x07\r\nb\xc3"), uint8(3))
	f.Add([]byte("é\u202e\u200b\n\n"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		var out bytes.Buffer
		w := NewTerminalWriter(&out)
		split := int(cut) % (len(data) + 1)
		for _, part := range [][]byte{data[:split], data[split:]} {
			if _, err := w.Write(part); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		got := out.Bytes()
		for _, c := range got {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				t.Fatalf("control byte %#x reaches the terminal: %q", c, got)
			}
		}
		if !utf8.Valid(got) {
			t.Fatalf("invalid UTF-8: %q", got)
		}
		var want []byte
		for i, line := range bytes.Split(data, []byte{'\n'}) {
			if i > 0 {
				want = append(want, '\n')
			}
			want = append(want, inert.Sanitize(string(line))...)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

package export

import (
	"bytes"
	"testing"
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

package synth

import (
	"bytes"
	"testing"
	"time"
)

// WriteDockerTS writes n lines, each the line Next makes after its time in
// docker's form, so that a corpus and a generator's lines agree.
func TestWriteDockerTSWritesNextLinesAfterTheirTimes(t *testing.T) {
	var b bytes.Buffer
	if err := New(5, Options{}).WriteDockerTS(&b, 50); err != nil {
		t.Fatal(err)
	}
	g := New(5, Options{})
	lines := bytes.Split(bytes.TrimSuffix(b.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != 50 {
		t.Fatalf("%d lines, want 50", len(lines))
	}
	for i, l := range lines {
		want, at, _ := g.Next(nil)
		stamp, rest, _ := bytes.Cut(l, []byte(" "))
		got, err := time.Parse(time.RFC3339Nano, string(stamp))
		if err != nil || !got.Equal(at) || !bytes.Equal(rest, want) {
			t.Fatalf("line %d = %q; want %s %q", i, l, at.Format(time.RFC3339Nano), want)
		}
	}
}

package triage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// decodeFile reads a fixture the way a source would hand it over: one
// record per line, through the decoder, lean or not.
func decodeFile(t *testing.T, path string, lean bool) []model.Entry {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return decodeLines(bytes.SplitAfter(data, []byte("\n")), lean)
}

func decodeLines(lines [][]byte, lean bool) []model.Entry {
	d := decode.New(0, decode.Options{Location: time.UTC, Reference: time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC),
		LeanService: lean, LeanAnalytics: lean})
	var out []model.Entry
	for _, l := range lines {
		if len(l) == 0 {
			continue
		}
		out = d.Decode(&model.Record{Raw: append([]byte(nil), l...), Offset: -1}, out)
	}
	return d.Flush(out)
}

func fixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
}

// entry builds a service line entry at a time.
func serviceEntry(at time.Time, line string) model.Entry {
	es := decodeLines([][]byte{[]byte(line + "\n")}, false)
	es[0].Time = at
	return es[0]
}

func newLeanServiceDecoder() *decode.Decoder {
	return decode.New(0, decode.Options{Location: time.UTC, LeanService: true})
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// A bundle's end_offset is just past the last line read, its newline
// included: tail -c +$((end_offset+1)) resumes at the next line, and for a
// file read whole it is the file's size, whether it ends in a newline or
// not.
func TestBundleEndOffsetIsPastTheLastNewline(t *testing.T) {
	lines := "2026-12-06T01:00:01Z [INFO] [connector] one\n2026-12-06T01:00:02Z [INFO] [connector] two\n"
	for name, text := range map[string]string{"newline": lines, "no newline": lines + "2026-12-06T01:00:03Z [INFO] [connector] three"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "app.log"), filepath.Join(dir, "b.tar")
			must(t, os.WriteFile(in, []byte(text), 0o644))
			if _, stderr, code := runCLI(t, "export", "-o", out, in); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var m struct {
				Sources []struct {
					FirstOffset *int64 `json:"first_offset"`
					EndOffset   *int64 `json:"end_offset"`
				}
			}
			if err := json.Unmarshal(untar(t, out)["manifest.json"], &m); err != nil {
				t.Fatal(err)
			}
			if len(m.Sources) != 1 || m.Sources[0].EndOffset == nil || *m.Sources[0].FirstOffset != 0 || *m.Sources[0].EndOffset != int64(len(text)) {
				t.Fatalf("manifest sources %s; want end_offset %d, the file's size", untar(t, out)["manifest.json"], len(text))
			}
		})
	}
}

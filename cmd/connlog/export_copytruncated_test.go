package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seqLines are the lines seq=from…to, one a second.
func seqLines(from, to int) string {
	var b strings.Builder
	for n := from; n <= to; n++ {
		fmt.Fprintf(&b, "2024-05-01T10:%02d:%02dZ INFO seq=%d\n", n/60, n%60, n)
	}
	return b.String()
}

// appendLog adds text to the log at path, as its writer does.
func appendLog(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	must(t, err)
	_, err = f.WriteString(text)
	must(t, err)
	must(t, f.Close())
}

// TestExportFollowCopyTruncatedToAnotherName: `export -f --fail-on-loss`
// of app.log alone, or of the pattern 'DIR/*.log', while app.log is
// copied to app-1.log and truncated, with lines connlog had not read yet:
// they are read from the copy, every line is exported once, in order, and
// the export ends without a loss. It said an unknown amount may be
// missing, and failed; following the pattern, the copy's lines were not
// read at all.
func TestExportFollowCopyTruncatedToAnotherName(t *testing.T) {
	for _, follow := range []string{"app.log", "*.log"} {
		t.Run(follow, func(t *testing.T) {
			dir := t.TempDir()
			log := filepath.Join(dir, "app.log")
			writeLog(t, log, seqLines(1, 10))
			p, stop := startExport(t, "export", "-f", "--fail-on-loss", "--format", "raw", filepath.Join(dir, follow))
			p.waitStdout(t, seqLines(10, 10))
			// The writer adds 11…20 just before the copy, which connlog
			// does not see before the truncation.
			writeLog(t, filepath.Join(dir, "app-1.log"), seqLines(1, 20))
			must(t, os.Truncate(log, 0))
			appendLog(t, log, seqLines(21, 23))
			p.waitStdout(t, seqLines(23, 23))
			// The pattern is expanded again at every poll (200ms): app-1.log
			// has been looked at a few times by now.
			time.Sleep(time.Second)
			appendLog(t, log, seqLines(24, 24))
			p.waitStdout(t, seqLines(24, 24))
			if err := stop(); err != nil {
				t.Errorf("the export failed: %v; stderr %q", err, p.stderr.String())
			}
			if got, want := p.stdout.String(), seqLines(1, 24); got != want {
				t.Errorf("exported\n%s\nwant\n%s", got, want)
			}
		})
	}
}

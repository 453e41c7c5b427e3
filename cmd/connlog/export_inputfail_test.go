package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/source"
)

// failingInput sends its lines, then fails with err as a read error
// would, closing failed if set; without err it follows until stopped.
type failingInput struct {
	name   string
	lines  string
	gap    string // the note of a gap sent after the lines, if any
	err    error
	failed chan struct{}
}

func (f *failingInput) Name() string { return f.name }

func (f *failingInput) Run(ctx context.Context, out chan<- []model.Record) error {
	var batch []model.Record
	for _, l := range strings.SplitAfter(f.lines, "\n") {
		if l != "" {
			batch = append(batch, model.Record{Raw: []byte(strings.TrimSuffix(l, "\n")), Offset: -1, Received: time.Now()})
		}
	}
	if f.gap != "" {
		batch = append(batch, model.Record{Offset: -1, Received: time.Now(), Mark: model.MarkGap, Note: f.gap})
	}
	out <- batch // read on after a stop too, as a file's last read is
	if f.err == nil {
		<-ctx.Done()
		return nil
	}
	if f.failed != nil {
		close(f.failed)
	}
	return f.err
}

// useInputs makes the export read srcs in place of the inputs it names.
func useInputs(t *testing.T, srcs ...source.Source) {
	t.Helper()
	saved := buildFeedsFunc
	buildFeedsFunc = func(Config, io.Reader, bool) ([]source.Feed, []sourceInfo, error) {
		var feeds []source.Feed
		var infos []sourceInfo
		for i, s := range srcs {
			id := model.SourceID(i)
			feeds = append(feeds, source.Feed{ID: id, Source: s})
			infos = append(infos, sourceInfo{ID: id, Name: s.Name()})
		}
		return feeds, infos, nil
	}
	t.Cleanup(func() { buildFeedsFunc = saved })
}

// TestFollowedExportKeepsWhatItWroteWhenAnInputFails: `export -f` whose
// input fails partway (an I/O error) keeps what it had written, as a
// stopped follow does: a file is committed, a compressed stream on
// standard output is closed. Stderr says which input failed and why, where
// what was written is and what to do, and the gaps of the range, as any
// end does; the exit status is 1.
func TestFollowedExportKeepsWhatItWroteWhenAnInputFails(t *testing.T) {
	lines := stampedLines("before", 1, 3)
	for _, toFile := range []bool{true, false} {
		t.Run(map[bool]string{true: "to a file", false: "to standard output, compressed"}[toFile], func(t *testing.T) {
			useInputs(t, &failingInput{name: "app.log", lines: lines, gap: "rotation", err: errors.New("read app.log: input/output error")})
			out := filepath.Join(t.TempDir(), "out.log")
			args := []string{"export", "-f", "--format", "raw", "-o", out, "app.log"}
			where := out
			if !toFile {
				args = []string{"export", "-f", "--format", "raw", "--compress", "gzip", "app.log"}
				where = "standard output"
			}
			stdout, stderr, code := runCLI(t, args...)
			got, _ := os.ReadFile(out)
			if !toFile {
				got = gunzip(t, []byte(stdout))
			}
			if code != 1 || string(got) != lines {
				t.Errorf("exit %d, output %q; want 1 and %q", code, got, lines)
			}
			for _, want := range []string{
				"connlog: warning: the exported range has gaps — 1 gap: 1 of unknown size (rotation)",
				// The gap is an entry, which a raw export does not write.
				"connlog: read app.log: input/output error\n" + where + " holds the 4 entries written; the rest of the failed input is not in it: check that it can be read, then export it again\n",
			} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q; want %q in it", stderr, want)
				}
			}
		})
	}
}

// TestFollowedExportOfSeveralInputsKeepsWhatItWroteWhenOneFails: one input
// of a followed export fails while another goes on until the follow is
// stopped; the stop keeps every line written, the failed input's
// included, and the failure is still the export's error.
func TestFollowedExportOfSeveralInputsKeepsWhatItWroteWhenOneFails(t *testing.T) {
	failed := make(chan struct{})
	bad := &failingInput{name: "bad.log", lines: stampedLines("bad", 1, 2), err: errors.New("read bad.log: input/output error"), failed: failed}
	good := &failingInput{name: "good.log", lines: stampedLines("good", 3, 2)}
	useInputs(t, bad, good)
	out := filepath.Join(t.TempDir(), "out.log")
	cfg := Config{Export: true, Follow: true, Files: []string{"bad.log", "good.log"}, Output: out, Format: "raw", Compress: "none"}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var stderr strings.Builder
	done := make(chan error, 1)
	go func() { done <- runExport(ctx, cfg, strings.NewReader(""), io.Discard, &stderr) }()
	select {
	case <-failed:
	case <-time.After(10 * time.Second):
		t.Fatal("the input never failed")
	}
	stop() // a signal

	err := <-done
	got, _ := os.ReadFile(out)
	if want := stampedLines("bad", 1, 2) + stampedLines("good", 3, 2); string(got) != want {
		t.Errorf("%s holds %q; want %q", out, got, want)
	}
	if err == nil || !strings.Contains(err.Error(), "read bad.log: input/output error") {
		t.Errorf("error %v; want the failed input's", err)
	}
}

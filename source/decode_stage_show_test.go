package source

import (
	"context"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// fedInput sends the batches it is fed, one by one, until the run ends: a
// followed input whose writer pauses for as long as the test likes.
type fedInput struct{ batches chan []model.Record }

func (f fedInput) Name() string { return "fed" }

func (f fedInput) Run(ctx context.Context, out chan<- []model.Record) error {
	for {
		select {
		case b := <-f.batches:
			select {
			case out <- b:
			case <-ctx.Done():
				return nil
			}
		case <-ctx.Done():
			return nil
		}
	}
}

// fedIngest runs Ingest over one fedInput with the decode stage's waits
// set to w, and returns the channel that feeds it and the one its entries'
// Raw come out of. The test's cleanup ends the run.
func fedIngest(t *testing.T, w stageWaits) (chan<- []model.Record, <-chan string) {
	t.Helper()
	in := fedInput{batches: make(chan []model.Record)}
	raws := make(chan string, 64)
	sink := func(es []model.Entry, _ bool) {
		for i := range es {
			raws <- string(es[i].Raw)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Ingest(ctx, []Feed{{ID: 0, Source: in, waits: w}}, sink, nil)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return in.batches, raws
}

// lineBatch is a batch of records, one per line, as a pipe's reader sends
// the lines of one write.
func lineBatch(lines ...string) []model.Record {
	b := make([]model.Record, len(lines))
	for i, l := range lines {
		b[i] = model.Record{Raw: []byte(l), Offset: -1, Received: time.Now()}
	}
	return b
}

// nextRaw waits for the next entry's Raw, failing after waitLimit.
func nextRaw(t *testing.T, raws <-chan string, what string) string {
	t.Helper()
	select {
	case r := <-raws:
		return r
	case <-time.After(waitLimit):
		t.Fatalf("%s never came out", what)
		return ""
	}
}

// The last line an input brings before it goes quiet comes out although
// the decoder held it to see whether the next line continues it, however
// long the input stays quiet: a SIEM reading a followed export, or the live
// tail, sees it then and not when the next line comes. The stage's idle
// wait (when it lets go of its buffers) is made endless here: only the
// short wait for what is held may show the line.
func TestHeldLineComesOutOnceTheInputIsQuiet(t *testing.T) {
	cases := []struct {
		name string
		line string
	}{
		{"a header that indented lines may follow", "[2026-12-06T10:00:00.101763+00:00] [INFO] [client] Environment Information:"},
		{"the first line of a JSON document", `{"level": "info",`},
		{"a line without a time, waiting for one to take", "starting up"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			feed, raws := fedIngest(t, stageWaits{idle: time.Hour})
			feed <- lineBatch(tc.line)
			if got := nextRaw(t, raws, "the held line"); got != tc.line {
				t.Fatalf("entry %q, want %q", got, tc.line)
			}
		})
	}
}

// Lines written together are read together, into one batch: a stack
// trace's indented lines and a JSON document's lines still make one
// entry, even when the stage shows what it holds as soon as the input
// pauses at all.
func TestLinesReadTogetherStayOneEntry(t *testing.T) {
	trace := []string{
		"[2026-12-06T10:00:00.101763+00:00] [ERROR] [client] Exception in thread main:",
		"    at com.example.Foo.bar(Foo.java:10)",
		"    at com.example.Main.main(Main.java:5)",
	}
	doc := []string{"{", `  "level": "info",`, `  "msg": "started"`, "}"}
	feed, raws := fedIngest(t, stageWaits{show: time.Nanosecond, idle: time.Hour})
	feed <- lineBatch(trace...)
	if got, want := nextRaw(t, raws, "the stack trace"), strings.Join(trace, "\n"); got != want {
		t.Fatalf("entry %q, want the whole trace %q", got, want)
	}
	feed <- lineBatch(doc...)
	if got, want := nextRaw(t, raws, "the document"), strings.Join(doc, "\n"); got != want {
		t.Fatalf("entry %q, want the whole document %q", got, want)
	}
}

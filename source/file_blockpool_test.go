package source

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// A file's head read into reused memory (FileOptions.ReuseBlocks) must
// give the store what fresh memory gives it, entry for entry, even when
// every block's bytes are overwritten as soon as it is given back: nothing
// the store or the decoders keep may still lie in them. The files cover
// the envelopes whose origins come from the line (a syslog host, a compose
// service, a container stream) and a connector's log as the TUI reads it.
func TestReusedBlocksStoreWhatFreshMemoryStores(t *testing.T) {
	var paths []string
	for _, dir := range []string{"../testdata/envelopes", "../testdata/realworld"} {
		logs, err := filepath.Glob(filepath.Join(dir, "*.log"))
		if err != nil || len(logs) == 0 {
			t.Fatalf("no fixtures in %s: %v", dir, err)
		}
		for _, log := range logs {
			paths = append(paths, withoutComments(t, log))
		}
	}
	connector := writeConnectorLog(t, 7, 3000)
	if b, _ := os.ReadFile(connector); !strings.Contains(string(b), "ANALYTICS {") {
		t.Fatal("the connector log has no ANALYTICS event")
	}
	paths = append(paths, connector)
	var released atomic.Int64 // blocks given back, by the reader and the merger
	onRelease = func(buf []byte) {
		released.Add(1)
		for i := range buf {
			buf[i] = '#'
		}
	}
	var fieldsReleased atomic.Int64 // field blocks given back by the merger
	onFieldsRelease = func(bs decode.FieldBlocks) {
		fieldsReleased.Add(int64(len(bs)))
		for _, p := range bs {
			b := (*p)[:cap(*p)]
			for i := range b {
				b[i] = model.Field{Key: "#", Value: "#", Num: -1, IsNum: true}
			}
		}
	}
	t.Cleanup(func() { onRelease, onFieldsRelease = nil, nil })
	// Batches are prepared by workers (and their fields carved from pooled
	// blocks) only with more than one CPU.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			before, fieldsBefore := released.Load(), fieldsReleased.Load()
			start := time.Now()
			fresh := dumpStore(t, ingestTailFirst(path, false), start)
			reused := dumpStore(t, ingestTailFirst(path, true), start)
			if released.Load() == before {
				t.Fatal("no block was given back: the test reads nothing from reused memory")
			}
			if path == connector && fieldsReleased.Load() == fieldsBefore {
				t.Fatal("no field block was given back: the test reads no fields from reused memory")
			}
			if len(fresh) != len(reused) {
				t.Fatalf("%d entries from fresh memory, %d from reused", len(fresh), len(reused))
			}
			for i := range fresh {
				if fresh[i] != reused[i] {
					t.Fatalf("entry %d differs:\n fresh  %s\n reused %s", i, fresh[i], reused[i])
				}
			}
		})
	}
}

// ingestTailFirst reads path tail first, in blocks of a few lines, into a
// store as the TUI does.
func ingestTailFirst(path string, reuse bool) *model.Store {
	src := NewFile(path, 0, FileOptions{TailFirst: true, ReuseBlocks: reuse})
	src.tailSizes = tailFirstSizes{min: 1, tail: 300, blockBytes: 700}
	return ingestInStore(src, decode.Options{Location: time.UTC, Reference: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), IndexService: true, Templates: true})
}

// dumpStore describes every entry of the store as its index holds it and
// as a full load gives it (fields re-parsed from the file), with its origin.
func dumpStore(t *testing.T, store *model.Store, start time.Time) []string {
	t.Helper()
	sn := store.Snapshot()
	var out []string
	for seq := sn.First(); seq < sn.End(); seq++ {
		if seq == 0 {
			continue
		}
		var idx, full model.Entry
		if err := sn.Load(seq, &idx, model.LoadIndex); err != nil {
			t.Fatalf("index load of %d: %v", seq, err)
		}
		if err := sn.Load(seq, &full, model.LoadFull); err != nil {
			t.Fatalf("full load of %d: %v", seq, err)
		}
		o := full.Origin
		at := fmt.Sprint(full.Time.UnixNano())
		if full.Time.After(start) {
			at = "when read" // a line with no time, and none before it to inherit
		}
		out = append(out, fmt.Sprintf("%s %v %v %v %q index %v template %q full %v err %q origin %q %q %q %q %v %d",
			at, full.Level, full.Kind, full.Flags, full.Raw, idx.Fields, idx.Template, full.Fields, full.Err,
			o.Host, o.Unit, o.Ident, o.Envelope, o.Stream, o.PID))
	}
	return out
}

// withoutComments copies a fixture without its comment lines ("# …"),
// whose time, having none before them to inherit, is when they were read.
func withoutComments(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.HasPrefix(l, "#") {
			keep = append(keep, l)
		}
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(out, []byte(strings.Join(keep, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

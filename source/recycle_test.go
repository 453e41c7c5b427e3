package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// A file's record batches go back to it once decoded, to be filled again:
// the file's lines reach the sink whole and in order through many of them,
// and a batch given back too soon would show as another line's bytes (and,
// under -race, as a race between the reader and the decoders).
func TestAFileFillsTheBatchesItsDecodersGiveBack(t *testing.T) {
	var want []string
	for i := range 20 * batchMaxRecords {
		want = append(want, fmt.Sprintf("2026-02-10T08:%02d:%02d.%09dZ [INFO] [connector] line %d of the file", i/3600%60, i/60%60, i, i))
	}
	path := filepath.Join(t.TempDir(), "big.log")
	if err := os.WriteFile(path, []byte(strings.Join(want, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := NewFile(path, 1, FileOptions{})
	var got []string
	Ingest(context.Background(), []Feed{{ID: 1, Source: f, Finite: true}}, func(es []model.Entry, _ bool) {
		for i := range es {
			got = append(got, string(es[i].Raw))
		}
	}, nil)
	if len(got) != len(want) {
		t.Fatalf("%d lines reached the sink, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("line %d reached the sink as %q, want %q", i+1, got[i], want[i])
		}
	}
	if f.spent == nil {
		t.Fatal("the file was given no channel to take its batches back on")
	}
}

// Only a file that no other reader gives batches back to takes the decode
// stage's, and a source that fills no given-back batch gets none.
func TestBatchesGoBackOnlyWhereTheyAreFilledAgain(t *testing.T) {
	f := NewFile(filepath.Join(t.TempDir(), "x.log"), 1, FileOptions{})
	if recycledBatches(f) == nil {
		t.Fatal("a file was given no channel for its batches")
	}
	if recycledBatches(f) != nil {
		t.Fatal("a file whose batches go back already was given another channel")
	}
	if recycledBatches(&scripted{}) != nil {
		t.Fatal("a source that makes its own batches was given a channel")
	}
}

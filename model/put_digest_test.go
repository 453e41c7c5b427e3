package model_test

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

var updatePutDigest = flag.Bool("update-put-digest", false, "rewrite testdata/put_digest.golden from the store as it writes now")

// TestStorePutDigest pins what the store's writer makes of decoded
// connector logs, byte for byte: its arenas, symbols, row chunks and
// accounts, and every entry loaded back. A change that only makes the
// writer cheaper must leave it as it is.
func TestStorePutDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a generated log of 80,000 lines")
	}
	var got strings.Builder
	for _, c := range []struct {
		seed   int64
		lines  int
		reader bool // the store re-reads raw bytes from the file
		back   bool // every batch appended, none prepended
	}{{1, 50_000, true, false}, {2, 20_000, false, false}, {3, 10_000, true, true}} {
		batches, src := putCorpus(t, c.seed, c.lines)
		if c.back {
			for i := range batches {
				batches[i].front = false
			}
		}
		if !c.reader {
			src = nil
		}
		s := putAll(batches, src)
		h := sha256.New()
		model.StoreDigest(s, h)
		stored := hex.EncodeToString(h.Sum(nil))
		h.Reset()
		sn := s.Snapshot()
		var e model.Entry
		for seq := sn.First(); seq < sn.End(); seq++ {
			if seq == 0 {
				continue
			}
			if err := sn.Load(seq, &e, model.LoadRaw); err != nil {
				t.Fatalf("seed %d: load %d: %v", c.seed, seq, err)
			}
			fmt.Fprintf(h, "%+v\n", e)
		}
		fmt.Fprintf(&got, "seed=%d lines=%d reader=%v back=%v stored=%s loaded=%s\n", c.seed, c.lines, c.reader, c.back, stored, hex.EncodeToString(h.Sum(nil)))
	}
	golden := filepath.Join("testdata", "put_digest.golden")
	if *updatePutDigest {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("the store's writer made something else:\n got %s\nwant %s", got.String(), want)
	}
}

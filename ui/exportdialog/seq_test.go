package exportdialog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"connlog/model"
)

// A file opened tail first has its head prepended with negative Seqs; its
// NDJSON export numbers its entries from 1 in the file's order, as a
// headless export does, partners included.
func TestNDJSONSeqIsThePlaceInTheInput(t *testing.T) {
	st := model.NewStore(model.StoreOptions{})
	st.Append([]model.Entry{textEntry(3000, "tail 1"), textEntry(4000, "tail 2")})
	st.Prepend([]model.Entry{textEntry(0, "head 1"), textEntry(1000, "head 2"), textEntry(2000, "head 3")})
	src := sourceOfStore(t, st)
	path := filepath.Join(t.TempDir(), "x.ndjson")
	d := send(t, typePath(t, dialogOver(t, src), path), "enter")
	if d.State() != Done {
		t.Fatalf("state %v; want done:\n%s", d.State(), screen(d))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var seqs []int64
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var row struct{ Seq int64 }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		seqs = append(seqs, row.Seq)
	}
	if want := []int64{1, 2, 3, 4, 5}; !slices.Equal(seqs, want) {
		t.Errorf("seqs %v; want %v, the entries' places in the file", seqs, want)
	}
}

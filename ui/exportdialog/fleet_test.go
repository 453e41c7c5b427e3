package exportdialog

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
)

// onHost moves an entry to another host, as a fleet's store would hold it.
func onHost(e model.Entry, host string) model.Entry {
	e.Origin.Host = host
	return e
}

// TestFleetExportCarriesTheHost: a CSV written from the dialog over a fleet
// has a host column with each row's host, as connlog export's has.
func TestFleetExportCarriesTheHost(t *testing.T) {
	es := []model.Entry{onHost(textEntry(0, "State: Online"), "gw-fra-1"), onHost(textEntry(100, "failed to get SD"), "gw-fra-2")}
	st := model.NewStore(model.StoreOptions{})
	st.Append(es)
	sn := st.Snapshot()
	seqs := []int64{sn.First(), sn.First() + 1}
	for _, fleet := range []bool{true, false} {
		src := &Source{Store: st, Snapshot: sn, Location: time.UTC, Fleet: fleet}
		path := filepath.Join(t.TempDir(), "fleet.csv")
		opts := src.Options(Settings{Format: export.FormatCSV}, nil, nil, "2-hosts")
		if _, err := export.Export(context.Background(), path, src.entries(listRows(seqs), nil), opts); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) != 3 {
			t.Fatalf("fleet=%v: %d rows, %v", fleet, len(rows), err)
		}
		at := slices.Index(rows[0], "host")
		if !fleet {
			if at >= 0 {
				t.Errorf("one host's export has a host column: %v", rows[0])
			}
			continue
		}
		if at < 0 || rows[1][at] != "gw-fra-1" || rows[2][at] != "gw-fra-2" {
			t.Errorf("fleet export: header %v, rows %v", rows[0], rows[1:])
		}
	}
}

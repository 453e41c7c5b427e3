package ui

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
)

// onHost moves an entry to another host, as a fleet's store would hold it.
func onHost(e model.Entry, host string) model.Entry {
	j := *e.Origin.Journal
	j.Hostname = host
	e.Origin.Journal, e.Origin.Host = &j, host
	return e
}

func TestHostColumnOnlyWithMoreThanOneHost(t *testing.T) {
	one := []model.Entry{
		service(0, model.LevelInfo, "connector", "main", "State: Online"),
		service(100, model.LevelWarn, "libsdwan", "operator()", "failed to get SD"),
	}
	fleet := []model.Entry{onHost(one[0], "gw-fra-1"), onHost(one[1], "gw-fra-2")}
	for _, tc := range []struct {
		name     string
		es       []model.Entry
		wantHost bool
	}{{"one host", one, false}, {"two hosts", fleet, true}} {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, tc.es)
			m := newTestModel(t, st, 120, 20)
			s := screen(m)
			if got := strings.Contains(s, "HOST"); got != tc.wantHost {
				t.Errorf("HOST column shown: %v, want %v\n%s", got, tc.wantHost, s)
			}
			if tc.wantHost && (!strings.Contains(s, "gw-fra-1") || !strings.Contains(s, "gw-fra-2")) {
				t.Errorf("the rows do not name their hosts:\n%s", s)
			}
		})
	}
}

func TestPivotOffersThisHost(t *testing.T) {
	e := onHost(service(0, model.LevelInfo, "connector", "main", "State: Online"), "gw-fra-2")
	other := onHost(e, "gw-fra-1")
	for _, it := range pivotItems(&e, false, TabAll) {
		if !strings.HasPrefix(it.label, "host ") {
			continue
		}
		q, err := query.Compile(it.term, query.Options{})
		if err != nil || !q.Match(&e) || q.Match(&other) {
			t.Errorf("host item %q: compiles %v, matches its row %v, matches another host's %v", it.term, err, q.Match(&e), q.Match(&other))
		}
		return
	}
	t.Errorf("no host item in %+v", pivotItems(&e, false, TabAll))
}

// TestFleetExportCarriesTheHost: a CSV written from the dialog over a fleet
// has a host column with each row's host, as connlog export's has.
func TestFleetExportCarriesTheHost(t *testing.T) {
	es := []model.Entry{
		onHost(service(0, model.LevelInfo, "connector", "main", "State: Online"), "gw-fra-1"),
		onHost(service(100, model.LevelWarn, "libsdwan", "operator()", "failed to get SD"), "gw-fra-2"),
	}
	st, _ := newFixtureStore(t, es)
	sn := st.Snapshot()
	seqs := []int64{sn.First(), sn.First() + 1}
	for _, fleet := range []bool{true, false} {
		src := &exportSource{store: st, sn: sn, loc: time.UTC, fleet: fleet}
		path := filepath.Join(t.TempDir(), "fleet.csv")
		opts := src.options(exportSettings{format: export.FormatCSV}, nil, nil, "2-hosts")
		if _, err := export.Export(context.Background(), path, src.entries(seqs, nil), opts); err != nil {
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

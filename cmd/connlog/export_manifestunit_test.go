package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestBundleManifestNamesTheUnitsRead: a bundle of the journal read for
// every unit names no unit in its manifest (the default unit was not what
// was read); one read for a unit names it.
func TestBundleManifestNamesTheUnitsRead(t *testing.T) {
	journal := filepath.Join(copiedJournalDir(t), "copied.journal")
	for _, c := range []struct {
		units []string
		name  string
		unit  string
	}{
		{[]string{"--all-units"}, "all units", ""},
		{[]string{"-u", "twingate-health"}, "twingate-health", "twingate-health"},
	} {
		out := filepath.Join(t.TempDir(), "b.tar")
		args := append([]string{"export", "--format", "bundle", "-o", out, "--file", journal}, c.units...)
		if _, stderr, code := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.units, code, stderr)
		}
		var m struct {
			Sources []struct{ Name, Unit string }
		}
		if err := json.Unmarshal(untar(t, out)["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Sources) != 1 || m.Sources[0].Name != c.name || m.Sources[0].Unit != c.unit {
			t.Errorf("%v: manifest sources %+v; want one named %q of unit %q", c.units, m.Sources, c.name, c.unit)
		}
	}
}

// TestTitleOfEveryUnitNamesTheHost: the journal read for every unit names
// no unit, and is still titled with its host.
func TestTitleOfEveryUnitNamesTheHost(t *testing.T) {
	_, infos, err := buildFeeds(Config{AllUnits: true, Units: listFlag{defaultUnit}}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := title(infos, "connector-1"); got != "all units @ connector-1" {
		t.Errorf("title %q; want all units @ connector-1", got)
	}
}

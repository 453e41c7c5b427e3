package export

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"strings"
	"testing"

	"connlog/model"
)

// onHost is a journal entry of another host, as a fleet's store holds it.
func onHost(n int, host string) *model.Entry {
	e := journaldEntry("line "+host, n)
	j := *e.Origin.Journal
	j.Hostname = host
	e.Origin.Journal, e.Origin.Host = &j, host
	return e
}

func TestFleetCSVHasAHostColumn(t *testing.T) {
	entries := []*model.Entry{onHost(0, "gw-fra-1"), onHost(1, "=gw-evil")}
	header, rows := readCSV(t, encode(t, entries, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindText}, Hosts: true}))
	if header[len(header)-1] != "host" || len(rows) != 2 {
		t.Fatalf("header %v, %d rows", header, len(rows))
	}
	if got := rows[0]["host"]; got != "gw-fra-1" {
		t.Errorf("host cell %q", got)
	}
	if got := rows[1]["host"]; got != "'=gw-evil" {
		t.Errorf("a host that looks like a formula: %q", got)
	}
	plain, _ := readCSV(t, encode(t, entries, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindText}}))
	if plain[len(plain)-1] == "host" {
		t.Error("a one-host export got a host column")
	}
}

func TestFleetBundleManifestCountsHosts(t *testing.T) {
	dir := t.TempDir()
	opts := bundleOptions(dir)
	opts.Hosts = true
	out := encode(t, []*model.Entry{onHost(0, "gw-fra-1"), onHost(1, "gw-fra-2"), onHost(2, "gw-fra-2")}, opts)
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, zr)
	var m struct {
		Hosts map[string]int64 `json:"hosts"`
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Hosts["gw-fra-1"] != 1 || m.Hosts["gw-fra-2"] != 2 || len(m.Hosts) != 2 {
		t.Errorf("manifest hosts %v", m.Hosts)
	}
}

// A bundle of a view with muted templates names them in its manifest: its
// query alone would not give its entries.
func TestBundleManifestNamesMutedTemplates(t *testing.T) {
	for _, muted := range [][]string{nil, {"[connector] processing \"<str>\" request"}} {
		opts := bundleOptions(t.TempDir())
		opts.Bundle.Muted = muted
		out := encode(t, []*model.Entry{onHost(0, "gw-fra-1")}, opts)
		zr, err := gzip.NewReader(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		_, files := readTar(t, zr)
		var m struct {
			Muted []string `json:"muted_templates"`
		}
		if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Muted) != len(muted) || len(muted) > 0 && m.Muted[0] != muted[0] {
			t.Errorf("manifest muted_templates %q, want %q", m.Muted, muted)
		}
	}
}

// The text of entries of several hosts names each line's host after its
// time, as journalctl's short format does, made safe to print; an entry
// that names none gets a dash, so that every line has the same columns.
// One host's text is as it was.
func TestTextNamesTheHostOfEachLineOfSeveralHosts(t *testing.T) {
	evil := onHost(2, "gw-\x1b[31mams")
	none := onHost(3, "")
	entries := []*model.Entry{onHost(0, "gw-fra-1"), onHost(1, "gw-fra-2"), evil, none}
	got := strings.Split(strings.TrimSuffix(string(encode(t, entries, Options{Format: FormatText, Hosts: true})), "\n"), "\n")
	plain := strings.Split(strings.TrimSuffix(string(encode(t, entries, Options{Format: FormatText})), "\n"), "\n")
	if len(got) != len(entries) || len(plain) != len(entries) {
		t.Fatalf("lines:\n%q\n%q", got, plain)
	}
	for i, host := range []string{"gw-fra-1", "gw-fra-2", "gw-␛[31mams", "-"} {
		stamp, rest, _ := strings.Cut(plain[i], " ")
		if want := stamp + " " + host + " " + rest; got[i] != want {
			t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want)
		}
	}
	if strings.ContainsRune(strings.Join(got, ""), 0x1b) {
		t.Error("a host's escape reached the text")
	}
}

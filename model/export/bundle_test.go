package export

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"connlog/model"
)

// gzipBundleFiles returns the members of a gzip-compressed bundle by name.
func gzipBundleFiles(t *testing.T, out []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, zr)
	return files
}

// readTar returns the members of a tar stream in order.
func readTar(t *testing.T, r io.Reader) (names []string, files map[string][]byte) {
	t.Helper()
	files = map[string][]byte{}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names, files
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if h.Mode != 0o600 {
			t.Errorf("%s mode %o, want 600", h.Name, h.Mode)
		}
		names = append(names, h.Name)
		files[h.Name] = b
	}
}

type testManifest struct {
	ConnlogVersion string           `json:"connlog_version"`
	Host           string           `json:"host"`
	Query          string           `json:"query"`
	Redacted       bool             `json:"redacted"`
	TimeRange      timeRange        `json:"time_range"`
	EntriesRange   timeRange        `json:"entries_time_range"`
	Entries        int64            `json:"entries"`
	Kinds          map[string]int64 `json:"kinds"`
	Levels         map[string]int64 `json:"levels"`
	Gaps           []manifestGap    `json:"gaps"`
	Members        []manifestMember `json:"members"`
	Reopen         string           `json:"reopen"`
	Sources        []manifestSource `json:"sources"`
}

func bundleOptions(dir string) Options {
	return Options{Format: FormatBundle, Compress: CompressGzip, TempDir: dir,
		Sources: []SourceInfo{{ID: 1, Name: "/var/log/twingate.log", Path: "/var/log/twingate.log", Inode: 1234},
			{ID: 5, Name: "twingate-connector.service", Unit: "twingate-connector.service"}},
		Bundle: BundleInfo{Host: "conn-1", Query: "kind=analytics user='a b'", Version: "1.2.3"}}
}

func TestBundle(t *testing.T) {
	dir := t.TempDir()
	entries := append(mixedEntries(), journaldEntry("first", 0), journaldEntry("second", 1))
	opts := bundleOptions(dir)
	out := encode(t, entries, opts)
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("temp members left: %v", names)
	}
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	names, files := readTar(t, zr)
	want := []string{"raw.log", "entries.ndjson", "text.csv", "service.csv", "analytics.csv", "audit.csv", "flow.csv", "session.csv", "gap.csv", "manifest.json"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("members = %v\nwant %v", names, want)
	}
	if raw := encode(t, entries, Options{Format: FormatRaw}); !bytes.Equal(files["raw.log"], raw) {
		t.Error("raw.log differs from a raw export")
	}
	if nd := encode(t, entries, Options{Format: FormatNDJSON, Sources: opts.Sources}); !bytes.Equal(files["entries.ndjson"], nd) {
		t.Error("entries.ndjson differs from an ndjson export")
	}
	_, rows := readCSV(t, files["flow.csv"])
	if len(rows) != 2 {
		t.Errorf("flow.csv has %d rows, want 2", len(rows))
	}
	var m testManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	checkManifest(t, m, files, entries)
}

func checkManifest(t *testing.T, m testManifest, files map[string][]byte, entries []*model.Entry) {
	t.Helper()
	if len(m.Members) != len(files)-1 {
		t.Errorf("manifest lists %d members, archive has %d besides it", len(m.Members), len(files)-1)
	}
	for _, mem := range m.Members {
		sum := sha256.Sum256(files[mem.Name])
		if mem.SHA256 != hex.EncodeToString(sum[:]) || mem.Size != int64(len(files[mem.Name])) {
			t.Errorf("member %s: manifest says %d bytes %s", mem.Name, mem.Size, mem.SHA256)
		}
	}
	if m.Entries != int64(len(entries)) || m.Kinds["flow"] != 2 || m.Kinds["text"] != 3 || m.Levels["warn"] != 1 {
		t.Errorf("counts: entries %d kinds %v levels %v", m.Entries, m.Kinds, m.Levels)
	}
	if len(m.Gaps) != 1 || m.Gaps[0].Reason != "rotation" || m.Gaps[0].Count != 42 || m.Gaps[0].Source != "/var/log/twingate.log" {
		t.Errorf("gaps = %+v", m.Gaps)
	}
	// The entries come from three hosts (conn-1, site-1, aqg-1): reopen
	// reads entries.ndjson, which keeps each one's host.
	if m.Reopen != `connlog -q 'kind=analytics user='\''a b'\''' entries.ndjson` {
		t.Errorf("reopen = %s", m.Reopen)
	}
	if m.Host != "conn-1" || m.ConnlogVersion != "1.2.3" || m.Redacted {
		t.Errorf("host %q version %q redacted %v", m.Host, m.ConnlogVersion, m.Redacted)
	}
	if m.EntriesRange.From != "2023-10-26T20:45:15.292Z" || m.EntriesRange.To != "2026-11-20T08:00:03Z" || m.TimeRange != m.EntriesRange {
		t.Errorf("time ranges %+v %+v", m.TimeRange, m.EntriesRange)
	}
	byID := map[int]manifestSource{}
	for _, s := range m.Sources {
		byID[s.ID] = s
	}
	file, journal := byID[1], byID[5]
	if file.Inode != 1234 || *file.FirstOffset != 4096 || *file.LastOffset != 7000 ||
		*file.EndOffset != 7000+int64(len("resource temporarily unavailable\n")) {
		t.Errorf("file source = %+v", file)
	}
	if journal.FirstCursor != "s=abc;i=1" || journal.LastCursor != "s=abc;i=11" || journal.FirstOffset != nil {
		t.Errorf("journal source = %+v", journal)
	}
}

func TestBundleRequestedRangeAndExtraction(t *testing.T) {
	dir := t.TempDir()
	opts := bundleOptions(dir)
	opts.Compress = CompressZstd
	opts.Bundle.From = time.Date(2026, 11, 20, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	opts.Bundle.To = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	path := filepath.Join(dir, "b.tar.zst")
	if _, err := Export(t.Context(), path, Slice(mixedEntries()), opts); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	cmd := exec.Command("sh", "-c", `zstd -dc "$1" | tar -x -C "$2"`, "sh", path, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("extract with zstd and tar: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m testManifest
	must(t, json.Unmarshal(data, &m))
	if m.TimeRange.From != "2026-11-20T08:00:00Z" || m.TimeRange.To != "2026-11-20T09:00:00Z" {
		t.Errorf("time_range = %+v, want the requested range in UTC", m.TimeRange)
	}
	raw, err := os.ReadFile(filepath.Join(out, "raw.log"))
	if err != nil || !bytes.Equal(raw, encode(t, mixedEntries(), Options{})) {
		t.Errorf("extracted raw.log differs (%v)", err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("target directory holds %v, want only the bundle", names)
	}
}

func TestBundleEmptyQueryReopen(t *testing.T) {
	if got := reopenCommand("  ", bundleRaw); got != "connlog raw.log" {
		t.Errorf("reopen = %q", got)
	}
}

// newTarBundle is a bundle writer to buf, an uncompressed tar.
func newTarBundle(t *testing.T, buf *bytes.Buffer) Writer {
	t.Helper()
	opts := bundleOptions(t.TempDir())
	opts.Compress = CompressNone
	w, err := New(buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestBundleManifestListsGapsThatWereNotWritten(t *testing.T) {
	var buf bytes.Buffer
	w := newTarBundle(t, &buf)
	gap := &model.Entry{Kind: model.KindGap, Time: time.Unix(100, 0), Fields: model.Fields{
		model.Str(model.KeyGapReason, "truncated"), model.Int(model.KeyGapCount, 0)}}
	if err := w.Write(textEntry("kept")); err != nil {
		t.Fatal(err)
	}
	noter, ok := w.(GapNoter)
	if !ok {
		t.Fatal("a bundle writer cannot list gaps it does not write")
	}
	noter.NoteGap(gap)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, &buf)
	man := files["manifest.json"]
	if !bytes.Contains(man, []byte(`"reason":"truncated"`)) && !bytes.Contains(man, []byte(`"reason": "truncated"`)) {
		t.Errorf("manifest: %s", man)
	}
}

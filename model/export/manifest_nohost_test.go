package export

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"testing"

	"connlog/model"
)

// manifestKeys is the top-level keys of the manifest of a bundle of
// entries written with opts, and their values.
func manifestKeys(t *testing.T, entries []*model.Entry, opts Options) map[string]json.RawMessage {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(encode(t, entries, opts)))
	if err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, zr)
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(files["manifest.json"], &keys); err != nil {
		t.Fatal(err)
	}
	return keys
}

// A bundle whose entries name no host, and whose caller named none, leaves
// "host" out of its manifest rather than writing "host": "", which reads
// as a host with an empty name. A known host is still written.
func TestManifestLeavesOutAnUnknownHost(t *testing.T) {
	opts := bundleOptions(t.TempDir())
	opts.Bundle.Host = ""
	if host, ok := manifestKeys(t, []*model.Entry{onHost(0, ""), onHost(1, "")}, opts)["host"]; ok {
		t.Errorf("manifest host %s; want no host key", host)
	}
	if host := manifestKeys(t, []*model.Entry{onHost(0, "gw-fra-1")}, opts)["host"]; string(host) != `"gw-fra-1"` {
		t.Errorf("manifest host %s; want \"gw-fra-1\"", host)
	}
}

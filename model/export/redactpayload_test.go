package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkPayloadsAsLineDocuments redacts the record of lines' entries and
// checks that each payload is redacted as redactEncoded redacts it, the
// shortcut through the line's documents (redactPayload) included. It
// returns how many payloads took the shortcut.
func checkPayloadsAsLineDocuments(t testing.TB, r *Redactor, line string) int {
	es := decodeLines(t.(*testing.T), []string{line})
	if len(es) == 0 || es[0].IsMark() {
		return 0
	}
	h := &heldRecord{raw: []byte(line), r: *r}
	for i := range es {
		h.entries = append(h.entries, es[i])
		h.set.learn(r, &es[i])
		h.set.learnHost(r, &es[i].Origin)
	}
	h.set.sort()
	if _, err := r.known.add(h.set.items); err != nil {
		t.Fatal(err)
	}
	h.redactRaw()
	hits := 0
	for i := range h.entries {
		p := string(h.entries[i].Payload)
		want := redactEncoded(p, h.text)
		if got := h.redactPayload(p); got != want {
			t.Fatalf("payload of %q redacted as\n%q\nwant\n%q", line, got, want)
		}
		for _, d := range h.docs {
			if strings.Contains(p, d.doc) {
				hits++
				break
			}
		}
	}
	return hits
}

// A payload that is a JSON document of its line is redacted as the line's
// document was, to the same bytes as on its own, in every fixture line.
func TestPayloadsAreRedactedAsTheirLinesDocuments(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*/*.log")
	files = append(files, "testdata/lines.txt")
	hits := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := NewRedactor()
		for _, line := range strings.Split(string(data), "\n") {
			hits += checkPayloadsAsLineDocuments(t, r, line)
		}
	}
	if hits < 20 {
		t.Errorf("only %d payloads were a document of their line: the shortcut is not tested", hits)
	}
}

// FuzzPayloadAsLineDocument checks the shortcut of redactPayload on any
// line, with an id and an address learned before it.
func FuzzPayloadAsLineDocument(f *testing.F) {
	f.Add(analyticsLine, "113256", "192.0.2.0")
	f.Add(`2026-02-10T08:00:02Z ANALYTICS {"user": {"id": 113256}, "x": "{\"a\":\"203.0.113.77\"}"} {"b":1}`, "113256", "203.0.113.77")
	f.Add(`{"MESSAGE":"ANALYTICS {\"connection\":{\"client_ip\":\"10.0.0.1\"}}","_HOSTNAME":"h"}`, "alice", "10.0.0.1")
	f.Fuzz(func(t *testing.T, line, id, addr string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		r := NewRedactor()
		if _, err := r.known.add([]secret{{class: classUser, value: id, pseudo: r.pseudonym(classUser, id)},
			{class: classIP, value: canonicalAddr(addr), pseudo: r.pseudonym(classIP, addr)}}); err != nil {
			t.Fatal(err)
		}
		checkPayloadsAsLineDocuments(t, r, line)
	})
}

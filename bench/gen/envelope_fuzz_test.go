package main

import (
	"bytes"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/synth"
)

// FuzzEnvelopes wraps arbitrary bytes as a line in every envelope and reads
// them back with the test readers: whatever a connector prints must survive
// the trip (invalid UTF-8 becoming U+FFFD in docker-json, as in Docker).
func FuzzEnvelopes(f *testing.F) {
	f.Add([]byte("[DEBUG] [libsdwan] plain"), int64(1770710400123456789))
	f.Add([]byte("\x1b[31m\xff\x00\"\\<>&\u2028"), int64(0))
	f.Add(bytes.Repeat([]byte("x"), splitLimit+1), int64(-1))
	f.Fuzz(func(t *testing.T, line []byte, ns int64) {
		if len(line) == 0 || bytes.IndexByte(line, '\n') >= 0 {
			return // a line is never empty and never holds its own terminator
		}
		at := time.Unix(0, ns).UTC()
		if y := at.Year(); y < 1 || y > 9999 {
			return
		}
		g := synth.New(1, synth.Options{})
		want := []expected{{line: line, at: at, meta: synth.Meta{Program: synth.Connector, PID: 42, Stream: model.StreamStderr}}}
		for _, name := range envelopeNames {
			env, err := newEnvelope(name, host{name: "ip-10-20-0-14", loc: time.UTC, gen: g, boot: at.Add(-time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			out := env.wrap(nil, line, at, want[0].meta)
			switch name {
			case "raw":
				readRaw(t, out, want)
			case "docker-ts":
				readDockerTS(t, out, want)
			case "docker-json":
				readDockerJSONRecords(t, out, want)
			case "cri":
				readCRIRecords(t, out, want)
			case "syslog":
				readSyslog(t, out, want)
			case "journal-export":
				entries, err := readExport(bytes.NewReader(out))
				if err != nil || len(entries) != 1 || !bytes.Equal(entries[0]["MESSAGE"], line) {
					t.Fatalf("journal export of %q reads back as %q (%v)", line, entries, err)
				}
			}
		}
	})
}

// readDockerJSONRecords and readCRIRecords are the corpus readers without
// the demand that a split occurred.
func readDockerJSONRecords(t *testing.T, out []byte, want []expected) {
	t.Helper()
	readSplitting(t, func(t *testing.T) { readDockerJSON(t, out, want) }, len(want[0].line) > splitLimit)
}

func readCRIRecords(t *testing.T, out []byte, want []expected) {
	t.Helper()
	readSplitting(t, func(t *testing.T) { readCRI(t, out, want) }, len(want[0].line) > splitLimit)
}

func readSplitting(t *testing.T, read func(*testing.T), long bool) {
	t.Helper()
	allowSplitless = !long
	defer func() { allowSplitless = false }()
	read(t)
}

//go:build linux

package source

import (
	"context"
	"path/filepath"
	"testing"

	"connlog/model"
)

// BenchmarkJournalRead measures the backfill of a unit from a real journal:
// 20,000 entries with the 21 fields journald gives a service's stdout line,
// one in ten of another unit, the connector's messages taken from the
// fixture in turn. Bytes are MESSAGE bytes sent. It reads every field
// connlog keeps, and then only what a raw export writes (MessageOnly); then
// both again with the connector in a container whose lines Docker's
// journald log driver writes, with its container fields.
func BenchmarkJournalRead(b *testing.B) {
	const total = 20000
	fixture := journalLoadFixture(b, "connector.export")
	messages := journalFixtureMessages(fixture, journalIsUnit("twingate-connector.service"))
	realtime, monotonic := journalLastClocks(b, fixture)
	entries := journalSyntheticEntries("bench", journalBootB, journalInvocationB, realtime, monotonic, total)
	var sent int64
	for i, e := range entries {
		msg := []byte(messages[i%len(messages)])
		if i%10 == 9 {
			e[4].value = []byte("ssh.service")
		} else {
			sent += int64(len(msg))
		}
		entries[i] = append(e[:len(e)-1:len(e)-1], journalExportEntry{
			{"_MACHINE_ID", []byte("6c2d0f8e1a4b4c3d9e8f7a6b5c4d3e2f")},
			{"_STREAM_ID", []byte("5e4d3c2b1a0f4e9d8c7b6a5f4e3d2c1b")},
			{"_CAP_EFFECTIVE", []byte("0")}, {"_UID", []byte("65326")}, {"_GID", []byte("65326")},
			{"_COMM", []byte("twingate-connec")}, {"_EXE", []byte("/usr/bin/twingate-connector")},
			{"_CMDLINE", []byte("/usr/bin/twingate-connector --systemd-watchdog")},
			{"_SYSTEMD_SLICE", []byte("system.slice")}, {"SYSLOG_FACILITY", []byte("3")},
			{"MESSAGE", msg}}...)
	}
	dir := b.TempDir()
	journalWrite(b, filepath.Join(dir, "bench.journal"), entries)
	opts := JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir}
	b.Run("full", func(b *testing.B) { benchmarkJournalRead(b, opts, sent, total-total/10) })
	opts.MessageOnly = true
	b.Run("message-only", func(b *testing.B) { benchmarkJournalRead(b, opts, sent, total-total/10) })

	dir = b.TempDir()
	journalWrite(b, filepath.Join(dir, "bench.journal"), journalInContainer(entries))
	opts = JournalOptions{Units: []string{"docker"}, Lines: -1, Directory: dir}
	b.Run("docker-full", func(b *testing.B) { benchmarkJournalRead(b, opts, sent, total-total/10) })
	opts.MessageOnly = true
	b.Run("docker-message-only", func(b *testing.B) { benchmarkJournalRead(b, opts, sent, total-total/10) })
}

// journalInContainer turns the connector's entries into those Docker's
// journald log driver writes for its container's lines: unit
// docker.service, the container's id as identifier, the container fields.
func journalInContainer(entries []journalExportEntry) []journalExportEntry {
	const id = "4cb6180740b3"
	out := make([]journalExportEntry, len(entries))
	for i, e := range entries {
		c := append(journalExportEntry(nil), e[:len(e)-1]...)
		for k := range c {
			switch {
			case c[k].key == "_SYSTEMD_UNIT" && string(c[k].value) == "twingate-connector.service":
				c[k].value = []byte("docker.service")
			case c[k].key == "SYSLOG_IDENTIFIER" && string(c[k].value) == "twingate-connector":
				c[k].value = []byte(id)
			}
		}
		out[i] = append(c, journalExportEntry{
			{"CONTAINER_ID", []byte(id)}, {"CONTAINER_NAME", []byte("twingate-connector")},
			{"CONTAINER_ID_FULL", []byte(id + "0cbca6e5fec8fe85e24a9c30cf3a2f0da53e7624bd835e3439")},
			{"CONTAINER_TAG", []byte(id)}, {"IMAGE_NAME", []byte("twingate/connector:1")},
			e[len(e)-1]}...)
	}
	return out
}

// benchmarkJournalRead reads the journal opts name to its end, b.N times,
// and checks that every one of want lines came.
func benchmarkJournalRead(b *testing.B, opts JournalOptions, sent int64, want int) {
	b.SetBytes(sent)
	b.ReportAllocs()
	lines := 0
	for b.Loop() {
		lines = 0
		out := make(chan []model.Record, 64)
		done := make(chan error, 1)
		go func() { done <- NewJournal(1, opts).Run(context.Background(), out); close(out) }()
		for batch := range out {
			lines += len(batch)
		}
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
	if lines != want {
		b.Fatalf("read %d lines, want %d", lines, want)
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

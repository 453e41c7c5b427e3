package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"connlog/source/synth"
)

// testConfig is a corpus with every stream, hostile lines and restarts.
func testConfig(env string, lines int64) config {
	return config{
		size: limit{lines: lines}, envelope: env, seed: 5, start: synth.DefaultStart, rate: 150,
		restarts: time.Minute, trouble: 30 * time.Second, host: "ip-10-20-0-14", loc: time.UTC,
		audit: true, newt: true, tailnet: true, hostile: true, output: "test",
	}
}

func corpus(t *testing.T, cfg config) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := generate(cfg, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameFlagsSameBytes(t *testing.T) {
	for _, env := range envelopeNames {
		t.Run(env, func(t *testing.T) {
			cfg := testConfig(env, 5000)
			a, b := corpus(t, cfg), corpus(t, cfg)
			if !bytes.Equal(a, b) {
				t.Fatal("two runs with the same flags wrote different bytes")
			}
			cfg.seed++
			if bytes.Equal(a, corpus(t, cfg)) {
				t.Fatal("a different seed wrote the same bytes")
			}
		})
	}
}

func TestByteLimit(t *testing.T) {
	cfg := testConfig("docker-json", 0)
	cfg.size = limit{bytes: 1 << 20}
	out := corpus(t, cfg)
	if len(out) < 1<<20 || len(out) > 1<<20+64<<10 {
		t.Fatalf("asked for 1 MiB, wrote %d bytes", len(out))
	}
	if out[len(out)-1] != '\n' {
		t.Fatal("the corpus ends in the middle of a record")
	}
}

func TestEnvelopesReadBack(t *testing.T) {
	const n = 30000
	readers := map[string]func(t *testing.T, out []byte, want []expected){
		"raw":            readRaw,
		"docker-ts":      readDockerTS,
		"docker-json":    readDockerJSON,
		"cri":            readCRI,
		"syslog":         readSyslog,
		"journal-export": readJournalExport,
	}
	for _, env := range envelopeNames {
		t.Run(env, func(t *testing.T) {
			cfg := testConfig(env, n)
			want := expectedLines(cfg, n)
			readers[env](t, corpus(t, cfg), want)
		})
	}
	if len(readers) != len(envelopeNames) {
		t.Fatalf("%d readers for %d envelopes", len(readers), len(envelopeNames))
	}
}

func splitLines(out []byte) [][]byte {
	return bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
}

func readRaw(t *testing.T, out []byte, want []expected) {
	lines := splitLines(out)
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		if !bytes.Equal(l, want[i].line) {
			t.Fatalf("line %d: %q, want %q", i, l, want[i].line)
		}
	}
}

func readDockerTS(t *testing.T, out []byte, want []expected) {
	lines := splitLines(out)
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		ts, text, _ := bytes.Cut(l, []byte(" "))
		at, err := time.Parse(time.RFC3339Nano, string(ts))
		if err != nil || len(ts) != len("2006-01-02T15:04:05.000000000Z") || !at.Equal(want[i].at) {
			t.Fatalf("line %d: time %q (%v), want %v with nine digits", i, ts, err, want[i].at)
		}
		if !bytes.Equal(text, want[i].line) {
			t.Fatalf("line %d: %q, want %q", i, text, want[i].line)
		}
	}
}

func readDockerJSON(t *testing.T, out []byte, want []expected) {
	var joined []byte
	k, splits := 0, 0
	for i, rec := range splitLines(out) {
		if !bytes.HasPrefix(rec, []byte(`{"log":"`)) || !bytes.Contains(rec, []byte(`","stream":"`)) {
			t.Fatalf("record %d has not Docker's key order: %s", i, rec)
		}
		var r struct{ Log, Stream, Time string }
		if err := json.Unmarshal(rec, &r); err != nil {
			t.Fatalf("record %d is not JSON: %v\n%s", i, err, rec)
		}
		at, err := time.Parse(time.RFC3339Nano, r.Time)
		if err != nil || !at.Equal(want[k].at) || r.Stream != streamName(want[k].meta.Stream) {
			t.Fatalf("record %d: time %q stream %q (%v), want %v %v", i, r.Time, r.Stream, err, want[k].at, want[k].meta.Stream)
		}
		joined = append(joined, r.Log...)
		if len(r.Log) == 0 || r.Log[len(r.Log)-1] != '\n' {
			splits++
			continue
		}
		if got, exp := joined[:len(joined)-1], withReplacement(want[k].line); !bytes.Equal(got, exp) {
			t.Fatalf("line %d: %q, want %q", k, got, exp)
		}
		joined, k = joined[:0], k+1
	}
	checkAllRead(t, k, len(want), splits)
}

// allowSplitless lets the fuzz test read a single short line.
var allowSplitless bool

func checkAllRead(t *testing.T, got, want, splits int) {
	t.Helper()
	if got != want {
		t.Fatalf("read back %d lines, want %d", got, want)
	}
	if splits == 0 && !allowSplitless {
		t.Fatal("no line was split at 16 KiB; the corpus should hold one")
	}
}

var criRE = regexp.MustCompile(`^(\S+) (stdout|stderr) ([PF]) (.*)$`)

func readCRI(t *testing.T, out []byte, want []expected) {
	var joined []byte
	k, splits := 0, 0
	for i, rec := range splitLines(out) {
		m := criRE.FindSubmatch(rec)
		if m == nil {
			t.Fatalf("record %d is not CRI: %q", i, rec)
		}
		at, err := time.Parse(time.RFC3339Nano, string(m[1]))
		if err != nil || !at.Equal(want[k].at) || string(m[2]) != streamName(want[k].meta.Stream) {
			t.Fatalf("record %d: %s %s (%v), want %v", i, m[1], m[2], err, want[k].at)
		}
		joined = append(joined, m[4]...)
		if m[3][0] == 'P' {
			splits++
			continue
		}
		if !bytes.Equal(joined, want[k].line) {
			t.Fatalf("line %d: %q, want %q", k, joined, want[k].line)
		}
		joined, k = joined[:0], k+1
	}
	checkAllRead(t, k, len(want), splits)
}

var syslogRE = regexp.MustCompile(`^([A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d) (\S+) ([a-z-]+)\[(\d+)\]: (.*)$`)

func readSyslog(t *testing.T, out []byte, want []expected) {
	lines := splitLines(out)
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		m := syslogRE.FindSubmatch(l)
		if m == nil {
			t.Fatalf("line %d is not journalctl short format: %q", i, l)
		}
		w := want[i]
		at, err := time.Parse("Jan 02 15:04:05 2006", fmt.Sprintf("%s %d", m[1], w.at.Year()))
		pid, _ := strconv.Atoi(string(m[4]))
		if err != nil || !at.Equal(w.at.Truncate(time.Second)) || string(m[2]) != "ip-10-20-0-14" ||
			string(m[3]) != w.meta.Program.Identity().Identifier || pid != w.meta.PID {
			t.Fatalf("line %d: %q (%v), want %v %s[%d]", i, l, err, w.at, w.meta.Program, w.meta.PID)
		}
		if !bytes.Equal(m[5], w.line) {
			t.Fatalf("line %d: %q, want %q", i, m[5], w.line)
		}
	}
}

func readJournalExport(t *testing.T, out []byte, want []expected) {
	entries, err := readExport(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	checkJournalEntries(t, entries, want, true)
}

// checkJournalEntries compares entries with the generated lines. A restart
// must change the PID, the invocation id and the stream id; nothing else
// may. monotonic is false for journals read back from journal-remote,
// whose own fields are not checked.
func checkJournalEntries(t *testing.T, entries []journalEntry, want []expected, monotonic bool) {
	t.Helper()
	if len(entries) != len(want) {
		t.Fatalf("%d entries, want %d", len(entries), len(want))
	}
	lastInv := map[synth.Program]string{}
	restarts := 0
	for i, e := range entries {
		w := want[i]
		us, _ := strconv.ParseInt(string(e["__REALTIME_TIMESTAMP"]), 10, 64)
		if us != w.at.UnixMicro() || !bytes.Equal(e["MESSAGE"], w.line) {
			t.Fatalf("entry %d: %d %q, want %d %q", i, us, e["MESSAGE"], w.at.UnixMicro(), w.line)
		}
		id := w.meta.Program.Identity()
		for k, v := range map[string]string{"_SYSTEMD_UNIT": id.Unit, "SYSLOG_IDENTIFIER": id.Identifier,
			"PRIORITY": "6", "_TRANSPORT": "stdout", "_PID": strconv.Itoa(w.meta.PID), "_HOSTNAME": "ip-10-20-0-14"} {
			if string(e[k]) != v {
				t.Fatalf("entry %d: %s=%q, want %q", i, k, e[k], v)
			}
		}
		if monotonic && len(e["__MONOTONIC_TIMESTAMP"]) == 0 || len(e["_BOOT_ID"]) != 32 {
			t.Fatalf("entry %d lacks the boot clock: %q %q", i, e["__MONOTONIC_TIMESTAMP"], e["_BOOT_ID"])
		}
		inv := string(e["_SYSTEMD_INVOCATION_ID"])
		if prev, ok := lastInv[w.meta.Program]; ok && (prev != inv) != w.meta.Restart {
			t.Fatalf("entry %d: invocation %s after %s, restart %v", i, inv, prev, w.meta.Restart)
		}
		if w.meta.Restart {
			restarts++
		}
		lastInv[w.meta.Program] = inv
	}
	if restarts == 0 {
		t.Fatal("no restart in the corpus: the invocation change is untested")
	}
}

package envelope

import (
	"testing"
	"time"
)

// benchInterner is the kind of cache a decoder passes in Context.Intern.
func benchInterner() func([]byte) string {
	m := map[string]string{}
	return func(b []byte) string {
		if s, ok := m[string(b)]; ok {
			return s
		}
		s := string(b)
		m[s] = s
		return s
	}
}

// benchLines holds one typical line per envelope.
var benchLines = []struct {
	kind Kind
	line string
}{
	{Bare, "[INFO] [connector] processing \"health\" request"},
	{DockerJSON, `{"log":"[INFO] [connector] processing \"health\" request\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`},
	{DockerTS, "2023-09-15T12:03:47.692712516Z [INFO] [connector] processing \"health\" request"},
	{CRI, "2023-09-15T12:03:47.692712516Z stdout F [INFO] [connector] processing \"health\" request"},
	{Syslog, "Nov 20 08:00:01 ip-172-30-2-209 twingate-connector[369075]: [INFO] [connector] processing \"health\" request"},
	{JournalJSON, journalLine},
	{Newt, "INFO: 2026/02/10 14:21:37 Tunnel connection to server established successfully!"},
	{Compose, "gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1"},
}

func BenchmarkDecode(b *testing.B) {
	c := Context{Location: time.UTC, Reference: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Intern: benchInterner()}
	for _, bl := range benchLines {
		b.Run(bl.kind.String(), func(b *testing.B) {
			line := []byte(bl.line)
			buf := make([]byte, 0, 4096)
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				_, _, ok := DecodeAppend(bl.kind, line, c, buf[:0])
				if !ok {
					b.Fatal("line did not decode")
				}
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	for _, bl := range benchLines {
		b.Run(bl.kind.String(), func(b *testing.B) {
			line := []byte(bl.line)
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				if Detect(line) != bl.kind {
					b.Fatal("wrong envelope")
				}
			}
		})
	}
}

// benchJSONLines are JSON lines that no envelope claims: a program's own
// structured log, which Detect must tell from the JSON envelopes cheaply.
var benchJSONLines = []struct{ name, line string }{
	{"zap", `{"level":"info","ts":1700000000.123,"caller":"main.go:42","msg":"processing health request","time":"2026-11-20T08:00:01Z"}`},
	{"logrus", `{"time":"2026-11-20T08:00:01Z","level":"info","msg":"connected","raw":"peer=10.0.0.1","seq":12}`},
	{"audit", `{"seq":7,"time":"2026-11-20T08:00:01Z","kind":"login","user":"alice","source":"10.0.0.1","raw":"x"}`},
}

func BenchmarkDetectJSON(b *testing.B) {
	for _, bl := range benchJSONLines {
		b.Run(bl.name, func(b *testing.B) {
			line := []byte(bl.line)
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				if Detect(line) != Bare {
					b.Fatal("claimed by an envelope")
				}
			}
		})
	}
}

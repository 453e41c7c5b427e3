package payload

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// benchLine parses one payload per op, reusing the result slice as a
// decoder does.
func benchLine(b *testing.B, line string) {
	p := []byte(line)
	out := make([]Result, 0, 64)
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = Parse(p, out[:0])
	}
}

func BenchmarkParseService(b *testing.B) {
	for _, c := range []struct{ name, line string }{
		{"debug-two-modules-function", `[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error`},
		{"info-health", `[INFO] [connector] processing "health" request`},
		{"error-long", `[ERROR] [connector] Failed to submit analytics events: Unexpected error: error sending request for url (https://analytics.twingate.com/v1/track): error trying to connect: dns error: Too many open files (os error 24)`},
		{"libevent", `[msg] Nameserver 172.20.0.10:53 has failed: request timed out.`},
	} {
		b.Run(c.name, func(b *testing.B) { benchLine(b, c.line) })
	}
}

func BenchmarkParseAnalytics(b *testing.B) {
	b.Run("v2-docs-line", func(b *testing.B) { benchLine(b, docsAnalyticsLine) })
	b.Run("v2-compact-relays", func(b *testing.B) { benchLine(b, fixtureLines(b, "analytics.log")[6]) })
	b.Run("v1-client-geo", func(b *testing.B) { benchLine(b, fixtureLines(b, "analytics.log")[7]) })
}

// BenchmarkAnalyticsStdlibTokenizer walks the same event with
// encoding/json's tokenizer, building nothing: the baseline the scanner
// was chosen against.
func BenchmarkAnalyticsStdlibTokenizer(b *testing.B) {
	p := []byte(strings.TrimPrefix(docsAnalyticsLine, "ANALYTICS "))
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dec := json.NewDecoder(bytes.NewReader(p))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseAudit(b *testing.B) {
	benchLine(b, fixtureLines(b, "audit.log")[0])
}

func BenchmarkParseFlow(b *testing.B) {
	b.Run("message-35-items", func(b *testing.B) { benchLine(b, fixtureLines(b, "flow.log")[0]) })
	b.Run("hec-body", func(b *testing.B) { benchLine(b, fixtureLines(b, "flow.log")[4]) })
}

func BenchmarkParseSession(b *testing.B) {
	lines := fixtureLines(b, "session.log")
	b.Run("newt-end", func(b *testing.B) { benchLine(b, lines[4]) })
	b.Run("stream-event", func(b *testing.B) { benchLine(b, lines[6]) })
	b.Run("api-2-rows", func(b *testing.B) { benchLine(b, lines[8]) })
	b.Run("csv-row", func(b *testing.B) { benchLine(b, lines[11]) })
}

func BenchmarkParseJSON(b *testing.B) {
	benchLine(b, fixtureLines(b, "json.log")[1])
}

func BenchmarkParseText(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		benchLine(b, `Initial reliable ping failed, but continuing: all 5 ping attempts failed, last error: failed to read ICMP packet: i/o timeout`)
	})
	b.Run("stamped", func(b *testing.B) { benchLine(b, fixtureLines(b, "text.log")[0]) })
}

// BenchmarkParseLevel7Mixed parses a block of 100 payloads shaped like a
// connector at log level 7: 92 service lines, 8 ANALYTICS events.
func BenchmarkParseLevel7Mixed(b *testing.B) {
	var service []string
	for _, l := range fixtureLines(b, "service.log") {
		if strings.HasPrefix(l, "[") {
			service = append(service, l)
		}
	}
	analytics := fixtureLines(b, "analytics.log")[:9]
	var block [][]byte
	total := 0
	for k := 0; k < 100; k++ {
		var l string
		if k%12 == 11 && len(block) < 100 { // 8 of 100
			l = analytics[(k/12)%len(analytics)]
		} else {
			l = service[k%len(service)]
		}
		block = append(block, []byte(l))
		total += len(l)
	}
	out := make([]Result, 0, 8)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range block {
			out = Parse(p, out[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(block)), "ns/line")
}

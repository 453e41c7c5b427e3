package main

import (
	"bytes"
	"connlog/model"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestExportLeanIsInvisible: for every fixture and queries that let the
// decoder skip the fields of service lines, analytics events and stamped
// text lines, each format writes exactly what a full decode writes.
func TestExportLeanIsInvisible(t *testing.T) {
	fixtures, _ := filepath.Glob("../../testdata/envelopes/*.log")
	payloads, _ := filepath.Glob("../../testdata/payloads/*.log")
	realworld, _ := filepath.Glob("../../testdata/realworld/*.log") // programs' own stamped lines among them
	fixtures = append(append(fixtures, payloads...), realworld...)
	if len(fixtures) < 25 {
		t.Fatalf("found only %d fixtures", len(fixtures))
	}
	queries := []string{"", "level>=error", "level>=warn", "kind:analytics", "kind:service level:info", "connection", "unit:x or level=debug",
		// Message terms the decoders test before the parse (decode.Options.Unparsed).
		"msg:*connect*", "msg:*e* level>=warn", "-msg:*e*", "msg:*zz* or -module:connector", `message:"*fail*" or user:*`,
		"msg=x or kind:analytics", "msg:*a* country:*", "msg:*relay* or event:*"}
	for _, f := range fixtures {
		rel := strings.TrimPrefix(f, "../../")
		for _, format := range []string{"raw", "text", "ndjson", "csv", "journal"} {
			for _, q := range queries {
				t.Run(rel+"/"+format+"/"+q, func(t *testing.T) {
					name := fixtureCopy(t, rel)
					args := []string{"export", "--utc", "--format", format, "-q", q, name}
					lean := exportWith(t, true, args)
					full := exportWith(t, false, args)
					if lean != full {
						t.Fatalf("lean decoding changed the output:\nlean:\n%s\nfull:\n%s", lean, full)
					}
				})
			}
		}
	}
}

// TestExportLeanRedactedRaw: a raw export leaves an entry's fields unread
// (see completer), but a redacted one reads them to find what to redact,
// and writes what a full decode writes.
func TestExportLeanRedactedRaw(t *testing.T) {
	for _, rel := range []string{"testdata/envelopes/docker-ts.log", "testdata/payloads/analytics.log"} {
		t.Run(rel, func(t *testing.T) {
			name := fixtureCopy(t, rel)
			args := []string{"export", "--format", "raw", "--redact", name}
			// The pseudonyms are keyed afresh by each export: only where
			// they stand is compared.
			lean, full := maskPseudonyms(exportWith(t, true, args)), maskPseudonyms(exportWith(t, false, args))
			if lean != full {
				t.Fatalf("lean decoding changed the redacted output:\nlean:\n%s\nfull:\n%s", lean, full)
			}
			if plain := exportWith(t, true, []string{"export", "--format", "raw", name}); maskPseudonyms(plain) == lean {
				t.Fatal("--redact changed nothing; the test proves nothing")
			}
		})
	}
}

// pseudonym is a stand-in --redact writes (see export.Redactor).
var pseudonym = regexp.MustCompile(`\b(user|ip|device)-[0-9a-f]{12}\b`)

// maskPseudonyms keeps of each pseudonym what it stands for.
func maskPseudonyms(s string) string { return pseudonym.ReplaceAllString(s, "$1-…") }

// exportWith runs the command with lean decoding allowed or not.
func exportWith(t *testing.T, lean bool, args []string) string {
	t.Helper()
	return maskRecentTimes(exportStdinWith(t, lean, args, ""), time.Now())
}

// exportStdinWith runs the command on input as stdin, with lean decoding
// allowed or not.
func exportStdinWith(t *testing.T, lean bool, args []string, input string) string {
	t.Helper()
	old := leanDecoding
	leanDecoding = lean
	defer func() { leanDecoding = old }()
	var out, errOut bytes.Buffer
	if code := run(args, strings.NewReader(input), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	return out.String()
}

var anyRFC3339 = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

// maskRecentTimes replaces the times within a minute of now, in any format
// (lines without a time of their own carry the moment they were read), so
// that two runs compare equal.
func maskRecentTimes(out string, now time.Time) string {
	out = anyRFC3339.ReplaceAllStringFunc(out, func(s string) string {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err == nil && t.Sub(now).Abs() < time.Minute {
			return "<read time>"
		}
		return s
	})
	// The journal export format's times are microseconds since the epoch.
	return journalRealtime.ReplaceAllStringFunc(out, func(s string) string {
		us, err := strconv.ParseInt(strings.TrimPrefix(s, "__REALTIME_TIMESTAMP="), 10, 64)
		if err == nil && time.UnixMicro(us).Sub(now).Abs() < time.Minute {
			return "__REALTIME_TIMESTAMP=<read time>"
		}
		return s
	})
}

var journalRealtime = regexp.MustCompile(`__REALTIME_TIMESTAMP=\d+`)

// TestSummaryLeanIsInvisible: for every fixture and a few queries, the
// summary of entries decoded lean (and analytics events parsed over their
// lines' bytes) is the summary of entries decoded in full.
func TestSummaryLeanIsInvisible(t *testing.T) {
	fixtures, _ := filepath.Glob("../../testdata/envelopes/*.log")
	payloads, _ := filepath.Glob("../../testdata/payloads/*.log")
	fixtures = append(fixtures, payloads...)
	for _, f := range fixtures {
		rel := strings.TrimPrefix(f, "../../")
		for _, q := range []string{"", "level>=warn", "kind:analytics"} {
			t.Run(rel+"/"+q, func(t *testing.T) {
				args := []string{"summary", "--utc", "--format", "json", "-q", q, fixtureCopy(t, rel)}
				if lean, full := exportWith(t, true, args), exportWith(t, false, args); lean != full {
					t.Fatalf("lean decoding changed the summary:\nlean:\n%s\nfull:\n%s", lean, full)
				}
			})
		}
	}
}

// TestSummaryOfABigLogIsInvisiblyLean: over a log many read buffers long,
// whose connection events are parsed over the buffers' bytes, the summary
// (with the tallies of two windows compared) is the one of entries parsed
// into copies: nothing the triage keeps aliases a buffer read again.
func TestSummaryOfABigLogIsInvisiblyLean(t *testing.T) {
	var b strings.Builder
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	events := []string{model.EventFailed, model.EventEstablished, model.EventDenied}
	for i := range 30000 {
		at := start.Add(time.Duration(i) * 60 * time.Millisecond)
		b.WriteString(at.Format("2006-01-02T15:04:05.000000000Z") + " ")
		if i%3 == 0 {
			b.WriteString("[INFO] [connector] processing \"health\" request\n")
			continue
		}
		b.WriteString(analyticsEventOf(fmt.Sprintf("c-%d", i/3), events[i/3%len(events)], fmt.Sprintf("user%d@example.com", i*7%53),
			fmt.Sprintf("host%d.internal", i%17), at.UnixMilli()) + "\n")
	}
	name := filepath.Join(t.TempDir(), "big.log")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"summary", "--utc", "--format", "json", "--compare", "previous:10m", name}
	lean, full := exportWith(t, true, args), exportWith(t, false, args)
	if lean != full {
		t.Fatalf("lean decoding changed the summary:\nlean:\n%s\nfull:\n%s", lean, full)
	}
	if !strings.Contains(full, "@example.com") || !strings.Contains(full, `"failed": 1`) {
		t.Fatalf("the summary names no user, or counts no failure:\n%s", full)
	}
}

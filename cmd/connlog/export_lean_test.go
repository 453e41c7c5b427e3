package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestExportLeanIsInvisible: for every fixture and queries that let the
// decoder skip service and analytics fields, each format writes exactly
// what a full decode writes.
func TestExportLeanIsInvisible(t *testing.T) {
	fixtures, _ := filepath.Glob("../../testdata/envelopes/*.log")
	payloads, _ := filepath.Glob("../../testdata/payloads/*.log")
	fixtures = append(fixtures, payloads...)
	if len(fixtures) < 10 {
		t.Fatalf("found only %d fixtures", len(fixtures))
	}
	queries := []string{"", "level>=error", "level>=warn", "kind:analytics", "kind:service level:info", "connection", "unit:x or level=debug",
		// Message terms the decoders test before the parse (decode.Options.Unparsed).
		"msg:*connect*", "msg:*e* level>=warn", "-msg:*e*", "msg:*zz* or -module:connector", `message:"*fail*" or user:*`,
		"msg=x or kind:analytics", "msg:*a* country:*", "msg:*relay* or event:*"}
	for _, f := range fixtures {
		rel := strings.TrimPrefix(f, "../../")
		for _, format := range []string{"raw", "text", "ndjson", "csv"} {
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

// exportWith runs the command with lean decoding allowed or not.
func exportWith(t *testing.T, lean bool, args []string) string {
	t.Helper()
	old := leanDecoding
	leanDecoding = lean
	defer func() { leanDecoding = old }()
	out, errOut, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	return maskRecentTimes(out, time.Now())
}

var anyRFC3339 = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

// maskRecentTimes replaces the times within a minute of now, in any format
// (lines without a time of their own carry the moment they were read), so
// that two runs compare equal.
func maskRecentTimes(out string, now time.Time) string {
	return anyRFC3339.ReplaceAllStringFunc(out, func(s string) string {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err == nil && t.Sub(now).Abs() < time.Minute {
			return "<read time>"
		}
		return s
	})
}

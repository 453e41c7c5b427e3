package query

import (
	"testing"

	"connlog/model"
)

// jsonLine is an entry of a line read with the envelope named env.
func jsonLine(env, raw string) *model.Entry {
	return &model.Entry{Raw: []byte(raw), Origin: model.Origin{Envelope: env}}
}

// TestTextAsShownFindsJSONEscapedLine: a docker json-file record and a
// journalctl -o json line write their text escaped; the words, phrases and
// expressions the table shows find them as well as the raw bytes do, and a
// line whose envelope does not escape is searched as it is.
func TestTextAsShownFindsJSONEscapedLine(t *testing.T) {
	docker := jsonLine("docker-json", `{"log":"[DEBUG] processing \"health\" request from C:\\temp\\x \u003cb\u003e \u0026 caf\u00e9 \u001b[31mred\u001b[0m end\n","stream":"stderr","time":"2026-12-05T22:00:00.249454301Z"}`)
	journal := jsonLine("journal-json", `{"_HOSTNAME":"gw-d","MESSAGE":"two\nlines \"q\" café\ttab","SYSLOG_IDENTIFIER":"t","__REALTIME_TIMESTAMP":"1700000001000000"}`)
	binary := jsonLine("journal-json", `{"_HOSTNAME":"gw-d","MESSAGE":[27,91,51,49,109,104,111,116,27,91,48,109,32,34,113,34],"__REALTIME_TIMESTAMP":"1700000001000000"}`)
	plain := jsonLine("bare", `{"log":"processing \"health\" request\n"}`)
	for _, tc := range []struct {
		name, query string
		e           *model.Entry
		want        bool
	}{
		{"phrase with quotes", `"processing \"health\" request"`, docker, true},
		{"phrase as the line writes it", `"processing \\\"health\\\" request"`, docker, true},
		{"word", `health`, docker, true},
		{"regex with a quote", `/processing "health"/`, docker, true},
		{"regex without a literal", `/"\w+" request/`, docker, true},
		{"regex the decoded line lacks", `/processing "wealth"/`, docker, false},
		{"phrase with a backslash", `"C:\\temp\\x"`, docker, true},
		{"html-escaped by docker", `"<b> &"`, docker, true},
		{"non-ASCII escaped", `"café"`, docker, true},
		{"non-ASCII folded", `CAFÉ`, docker, false},
		{"colour escaped", `"red end"`, docker, true},
		{"phrase missing", `"processing \"health\" response"`, docker, false},
		{"the log key still matches", `"log"`, docker, true},
		{"journal phrase", `"lines \"q\" café"`, journal, true},
		{"journal tab", "\"café\ttab\"", journal, true},
		{"journal phrase over a newline", "\"two\nlines\"", journal, true},
		{"journal regex over a newline", `/two\slines "q"/`, journal, true},
		{"journal byte array", `"hot \"q\""`, binary, true},
		{"journal byte array, colour", `hot`, binary, true},
		{"bare line is as it reads", `"processing \"health\" request"`, plain, false},
		{"bare line raw", `"processing \\\"health\\\" request"`, plain, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := mustCompile(t, tc.query)
			if got := q.Match(tc.e); got != tc.want {
				t.Errorf("%s on %s = %v, want %v", tc.query, tc.e.Raw, got, tc.want)
			}
		})
	}
}

// TestDecodedLineSearchAllocatesNothing: the second look at an escaped
// line reuses its buffers (which the race detector, emptying sync.Pools at
// random, makes it allocate again now and then).
func TestDecodedLineSearchAllocatesNothing(t *testing.T) {
	e := jsonLine("docker-json", `{"log":"processing \"health\" request\n","stream":"stderr","time":"2026-12-05T22:00:00Z"}`)
	for _, tc := range []struct {
		query string
		want  bool
	}{{`"processing \"health\" request"`, true}, {`/"health" re/`, true}, {`"\"wealth\""`, false}} {
		q := mustCompile(t, tc.query)
		if got := q.Match(e); got != tc.want {
			t.Fatalf("%s = %v, want %v", tc.query, got, tc.want)
		}
		if n := testing.AllocsPerRun(100, func() { q.Match(e) }); n > 0 && !raceEnabled {
			t.Errorf("%s: %v allocations per match", tc.query, n)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// unparsedCases are logs whose lines a message term could misjudge on their
// raw bytes, each with queries whose answers differ on them: messages that
// hold a text only once unescaped, a terminal sequence, a line with no time
// of its own, and a connection's events on either side of a time bound
// (the writer pairs a closed connection with its opening, ruled out or not).
var unparsedCases = []struct {
	name, log string
	queries   []string
}{
	{"docker json-file escapes", strings.Join([]string{
		`{"log":"[INFO] [connector] conn\u0065cted to relay\n","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`,
		`{"log":"[INFO] [connector] said \"connected\" twice\n","stream":"stdout","time":"2026-02-10T08:00:00.2Z"}`,
		`{"log":"[WARN] [connector] tab\there connected\n","stream":"stdout","time":"2026-02-10T08:00:00.3Z"}`,
		`{"log":"[INFO] [connector] plain line\n","stream":"stdout","time":"2026-02-10T08:00:00.4Z"}`,
	}, "\n") + "\n", []string{"msg:*connected*", `msg:*"connected"*`, "msg:\"*tab\there*\"", "-msg:*connected*", `msg="plain line" or msg:*zz*`}},
	{"terminal sequences and inherited times", "2026-02-10T08:00:00.100000000Z [INFO] [connector] \x1b[1mfailed\x1b[0m to dial\n" +
		"[ERROR] [connector] failed without a time\n" +
		"2026-02-10T08:00:00.300000000Z [INFO] [connector] dial ok\n",
		[]string{"msg:*failed*", `msg:"failed to dial"`, "msg:*failed* since:2026-02-10T08:00:00.2Z", "msg:*without* until:2026-02-11T00:00:00Z", "-msg:*ok*"}},
	{"a connection across a time bound", "2026-02-10T08:00:00.100000000Z " + analyticsEvent("established_connection", 1770710400100) + "\n" +
		"2026-02-10T08:00:00.500000000Z [INFO] [connector] between\n" +
		"2026-02-10T08:00:01.100000000Z " + analyticsEvent("closed_connection", 1770710401100) + "\n",
		[]string{"msg:*zz* or since:2026-02-10T08:00:01Z", "msg:*between* or since:2026-02-10T08:00:01Z", "msg:*e* level>=info"}},
}

// analyticsEvent is a Twingate connection event of the connection 7.
func analyticsEvent(event string, millis int64) string {
	return analyticsEventOf("c0ffee-7", event, "anna@example.com", "bastion.internal", millis)
}

// analyticsEventOf is a Twingate connection event.
func analyticsEventOf(id, event, user, resource string, millis int64) string {
	return `ANALYTICS {"connection": {"id": "` + id + `", "protocol": "tcp", "resource_ip": "10.0.0.7", "resource_port": 22, "rx": 10, "tx": 20}, ` +
		`"event_type": "` + event + `", "resource": {"address": "` + resource + `", "id": "7"}, "timestamp": ` +
		strconv.FormatInt(millis, 10) + `, "user": {"email": "` + user + `", "id": "7"}}`
}

// TestExportRulesOutUnparsedLinesInvisibly: in every format, an export whose
// decoders rule lines out before their parse writes exactly what one that
// parses every line writes, and the cases write something.
func TestExportRulesOutUnparsedLinesInvisibly(t *testing.T) {
	for _, c := range unparsedCases {
		name := filepath.Join(t.TempDir(), "case.log")
		if err := os.WriteFile(name, []byte(c.log), 0o644); err != nil {
			t.Fatal(err)
		}
		wrote := 0
		for _, q := range c.queries {
			for _, format := range []string{"raw", "text", "ndjson", "csv", "journal"} {
				args := []string{"export", "--utc", "--format", format, "-q", q, name}
				ruled, parsed := exportWith(t, true, args), exportWith(t, false, args)
				if ruled != parsed {
					t.Errorf("%s, %q as %s: ruling lines out changed the output:\n%s\nparsing every line:\n%s", c.name, q, format, ruled, parsed)
				}
				if format == "raw" && ruled != "" {
					wrote++
				}
			}
		}
		if wrote < len(c.queries)-1 {
			t.Errorf("%s: only %d of %d queries wrote anything: the comparison proves little", c.name, wrote, len(c.queries))
		}
	}
}

// TestExportRulesOutNothingBeforeTheDayIsKnown: a time without a date on a
// stream means the day of its first entry, so the query changes once that
// entry is read; the decoders, ahead of the writer, must not rule lines out
// against the query of another day.
func TestExportRulesOutNothingBeforeTheDayIsKnown(t *testing.T) {
	log := unparsedCases[2].log
	for _, q := range []string{"msg:*zz* or since:08:00:00.4", "msg:*between* or since:08:00:01"} {
		for _, format := range []string{"raw", "ndjson"} {
			args := []string{"export", "--utc", "--format", format, "-q", q, "-"}
			ruled, parsed := exportStdinWith(t, true, args, log), exportStdinWith(t, false, args, log)
			if ruled != parsed || ruled == "" {
				t.Errorf("%q as %s: ruling lines out changed the output:\n%s\nparsing every line:\n%s", q, format, ruled, parsed)
			}
		}
	}
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/source/synth"
)

// rejectedQueries are questions that reject every ANALYTICS event on its
// level alone (the decoders then leave events unparsed), but for
// level>=warn, which takes a failure (the decoders leave unparsed the
// events whose lines name none), and user:alice*, which reads fields: the
// skip must not apply to that one. kind:gap writes the marks, with the
// times they took from the line before; level>=critical writes nothing,
// and says the span of what it read instead.
var rejectedQueries = []string{"level>=error", "level>=warn", "level:error", "level>=error user:x", "user:alice*",
	"level>=error or kind:gap", "level>=critical"}

// queriesFor returns the questions asked of an export in format. Whether
// events are left unparsed depends on the question and on whether the
// format pairs connections, not on how it writes: raw is asked them all;
// text and the journal export the questions that leave events unparsed;
// the formats that pair (ndjson, CSV, bundle), which never leave them so,
// one that would. (Asking each format every question took minutes under
// the race detector, to test the same choices again.)
func queriesFor(format string) []string {
	switch format {
	case "raw":
		return rejectedQueries
	case "ndjson", "csv", "bundle":
		return rejectedQueries[:1]
	}
	return slices.DeleteFunc(slices.Clone(rejectedQueries), func(q string) bool { return q == "user:alice*" })
}

// TestExportSkippingRejectedEventsIsInvisible: for the fixtures, the
// samples, the fuzz corpora and generated logs, every format and every
// question writes the same bytes, and says the same on stderr, whether the
// events a question rejects are left unparsed or not.
func TestExportSkippingRejectedEventsIsInvisible(t *testing.T) {
	inputs := rejectedInputs(t)
	if len(inputs) < 60 {
		t.Fatalf("found only %d inputs", len(inputs))
	}
	for _, in := range inputs {
		name := filepath.Join(t.TempDir(), "in.log")
		if err := os.WriteFile(name, in.data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"raw", "text", "ndjson", "csv", "journal", "bundle"} {
			for _, q := range queriesFor(format) {
				t.Run(in.name+"/"+format+"/"+q, func(t *testing.T) {
					compareSkipping(t, in.zone, []string{"export", "--format", format, "-q", q, name})
				})
			}
		}
	}
}

// compareSkipping runs the command with the skip on and off, in zone
// ("" is UTC), and fails on any difference.
func compareSkipping(t *testing.T, zone string, args []string) {
	t.Helper()
	if zone == "" {
		args = append([]string{args[0], "--utc"}, args[1:]...)
	}
	skipped, parsed := runSkipping(t, true, zone, args), runSkipping(t, false, zone, args)
	if skipped != parsed {
		t.Fatalf("leaving rejected events unparsed changed the export:\nskipped:\n%s\nparsed:\n%s", skipped, parsed)
	}
}

// parseRejected, set in the environment of the test binary run as
// connlog, turns the skip off there.
const parseRejected = "CONNLOG_TEST_PARSE_REJECTED"

// Before any init, which runs connlog in such a process.
var _ = func() bool {
	if os.Getenv(parseRejected) == "1" {
		skipRejected = false
	}
	return true
}()

// runSkipping runs the command with the skip on or off and returns its
// exit status, output and standard error, the times of the moment masked.
// In a zone it runs as a process of its own, with TZ set. A bundle's
// members are read out of it.
func runSkipping(t *testing.T, skip bool, zone string, args []string) string {
	t.Helper()
	bundle := slices.Contains(args, "bundle")
	if bundle {
		args = append(args, "-o", filepath.Join(t.TempDir(), "out.tar"))
	}
	var out, errOut bytes.Buffer
	var code int
	if zone == "" {
		old := skipRejected
		skipRejected = skip
		code = run(args, strings.NewReader(""), &out, &errOut)
		skipRejected = old
	} else {
		code = runInZone(t, zone, skip, args, &out, &errOut)
	}
	body := out.String()
	if bundle && code == 0 {
		body = bundleMembers(t, args[len(args)-1])
	}
	now := time.Now()
	return fmt.Sprintf("exit %d\n%s\n-- stderr --\n%s", code, maskRecentTimes(body, now), maskRecentSpan(maskRecentTimes(errOut.String(), now), now))
}

// runInZone runs the test binary as connlog with TZ=zone, the skip on or
// off, and returns its exit status.
func runInZone(t *testing.T, zone string, skip bool, args []string, out, errOut *bytes.Buffer) int {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), runAsConnlog+"=1", "TZ="+zone, parseRejected+"="+strconv.Itoa(map[bool]int{true: 0, false: 1}[skip]))
	cmd.Stdout, cmd.Stderr = out, errOut
	var exit *exec.ExitError
	if err := cmd.Run(); errors.As(err, &exit) {
		return exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0
}

var spanText = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(–\d\d:\d\d:\d\d)?`)

// maskRecentSpan masks a span said on stderr that begins within a minute
// of now: the times of lines dated when read.
func maskRecentSpan(s string, now time.Time) string {
	return spanText.ReplaceAllStringFunc(s, func(m string) string {
		t, err := time.ParseInLocation("2006-01-02 15:04:05", m[:19], time.Local)
		if err == nil && t.Sub(now).Abs() < time.Minute {
			return "<read time span>"
		}
		return m
	})
}

// bundleMembers returns the names and contents of a bundle's members.
func bundleMembers(t *testing.T, name string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	members, err := tarMembers(f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, m := range members {
		// The members are compared themselves, their read times masked.
		body := memberHash.ReplaceAll(m.body, []byte(`"sha256": "<hash>"`))
		body = memberSize.ReplaceAll(body, []byte(`"size": <size>`))
		fmt.Fprintf(&b, "== %s\n%s\n", m.name, body)
	}
	return b.String()
}

// The manifest's hashes and sizes of members, which hold read times.
var (
	memberHash = regexp.MustCompile(`"sha256": "[0-9a-f]{64}"`)
	memberSize = regexp.MustCompile(`"size": \d+`)
)

// rejectedInput is one log the comparison reads, in a zone ("" is UTC).
type rejectedInput struct {
	name string
	data []byte
	zone string
}

// rejectedInputs gathers the logs: the fixtures, the samples (as they are,
// and each line behind a docker logs -t time, which lets the decoders
// leave its events unparsed), the fuzz corpora of the decoder and the
// analytics parser (likewise), generated logs, and logs made for the
// cases where a rejected event's time is read after all.
func rejectedInputs(t *testing.T) []rejectedInput {
	var ins []rejectedInput
	for _, glob := range []string{"../../testdata/envelopes/*.log", "../../testdata/payloads/*.log", "../../testdata/realworld/*.log"} {
		names, _ := filepath.Glob(glob)
		for _, n := range names {
			data := readFile(t, n)
			if strings.Contains(n, "realworld") {
				data = withoutHeader(data)
			}
			ins = append(ins, rejectedInput{name: strings.TrimPrefix(n, "../../"), data: data})
		}
	}
	samples, _ := filepath.Glob(filepath.Join(samplesDir(), "*"))
	for _, n := range samples {
		data := readFile(t, n)
		ins = append(ins, rejectedInput{name: "samples/" + filepath.Base(n), data: data},
			rejectedInput{name: "samples/" + filepath.Base(n) + ".docker-ts", data: behindDockerTimes(data)})
	}
	for _, dir := range []string{"../../model/decode/testdata/fuzz/FuzzDecoder", "../../model/decode/testdata/fuzz/FuzzAssemble",
		"../../model/payload/testdata/fuzz/FuzzAnalytics"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, n := range names {
			for k, data := range fuzzCorpusBytes(t, n) {
				name := fmt.Sprintf("%s/%s/%d", filepath.Base(dir), filepath.Base(n), k)
				ins = append(ins, rejectedInput{name: name, data: data},
					rejectedInput{name: name + ".docker-ts", data: behindDockerTimes(data)})
			}
		}
	}
	for seed, o := range []synth.Options{{}, {Newt: true, Tailscale: true, Audit: true, Hostile: true}} {
		var b bytes.Buffer
		if err := synth.New(int64(seed+1), o).WriteDockerTS(&b, 4000); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, rejectedInput{name: fmt.Sprintf("synth/%d", seed), data: b.Bytes()})
	}
	return append(ins, readRejectedCases()...)
}

// samplesDir is where the real lines collected from public sources are.
func samplesDir() string {
	if d := os.Getenv("CONNLOG_SAMPLES"); d != "" {
		return d
	}
	return "/work/shared/samples"
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fuzzCorpusBytes returns the []byte values of a "go test fuzz v1" file.
func fuzzCorpusBytes(t *testing.T, name string) [][]byte {
	var out [][]byte
	for _, line := range strings.Split(string(readFile(t, name)), "\n") {
		if !strings.HasPrefix(line, "[]byte(") || !strings.HasSuffix(line, ")") {
			continue
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, []byte(s))
	}
	return out
}

// behindDockerTimes puts each line of data behind a docker logs -t time,
// a millisecond apart.
func behindDockerTimes(data []byte) []byte {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	for i, line := range bytes.Split(data, []byte{'\n'}) {
		b.WriteString(at.Add(time.Duration(i)*time.Millisecond).Format("2006-01-02T15:04:05.000000000Z") + " ")
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// readRejectedCases are logs where a rejected event's time is read after
// all, or could be misread: lines without a time after events (they
// inherit the event's timestamp, not its envelope's time), events of every
// shape (a timestamp as text with or without a zone, none, an implausible
// one, broken JSON, a failure, colours, an escaped key), marks after
// events (a NUL run, a line too long: they take the event's time),
// compose writers, and zone-less times on both passes of New York's
// fall-back hour among events.
func readRejectedCases() []rejectedInput {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	stamp := func(d time.Duration) string { return at.Add(d).Format("2006-01-02T15:04:05.000000000Z") + " " }
	event := func(event, ts string) string {
		return `ANALYTICS {"connection": {"id": "c-1", "protocol": "tcp"}, "event_type": "` + event + `", "timestamp": ` + ts +
			`, "user": {"email": "alice@example.com", "id": "7"}}`
	}
	millis := func(d time.Duration) string { return strconv.FormatInt(at.Add(d).UnixMilli(), 10) }
	shapes := []string{
		event("established_connection", millis(-time.Hour)),
		event("failed_to_connect", millis(-2*time.Hour)),
		event("closed_connection", `"2026-02-10T06:00:00.25+02:00"`),
		event("closed_connection", `"2026-02-10T05:00:00.125"`),
		event("closed_connection", `"`+millis(-3*time.Hour)+`"`),
		event("established_connection", "0"),
		`ANALYTICS {"event_type": "established_connection", "connection": {"id": "c-2"}}`,
		`ANALYTICS {"event_type": "established_connection", "timestamp": ` + millis(-4*time.Hour) + `, "connection": {"id": "c-3"`,
		`ANALYTICS {"event_type": "denied", "timestamp": ` + millis(-5*time.Hour) + `} trailing`,
		`ANALYTICS {"time\u0073tamp": ` + millis(-6*time.Hour) + `, "event_type": "established_connection"}`,
		"ANALYTICS {\"event_type\": \"\x1b[31mfailed\x1b[0m\", \"timestamp\": " + millis(-7*time.Hour) + "}",
		"ANALYTICS   {\"event_type\": 7, \"timestamp\": " + millis(-8*time.Hour) + "}",
		"ANALYTICS {",
		// level>=warn parses these (they may name a failure) and leaves
		// the events before them unparsed.
		event("denied_access", millis(-9*time.Hour)),
		event(`failed\u005fto_connect`, millis(-10*time.Hour)),
		event("failed_\x1b[0mto_connect", millis(-11*time.Hour)),
		event(`established_connection", "error": "failed_to_connect`, millis(-12*time.Hour)),
	}
	var followers, marks, compose strings.Builder
	followers.WriteString(leadIn(at))
	marks.WriteString(leadIn(at))
	compose.WriteString(leadIn(at))
	for i, s := range shapes {
		d := time.Duration(i+1) * time.Second
		followers.WriteString(stamp(d) + s + "\n")
		followers.WriteString("[ERROR] [connector] a line without a time after shape " + strconv.Itoa(i) + "\n")
		followers.WriteString(stamp(d+time.Millisecond) + s + "\n")
		followers.WriteString("a plain line without a time\n")
		marks.WriteString(stamp(d) + s + "\n")
		if i%2 == 0 {
			marks.WriteString(strings.Repeat("\x00", 64))
		} else {
			marks.WriteString(stamp(d) + strings.Repeat("x", 1<<20+10) + "\n")
		}
		compose.WriteString("web-1  | " + stamp(d) + s + "\n")
		compose.WriteString("db-1   | " + stamp(d) + "[INFO] [connector] between\n")
		compose.WriteString("web-1  | [ERROR] [connector] untimed after shape " + strconv.Itoa(i) + "\n")
	}
	marks.WriteString(stamp(time.Minute) + "[ERROR] [connector] the last line\n")
	return []rejectedInput{
		{name: "cases/untimed followers", data: []byte(followers.String())},
		{name: "cases/marks", data: []byte(marks.String())},
		{name: "cases/compose", data: []byte(compose.String())},
		{name: "cases/fall-back hour", data: fallBackHour(), zone: "America/New_York"},
	}
}

// leadInLines is how many lines go before a case: more than the batches
// the decoders may read ahead of the export's writer, so that the writer
// has written the first, an error, before they reach the case, and no
// longer wants every time (see selection.rejectsUnread).
const leadInLines = 16 << 10

// leadIn is an error line and leadInLines service lines, timed in the
// hour before at.
func leadIn(at time.Time) string {
	var b strings.Builder
	start := at.Add(-time.Hour)
	b.WriteString(start.Format("2006-01-02T15:04:05.000000000Z") + " [ERROR] [connector] first\n")
	for i := range leadInLines {
		b.WriteString(start.Add(time.Duration(i+1)*time.Millisecond).Format("2006-01-02T15:04:05.000000000Z") + " [INFO] [connector] lead-in\n")
	}
	return b.String()
}

// fallBackHour is a log that goes twice through 01:00–02:00 in New York
// on 2026-11-01, in times written without a zone (syslog envelopes, and
// payloads of docker lines), with events of zoned times among them, some
// of them in a syslog envelope.
func fallBackHour() []byte {
	first := time.Date(2026, 11, 1, 5, 0, 0, 0, time.UTC) // 01:00 EDT
	var b strings.Builder
	b.WriteString(leadIn(first))
	for i := range 24 {
		at := first.Add(time.Duration(i) * 5 * time.Minute) // both passes: 01:00 EDT .. 01:55 EST
		wall := at.In(mustZone("America/New_York")).Format("2006-01-02 15:04:05")
		sys := at.In(mustZone("America/New_York")).Format("Jan _2 15:04:05")
		ms := strconv.FormatInt(at.Add(-90*time.Second).UnixMilli(), 10)
		b.WriteString(at.Format(time.RFC3339Nano) + ` ANALYTICS {"event_type": "closed_connection", "timestamp": ` + ms + "}\n")
		b.WriteString(at.Add(time.Second).Format(time.RFC3339Nano) + " " + wall + " [ERROR] stamped without a zone " + strconv.Itoa(i) + "\n")
		b.WriteString("[ERROR] [connector] untimed " + strconv.Itoa(i) + "\n")
		b.WriteString(sys + ` host twingate-connector[7]: ANALYTICS {"event_type": "closed_connection", "timestamp": ` + ms + "}\n")
		b.WriteString(sys + " host twingate-connector[7]: [ERROR] [connector] syslog " + strconv.Itoa(i) + "\n")
	}
	// An event without a timestamp takes its syslog time, written without
	// a zone: back in the second pass, it places the line after it there.
	ny := mustZone("America/New_York")
	sys := func(at time.Time) string {
		return at.In(ny).Format("Jan _2 15:04:05") + " host twingate-connector[7]: "
	}
	b.WriteString(sys(first.Add(50*time.Minute)) + "[ERROR] [connector] late in the first pass\n")
	b.WriteString(sys(first.Add(70*time.Minute)) + `ANALYTICS {"event_type": "closed_connection"}` + "\n")
	b.WriteString(sys(first.Add(55*time.Minute)) + "[ERROR] [connector] read in the second pass after the event\n")
	return []byte(b.String())
}

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

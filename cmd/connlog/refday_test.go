package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The earlier-day fixture: twelve lines of 2026-11-20, 08:00:00 to 09:12:00.
const earlierDay = "testdata/days/yesterday.log"

// exportTimes returns the HH:MM:SS of every line an export printed.
func exportTimes(out string) []string {
	var ts []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if len(line) >= 19 {
			ts = append(ts, line[11:19])
		}
	}
	return ts
}

// A time without a date on the command line means that time on the day of
// the newest entry of the input, not today: on yesterday's log --since
// 08:01:30 is yesterday at 08:01:30.
func TestExportDatelessTimesFallOnTheDayOfTheData(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"--since", []string{"--since", "08:01:30"}, "08:01:30 08:01:40 08:02:00 08:30:00 09:12:00"},
		{"--until", []string{"--until", "08:00:20"}, "08:00:00 08:00:10 08:00:20"},
		{"-q since until", []string{"-q", "since:08:01:30 until:08:01:40"}, "08:01:30 08:01:40"},
		{"-q time>", []string{"-q", "time>08:30"}, "09:12:00"},
		{"a dated time", []string{"--since", "2026-11-20 09:00"}, "09:12:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := fixtureCopy(t, earlierDay)
			out, errs, code := runCLI(t, append(append([]string{"export"}, tt.args...), name)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if got := strings.Join(exportTimes(out), " "); got != tt.want {
				t.Errorf("times %q, want %q\n%s", got, tt.want, out)
			}
		})
	}
}

// Standard input cannot be read twice: its day is that of its first batch.
func TestExportDatelessTimesOnStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", earlierDay))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"export", "--since", "08:01:30", "-q", "until:08:01:40", "-"}, bytes.NewReader(data), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := strings.Join(exportTimes(out.String()), " "); got != "08:01:30 08:01:40" {
		t.Errorf("times %q, want 08:01:30 08:01:40", got)
	}
}

// A log past midnight piped whole: its times without a date fall where the
// interface puts them, on the day of the newest entry of the first batch
// and the day before or after by its span, as for the same file named.
// The day was the first entry's: --until 00:10 ended before --since 23:00
// began, and --since 00:10 was the evening before.
func TestExportAcrossMidnightOnStdin(t *testing.T) {
	log := acrossMidnightLog(t)
	for _, tt := range acrossMidnightCases {
		var out, errb bytes.Buffer
		args := append(append([]string{"export"}, tt.args...), "--utc", "--format", "ndjson", "-")
		if code := run(args, strings.NewReader(log), &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", tt.args, code, errb.String())
		}
		if got := ndjsonDays(t, out.String()); got != tt.want {
			t.Errorf("%v: %q, want %q (stderr %q)", tt.args, got, tt.want, errb.String())
		}
	}
}

// The end of a file is probed for its newest entry: a file longer than the
// probe still gives the day of its last line, not of its first.
func TestReferenceDayReadsTheTail(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "long.log")
	var b strings.Builder
	for b.Len() < 2*tailProbeBytes {
		b.WriteString("2026-11-19T23:59:00.000000+0000 h twingate-connector[1]: [INFO] [connector] processing \"health\" request\n")
	}
	b.WriteString("2026-11-20T08:00:00.000000+0000 h twingate-connector[1]: [INFO] [connector] State: Online\n")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	d := referenceDay(t.Context(), Config{Files: []string{p}}, nil)
	if d.rule != dayNewest || d.last.Format("2006-01-02 15:04") != "2026-11-20 08:00" {
		t.Errorf("day %v (rule %d), want 2026-11-20 08:00 from the last line", d.last, d.rule)
	}
	// Its head is probed for its oldest entry.
	if d.first.Format("2006-01-02 15:04") != "2026-11-19 23:59" {
		t.Errorf("first %v, want 2026-11-19 23:59 from the first line", d.first)
	}
}

// A log that runs past midnight, read the morning after (logrotate's daily
// file): a time without a date that the newest entry's day puts after the
// data falls on the day before, where the data has it. --since 23:00 was
// the coming night, which the log never reaches: nothing was written.
func TestExportAcrossMidnight(t *testing.T) {
	p := filepath.Join(t.TempDir(), "app.log.1")
	if err := os.WriteFile(p, []byte(acrossMidnightLog(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range acrossMidnightCases {
		out, errs, code := runCLI(t, append(append([]string{"export"}, tt.args...), "--utc", "--format", "ndjson", p)...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", tt.args, code, errs)
		}
		if got := ndjsonDays(t, out); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.args, got, tt.want)
		}
	}
	if out, errs, code := runCLI(t, "summary", "--utc", "--since", "23:00", p); code != 0 || !strings.Contains(out, "from 2026-11-20 23:00:00 UTC") {
		t.Errorf("summary --since 23:00: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

// acrossMidnightLog is a log of 2026-11-20 21:00 to 2026-11-21 02:30 UTC,
// a line every half hour: logrotate's daily file read the morning after.
func acrossMidnightLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for at := time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC); at.Before(time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC)); at = at.Add(30 * time.Minute) {
		fmt.Fprintf(&b, "%s h twingate-connector[1]: [INFO] [connector] tick\n", at.Format("2006-01-02T15:04:05.000000-0700"))
	}
	return b.String()
}

// acrossMidnightCases are windows of acrossMidnightLog written without a
// date, and the entries (month-day hour:minute, UTC) each selects.
var acrossMidnightCases = []struct {
	args []string
	want string
}{
	{[]string{"--since", "23:00", "--until", "01:00"}, "11-20 23:00 11-20 23:30 11-21 00:00 11-21 00:30 11-21 01:00"},
	{[]string{"--until", "22:00"}, "11-20 21:00 11-20 21:30 11-20 22:00"},
	{[]string{"--since", "02:00"}, "11-21 02:00 11-21 02:30"},
	{[]string{"-q", "since:23:30 until:00:00"}, "11-20 23:30 11-21 00:00"},
}

// ndjsonDays lists the month, day, hour and minute of each exported entry.
func ndjsonDays(t *testing.T, out string) string {
	t.Helper()
	var days []string
	for line := range strings.Lines(out) {
		var e struct{ Time time.Time }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v in %q", err, line)
		}
		days = append(days, e.Time.UTC().Format("01-02 15:04"))
	}
	return strings.Join(days, " ")
}

// A time bound that selects nothing while the input spans other days says
// so on stderr, with the span, and the export still succeeds.
func TestExportSaysWhenTheWindowMissesTheInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"after the last entry", []string{"--since", "10:00"}, "no entries since 2026-11-20 10:00; the input spans 2026-11-20 08:00–09:12"},
		{"another day", []string{"-q", "since:2026-12-02"}, "no entries since 2026-12-02; the input spans 2026-11-20 08:00–09:12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := fixtureCopy(t, earlierDay)
			out, errs, code := runCLI(t, append(append([]string{"export"}, tt.args...), name)...)
			if code != 0 || out != "" {
				t.Fatalf("exit %d, output %q, stderr %q", code, out, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q, want it to say %q", errs, tt.want)
			}
		})
	}
	// summary says it too.
	name := fixtureCopy(t, earlierDay)
	if _, errs, code := runCLI(t, "summary", "--since", "10:00", name); code != 0 ||
		!strings.Contains(errs, "no entries since 2026-11-20 10:00; the input spans 2026-11-20 08:00–09:12") {
		t.Errorf("summary: exit %d, stderr %q", code, errs)
	}
	// A window that meets the data says nothing.
	if _, errs, _ := runCLI(t, "export", "--since", "08:01:30", name); errs != "" {
		t.Errorf("stderr %q on a window with entries", errs)
	}
}

// --since -2h, as the usage and the README write it and as journalctl takes
// it, means two hours ago, like 2h.
func TestSinceWithASignIsAgo(t *testing.T) {
	name := fixtureCopy(t, earlierDay)
	signed, errs, code := runCLI(t, "export", "--since", "-100000h", name)
	if code != 0 || signed == "" {
		t.Fatalf("--since -100000h: exit %d, output %q, stderr %q", code, signed, errs)
	}
	plain, _, _ := runCLI(t, "export", "--since", "100000h", name)
	if signed != plain {
		t.Errorf("-100000h and 100000h select differently:\n%s\n%s", signed, plain)
	}
	if _, errs, code := runCLI(t, "export", "--since", "+1h", name); code != 2 || !strings.Contains(errs, "is not a time") {
		t.Errorf("--since +1h: exit %d, stderr %q; want a usage error", code, errs)
	}
}

// journalctl writes a header without a time before its lines ("-- Logs
// begin at …" or "-- Journal begins at …"). It takes the time of the line
// after it, so it neither sets the day of a time without a date to the
// day it was read nor falls in a window of today: in a file and on
// standard input alike.
func TestJournalctlsHeaderTakesTheFirstLinesTime(t *testing.T) {
	const log = "-- Journal begins at Mon 2026-11-30 08:00:00 UTC, ends at Fri 2026-12-04 10:00:05 UTC. --\n" +
		"Dec 04 10:00:00 gw twingate-connector[1]: [INFO] [connector] State: Online\n" +
		"Dec 04 10:00:05 gw twingate-connector[1]: [ERROR] [connector] boom\n"
	path := filepath.Join(t.TempDir(), "journalctl.log")
	if err := os.WriteFile(path, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"--since", []string{"--since", "10:00:03"}, "10:00:05"},
		{"--until", []string{"--until", "10:00:03"}, "10:00:00 10:00:00"},
		{"-q until", []string{"-q", "until:10:00:03"}, "10:00:00 10:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" in a file", func(t *testing.T) {
			out, errs, code := runCLI(t, append(append([]string{"export"}, tt.args...), path)...)
			if got := strings.Join(exportTimes(out), " "); code != 0 || got != tt.want {
				t.Errorf("exit %d, times %q, want %q\n%s%s", code, got, tt.want, out, errs)
			}
		})
		t.Run(tt.name+" on standard input", func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append(append([]string{"export"}, tt.args...), "-"), strings.NewReader(log), &out, &errb)
			if got := strings.Join(exportTimes(out.String()), " "); code != 0 || got != tt.want {
				t.Errorf("exit %d, times %q, want %q\n%s%s", code, got, tt.want, out.String(), errb.String())
			}
		})
	}
	out, errs, code := runCLI(t, "summary", path)
	if code != 0 || !strings.Contains(out, "to 2026-12-04 10:00:05") {
		t.Errorf("exit %d: the summary's span must end with the last line\n%s%s", code, out, errs)
	}
}

// A file of lines without a time says nothing of the day: the day is that
// of the files that have times, not the day the untimed lines were read.
func TestReferenceDayIgnoresUntimedFiles(t *testing.T) {
	dir := t.TempDir()
	timed, untimed := filepath.Join(dir, "timed.log"), filepath.Join(dir, "untimed.log")
	if err := os.WriteFile(timed, []byte("2026-11-20T08:00:00Z [INFO] [connector] State: Online\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(untimed, []byte("[INFO] [connector] no time\n[INFO] [connector] none here either\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := referenceDay(t.Context(), Config{Files: []string{timed, untimed}}, nil)
	day, rule := d.last, d.rule
	if rule != dayNewest || day.UTC().Format("2006-01-02 15:04") != "2026-11-20 08:00" {
		t.Errorf("day %v (rule %d), want 2026-11-20 08:00 from the timed file", day, rule)
	}
}

// A journal export file, small or longer than the probe of its tail, gives
// the day of its newest entry: its lines are read as the journal's entries,
// from the first whole one in the tail (its field lines have no time).
func TestReferenceDayOfAJournalExportFile(t *testing.T) {
	// Entries of two lines are written as binary MESSAGE fields, whose
	// bytes hold newlines: the tail must not begin within one.
	for _, lines := range []int{3, 2 * tailProbeBytes / 80} {
		dir := t.TempDir()
		log, exp := filepath.Join(dir, "connector.log"), filepath.Join(dir, "connector.export")
		var b strings.Builder
		for i := range lines {
			fmt.Fprintf(&b, "[2026-11-20T08:%02d:%02d.000000Z] [INFO] [client] Environment Information:\n    OS: Linux %d\n", i/60%60, i%60, i)
		}
		if err := os.WriteFile(log, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, errs, code := runCLI(t, "export", "--format", "journal", "-o", exp, log); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		d := referenceDay(t.Context(), Config{Files: []string{exp}}, nil)
		day, rule := d.last, d.rule
		if rule != dayNewest || day.UTC().Format("2006-01-02") != "2026-11-20" {
			t.Errorf("%d lines: day %v (rule %d), want 2026-11-20 from the newest entry", lines, day, rule)
		}
	}
}

// A copied journal beside a file too short to be one (its gap comes first,
// with no entry before it to date it) gives the day of its newest entry:
// gaps and marks are not entries of the data.
func TestReferenceDayIgnoresGaps(t *testing.T) {
	dir := copiedJournalDir(t)
	if err := os.WriteFile(filepath.Join(dir, "aaa.journal"), []byte("LPKSHHRH"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command("journalctl", "-D", dir, "-n", "1", "-o", "short-iso", "--utc", "-q", "--no-pager").Output()
	if err != nil || len(want) < 10 {
		t.Fatalf("journalctl: %v", err)
	}
	d := referenceDay(t.Context(), Config{Directory: dir, AllUnits: true}, nil)
	day, rule := d.last, d.rule
	if rule != dayNewest || day.UTC().Format("2006-01-02") != string(want[:10]) {
		t.Errorf("day %v (rule %d), want %s from the newest entry", day, rule, want[:10])
	}
}

// NUL bytes a crash left at a file's start are a gap dated with the first
// line, not the time they were read: --since without a date still falls on
// the day of the data.
func TestANulRunAtTheStartIsDatedWithTheFirstLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crashed.log")
	data := "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
		"2026-12-04T10:05:00.000000001Z [ERROR] [libsdwan] main: after\n" +
		"2026-12-04T10:06:00.000000001Z [INFO] [libsdwan] main: next\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "export", "--since", "10:05:30", path)
	if got := strings.Join(exportTimes(out), " "); code != 0 || got != "10:06:00" {
		t.Errorf("exit %d, times %q, want 10:06:00\n%s%s", code, got, out, errs)
	}
}

// Lines before the first timed one take its time however many read jobs
// they span (a long banner, a journalctl header and what precedes a first
// stamped line); in a log with no time at all they keep the time they were
// read.
func TestManyLinesBeforeTheFirstTimedOne(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "banner %d\n", i)
	}
	led := filepath.Join(dir, "led.log")
	if err := os.WriteFile(led, []byte(b.String()+"2026-12-04T10:00:01Z INF first\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "export", "--format", "ndjson", led)
	if code != 0 || strings.Count(out, `"time":"2026-12-04T10:00:01Z"`) != 5001 {
		t.Errorf("exit %d: %d of 5001 entries dated 2026-12-04T10:00:01Z\n%s", code, strings.Count(out, `"time":"2026-12-04T10:00:01Z"`), errs)
	}
	untimed := filepath.Join(dir, "untimed.log")
	if err := os.WriteFile(untimed, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := runCLI(t, "export", untimed); code != 0 || strings.Count(out, "\n") != 5000 {
		t.Errorf("exit %d: %d lines of a log without times, want 5000\n%s", code, strings.Count(out, "\n"), errs)
	}
}

// A file whose end (a crash's goroutine dump) or head runs longer than the
// first probe in lines without a time is probed further: its day and span
// are still those of its dated lines, or --since 23:00 on yesterday's log
// that ends in a dump fell on today.
func TestReferenceDayLooksPastLongUntimedRuns(t *testing.T) {
	var dump strings.Builder
	for i := 0; dump.Len() < 4*tailProbeBytes; i++ {
		fmt.Fprintf(&dump, "goroutine %d [select]:\n\tconnlog/source.(*tailer).follow(0xc000123456)\n", i)
	}
	for name, content := range map[string]string{
		"dump at the end":  acrossMidnightLog(t) + dump.String(),
		"dump at the head": dump.String() + acrossMidnightLog(t),
	} {
		p := filepath.Join(t.TempDir(), "app.log.1")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		d := referenceDay(t.Context(), Config{Files: []string{p}}, nil)
		first, last := d.first.UTC().Format("01-02 15:04"), d.last.UTC().Format("01-02 15:04")
		if d.rule != dayNewest || first != "11-20 21:00" || last != "11-21 02:30" {
			t.Errorf("%s: span %s – %s (rule %d), want 11-20 21:00 – 11-21 02:30", name, first, last, d.rule)
		}
	}
	// Each file is probed further on its own: yesterday's rotated file
	// opening with a dump still gives the start, beside today's file whose
	// head has a time.
	dir := t.TempDir()
	rotated, current := filepath.Join(dir, "app.log.1"), filepath.Join(dir, "app.log")
	today := "2026-11-21T08:00:00.000000+0000 h twingate-connector[1]: [INFO] [connector] tick\n"
	if err := os.WriteFile(rotated, []byte(dump.String()+acrossMidnightLog(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(current, []byte(today), 0o644); err != nil {
		t.Fatal(err)
	}
	d := referenceDay(t.Context(), Config{Files: []string{rotated, current}}, nil)
	if first := d.first.UTC().Format("01-02 15:04"); first != "11-20 21:00" {
		t.Errorf("two files: first %s, want 11-20 21:00 from the rotated file past its dump", first)
	}
}

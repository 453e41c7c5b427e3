package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An export whose times without a date could fall on more than one day of
// its input names, once on stderr, where they were taken: on a log past
// midnight read the morning after, 23:00 is the evening before, which
// nothing else said while lines were found.
func TestExportNamesTheDayOfDatelessTimes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "app.log.1")
	if err := os.WriteFile(p, []byte(acrossMidnightLog(t)), 0o644); err != nil { // 2026-11-20 21:00 – 11-21 02:30
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--since", "23:00"}, "connlog: --since 23:00 is 2026-11-20 23:00 (the day of the data)\n"},
		{[]string{"-S", "23:00", "-q", "until:00:30:15"},
			"connlog: --since 23:00 is 2026-11-20 23:00, until:00:30:15 is 2026-11-21 00:30:15 (the days of the data)\n"},
		{[]string{"--until", "2026-11-20 23:00"}, ""}, // dated: nothing to name
	} {
		out, errs, code := runCLI(t, append(append([]string{"export", "--utc"}, c.args...), p)...)
		if code != 0 || out == "" || errs != c.want {
			t.Errorf("%q: exit %d, %d lines, stderr %q; want %q", c.args, code, strings.Count(out, "\n"), errs, c.want)
		}
	}
}

// Standard input is read once: the day is that of its first lines, which
// the note says, so that a user piping two days sees which was taken,
// whatever span those lines have.
func TestExportNamesTheDayTakenOnStandardInput(t *testing.T) {
	for _, c := range []struct {
		log, want string
	}{
		{acrossMidnightLog(t), "connlog: --since 23:00 is 2026-11-20 23:00 (the day of the first lines read from standard input)\n"},
		{"2026-11-20T08:00:00Z [INFO] [connector] one\n2026-11-20T23:30:00Z [INFO] [connector] two\n",
			"connlog: --since 23:00 is 2026-11-20 23:00 (the day of the first lines read from standard input)\n"},
	} {
		var out, errb bytes.Buffer
		code := run([]string{"export", "--utc", "--since", "23:00", "-"}, strings.NewReader(c.log), &out, &errb)
		if code != 0 || out.Len() == 0 || errb.String() != c.want {
			t.Errorf("exit %d, output %q, stderr %q; want %q", code, out.String(), errb.String(), c.want)
		}
	}
}

// A named pipe is read once too: the note names it, not standard input.
func TestExportNamesTheDayTakenOnANamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "feed")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		w.WriteString(acrossMidnightLog(t))
	}()
	var out, errb bytes.Buffer
	code := run([]string{"export", "--utc", "--since", "23:00", fifo}, strings.NewReader(""), &out, &errb)
	want := "connlog: --since 23:00 is 2026-11-20 23:00 (the day of the first lines read from " + fifo + ")\n"
	if code != 0 || out.Len() == 0 || errb.String() != want {
		t.Errorf("exit %d, %d bytes out, stderr %q; want %q", code, out.Len(), errb.String(), want)
	}
}

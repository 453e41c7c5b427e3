// Command soakwriter appends numbered lines to a log file at a steady rate
// and rotates the file at a fixed interval, the ways logrotate does: by
// rename ("create", the default), by copytruncate (copy to FILE.1, then
// truncate in place while the writer keeps its descriptor), by copytruncate
// with the copy gzipped at once (compress without delaycompress), or by
// deleting the file and starting a new one; "mixed" cycles through all four.
// Older copies are shifted to FILE.2, FILE.3… as logrotate does. bench/soak.sh
// runs it beside a following connlog and checks that every line arrived
// exactly once, in order.
//
// Each line is "<RFC 3339 time> [INFO] [soak] seq=<n> <padding>", with n
// counting from 0 across rotations. When the duration is over it prints the
// number of lines written on standard output, and the achieved rate on
// standard error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Pacing: lines are written in small bursts so that the rate holds at every
// scale a reader cares about.
const burstEvery = 5 * time.Millisecond

// padding brings a line to a typical connector log line's length (~120 bytes).
const padding = "Connection 4f2a from 10.0.12.7:53211 to resource.internal:443 accepted"

func main() {
	path := flag.String("path", "", "log file to write (required)")
	rate := flag.Int("rate", 20000, "lines per second")
	duration := flag.Duration("duration", 60*time.Second, "how long to write")
	rotate := flag.Duration("rotate", 10*time.Second, "rotate the file this often (0: never)")
	mode := flag.String("mode", "rename", "how to rotate: rename, copytruncate, copytruncate-gzip, delete or mixed")
	flag.Parse()
	if *path == "" || *rate <= 0 {
		fmt.Fprintln(os.Stderr, "usage: soakwriter -path FILE [-rate N] [-duration D] [-rotate D]")
		os.Exit(2)
	}
	modes, ok := rotationModes[*mode]
	if !ok {
		fmt.Fprintln(os.Stderr, "soakwriter: -mode is rename, copytruncate, copytruncate-gzip, delete or mixed")
		os.Exit(2)
	}
	w := &writer{path: *path, modes: modes}
	n, rotations, err := w.run(*rate, *duration, *rotate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soakwriter:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "soakwriter: %d lines in %s (%.0f lines/s), %d rotations\n",
		n, duration.String(), float64(n)/duration.Seconds(), rotations)
	fmt.Println(n)
}

// writer owns the open log file.
type writer struct {
	path  string
	modes []string // rotation kinds, used in turn
	f     *os.File
	buf   *bufio.Writer
	line  []byte
}

// run writes at rate lines per second for d, rotating every rotateEvery, and
// returns how many lines it wrote.
func (w *writer) run(rate int, d, rotateEvery time.Duration) (n int64, rotations int, err error) {
	if err := w.open(); err != nil {
		return 0, 0, err
	}
	start := time.Now()
	lastRotation := start
	tick := time.NewTicker(burstEvery)
	defer tick.Stop()
	for now := start; now.Sub(start) < d; now = <-tick.C {
		if rotateEvery > 0 && now.Sub(lastRotation) >= rotateEvery {
			if err := w.rotate(rotations); err != nil {
				return n, rotations, err
			}
			lastRotation, rotations = now, rotations+1
		}
		due := int64(now.Sub(start).Seconds() * float64(rate))
		for ; n < due; n++ {
			w.writeLine(now, n)
		}
		if err := w.buf.Flush(); err != nil {
			return n, rotations, fmt.Errorf("write %s: %w", w.path, err)
		}
	}
	return n, rotations, w.f.Close()
}

func (w *writer) writeLine(now time.Time, seq int64) {
	w.line = now.UTC().AppendFormat(w.line[:0], "2006-01-02T15:04:05.000000Z")
	w.line = append(w.line, " [INFO] [soak] seq="...)
	w.line = strconv.AppendInt(w.line, seq, 10)
	w.line = append(w.line, ' ')
	w.line = append(w.line, padding...)
	w.line = append(w.line, '\n')
	w.buf.Write(w.line)
}

func (w *writer) open() error {
	f, err := os.OpenFile(w.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("open %s: %w", w.path, err)
	}
	w.f, w.buf = f, bufio.NewWriterSize(f, 256<<10)
	return nil
}

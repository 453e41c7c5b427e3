package export

import (
	"bufio"
	"time"

	"connlog/model"
	"connlog/model/inert"
)

// The text format's times are RFC 3339 with milliseconds. Outside UTC the
// offset is always numeric, so that the width does not change when a zone's
// offset passes through zero and the columns stay aligned; a zone that is
// UTC all year (TZ=UTC, Etc/UTC) is UTC, written with Z.
const (
	textTimeUTC   = "2006-01-02T15:04:05.000Z"
	textTimeLocal = "2006-01-02T15:04:05.000-07:00"
)

// kindWidth is the longest kind name, so that summaries start in one column.
const kindWidth = 9

// textWriter writes one aligned, sanitised line per entry.
type textWriter struct {
	w   *bufio.Writer
	tf  textTimes
	buf []byte
	// hosts names each line's host after its time, as journalctl's short
	// format does: the entries come from several hosts (Options.Hosts).
	hosts bool
}

func newTextWriter(w *bufio.Writer, loc *time.Location, hosts bool) *textWriter {
	return &textWriter{w: w, tf: newTextTimes(loc), hosts: hosts}
}

// textTimes formats the time column in one location.
type textTimes struct {
	loc    *time.Location
	layout string
}

func newTextTimes(loc *time.Location) textTimes {
	if loc == nil || loc == time.UTC || utcAllYear(loc) {
		return textTimes{loc: time.UTC, layout: textTimeUTC}
	}
	return textTimes{loc: loc, layout: textTimeLocal}
}

// utcAllYear reports whether loc's offset is zero in winter and in summer
// (of either hemisphere) this year: its times are UTC's, and "+00:00" would
// name a zone they are not in. London, at zero only in winter, is not.
func utcAllYear(loc *time.Location) bool {
	year := time.Now().Year()
	for _, month := range []time.Month{time.January, time.July} {
		if _, offset := time.Date(year, month, 1, 0, 0, 0, 0, loc).Zone(); offset != 0 {
			return false
		}
	}
	return true
}

// appendTime writes t, or a dash padded to the same width when t is zero.
func (tf textTimes) appendTime(dst []byte, t time.Time) []byte {
	if !t.IsZero() {
		return t.In(tf.loc).AppendFormat(dst, tf.layout)
	}
	dst = append(dst, '-')
	for i := 1; i < len(tf.layout); i++ {
		dst = append(dst, ' ')
	}
	return dst
}

func (t *textWriter) write(e *model.Entry) (bool, error) {
	t.buf = appendTextLine(t.buf[:0], e, t.tf, t.hosts)
	t.buf = append(t.buf, '\n')
	if _, err := t.w.Write(t.buf); err != nil {
		return true, writeError("write text line", err)
	}
	return true, nil
}

// appendTextLine renders "time level kind summary", or with hosts "time
// host level kind summary", without the newline.
func appendTextLine(dst []byte, e *model.Entry, tf textTimes, hosts bool) []byte {
	dst = tf.appendTime(dst, e.Time)
	dst = append(dst, ' ')
	if hosts {
		dst = appendTextHost(dst, e.Origin.HostName())
	}
	dst = append(dst, e.Level.Short()...)
	dst = append(dst, ' ')
	kind := e.Kind.String()
	dst = append(dst, kind...)
	for n := len(kind); n <= kindWidth; n++ {
		dst = append(dst, ' ')
	}
	return appendSummary(dst, e)
}

// appendTextHost writes host and a space: made safe to print, and a dash
// for none, so that every line has its columns.
func appendTextHost(dst []byte, host string) []byte {
	if host == "" {
		return append(dst, "- "...)
	}
	return append(inert.AppendSanitized(dst, host), ' ')
}

func (t *textWriter) close() error {
	if err := t.w.Flush(); err != nil {
		return writeError("write text lines", err)
	}
	return nil
}

func (t *textWriter) abort() {}

package envelope

import (
	"time"

	"connlog/model"
)

// Android's logcat in its default "threadtime" format, as a container
// running Android (redroid, emulators) writes it to its output:
//
//	02-04 11:01:16.430  1632  1632 F ProcessState: Binder driver '/dev/binder' could not be opened.
//
// date without a year, time (milliseconds; "-v nsec" gives nine digits),
// pid, thread id, a severity letter, then the tag and the message. Like
// klog's, the header is read here, where the year can be inferred: its
// letter becomes the level, its time is used when the outer envelope had
// none, and the payload keeps the tag and the message.

// maxLogcatID bounds the digits of a pid or thread id.
const maxLogcatID = 10

// nestLogcat removes a logcat threadtime header from env's payload.
func nestLogcat(env *Envelope, c Context) {
	lvl, t, n, ok := logcatHeader(env.Payload, c)
	if !ok {
		return
	}
	env.Payload, env.Level = env.Payload[n:], lvl
	if env.Time.IsZero() {
		env.Time = t
	}
}

// logcatHeader reads "MM-DD hh:mm:ss.fff  pid  tid L " and returns the
// level, the time (year inferred) and the header's length.
func logcatHeader(p []byte, c Context) (model.Level, time.Time, int, bool) {
	mo, ok1 := digits(p, 0, 2)
	d, ok2 := digits(p, 3, 2)
	if !ok1 || !ok2 || p[2] != '-' || p[5] != ' ' {
		return 0, time.Time{}, 0, false
	}
	t, i, ok := yearlessClock(p, mo, d, c)
	if !ok {
		return 0, time.Time{}, 0, false
	}
	for range 2 { // pid, then thread id
		if i = logcatID(p, i); i < 0 {
			return 0, time.Time{}, 0, false
		}
	}
	lvl, ok := logcatLevel(p, i)
	if !ok {
		return 0, time.Time{}, 0, false
	}
	return lvl, t, i + 3, true
}

// logcatID skips the blanks at i and the number after them, and returns
// the index after the number, or -1.
func logcatID(p []byte, i int) int {
	start := i
	for i < len(p) && p[i] == ' ' {
		i++
	}
	digitsAt := i
	for i < len(p) && isDigit(p[i]) && i-digitsAt < maxLogcatID {
		i++
	}
	if i == start || i == digitsAt {
		return -1
	}
	return i
}

// logcatLevel reads " L " at i, L being one of logcat's severity letters.
func logcatLevel(p []byte, i int) (model.Level, bool) {
	if i+2 >= len(p) || p[i] != ' ' || p[i+2] != ' ' {
		return 0, false
	}
	return model.LogcatLevel(p[i+1])
}

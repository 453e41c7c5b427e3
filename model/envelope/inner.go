package envelope

import (
	"time"

	"connlog/model"
)

// Loggers whose prefix is a time (and a severity) rather than a message:
// Go's standard log ("2024/01/11 21:45:32 logtail started", tailscaled and
// many Go daemons) and klog ("I0324 15:50:32.074030    3752 config.go:412]
// msg", kubelet and Kubernetes components). Both write local time without a
// zone, and klog no year, so they are read here, where the context's
// location and reference time are known, rather than by the payload
// parsers. The prefix is removed from the payload; its time is used when
// the outer envelope had none, and klog's severity letter becomes the
// envelope's level.

// maxKlogHeader bounds the "threadid file:line] " part of a klog header.
const maxKlogHeader = 160

// nestInner removes a Go log, klog or logcat prefix from env's payload.
func nestInner(env *Envelope, c Context) {
	p := env.Payload
	if len(p) < 20 {
		return
	}
	switch {
	case isDigit(p[0]) && p[2] == '-':
		nestLogcat(env, c)
	case isDigit(p[0]) && p[4] == '/':
		t, n, ok := goLogStamp(p, c.location())
		if !ok {
			return
		}
		env.Payload = p[n:]
		if env.Time.IsZero() {
			env.Time = t
		}
	case p[0] == 'I' || p[0] == 'W' || p[0] == 'E' || p[0] == 'F':
		lvl, t, n, ok := klogHeader(p, c)
		if !ok {
			return
		}
		env.Payload, env.Level = p[n:], lvl
		if env.Time.IsZero() {
			env.Time = t
		}
	}
}

// goLogStamp reads "YYYY/MM/DD HH:MM:SS[.frac] " (log.LstdFlags, with
// log.Lmicroseconds optionally) and returns the time and the bytes up to
// the message.
func goLogStamp(p []byte, loc *time.Location) (time.Time, int, bool) {
	t, ok := newtStamp(p[:19], loc)
	if !ok {
		return time.Time{}, 0, false
	}
	ns, _, fn := fraction(p, 19)
	i := 19 + fn
	if i >= len(p) || p[i] != ' ' {
		return time.Time{}, 0, false
	}
	return t.Add(time.Duration(ns)), i + 1, true
}

// klogHeader reads "Lmmdd hh:mm:ss.uuuuuu threadid file:line] " and returns
// the level, the time (year inferred) and the header's length.
func klogHeader(p []byte, c Context) (model.Level, time.Time, int, bool) {
	mo, ok1 := digits(p, 1, 2)
	d, ok2 := digits(p, 3, 2)
	if !ok1 || !ok2 || p[5] != ' ' {
		return 0, time.Time{}, 0, false
	}
	t, i, ok := yearlessClock(p, mo, d, c)
	if !ok || i >= len(p) || p[i] != ' ' {
		return 0, time.Time{}, 0, false
	}
	end := klogCallerEnd(p, i)
	if end < 0 {
		return 0, time.Time{}, 0, false
	}
	return klogLevel(p[0]), t, end, true
}

// yearlessClock reads the "hh:mm:ss[.frac]" at index 6 that follows a
// month mo and day d (klog's "Immdd ", logcat's "mm-dd "), places it in a
// year with inferYear, and returns it with the index after the fraction.
func yearlessClock(p []byte, mo, d int, c Context) (time.Time, int, bool) {
	h, mi, s, ok := clock(p, 6)
	if !ok {
		return time.Time{}, 0, false
	}
	ns, _, fn := fraction(p, 14)
	t, ok := inferYear(time.Month(mo), d, h, mi, s, ns, c.location(), c.reference())
	return t, 14 + fn, ok
}

// klogCallerEnd finds the "] " closing "   3752 config.go:412" from i and
// returns the index after it, or -1.
func klogCallerEnd(p []byte, i int) int {
	for i < len(p) && p[i] == ' ' {
		i++
	}
	start := i
	for i < len(p) && isDigit(p[i]) {
		i++
	}
	if i == start || i >= len(p) || p[i] != ' ' {
		return -1
	}
	for j := i + 1; j < len(p) && j-start < maxKlogHeader; j++ {
		switch p[j] {
		case ']':
			if j+1 < len(p) && p[j+1] == ' ' {
				return j + 2
			}
			return j + 1
		case ' ':
			return -1
		}
	}
	return -1
}

// klogLevel maps klog's severity letter.
func klogLevel(c byte) model.Level {
	switch c {
	case 'I':
		return model.LevelInfo
	case 'W':
		return model.LevelWarn
	case 'E':
		return model.LevelError
	}
	return model.LevelCritical
}

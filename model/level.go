package model

import (
	"strings"
	"unicode/utf8"
)

// Level is an entry's severity. The zero value means the line carried none.
// Levels are ordered so that queries such as level>=warn compare numerically.
type Level uint8

// The levels, least to most severe.
const (
	LevelNone Level = iota
	LevelTrace
	LevelDebug
	LevelInfo
	LevelNotice
	LevelWarn
	LevelError
	LevelCritical
	levelCount
)

var levelNames = [levelCount]string{"none", "trace", "debug", "info", "notice", "warn", "error", "critical"}

// String returns the canonical lower-case name ("warn", "error", ...).
func (l Level) String() string {
	if l < levelCount {
		return levelNames[l]
	}
	return "none"
}

// Short returns a fixed-width three-letter tag for tables ("DBG", "WRN"...).
func (l Level) Short() string {
	switch l {
	case LevelTrace:
		return "TRC"
	case LevelDebug:
		return "DBG"
	case LevelInfo:
		return "INF"
	case LevelNotice:
		return "NTC"
	case LevelWarn:
		return "WRN"
	case LevelError:
		return "ERR"
	case LevelCritical:
		return "CRT"
	}
	return "---"
}

// Levels lists every level from none to critical.
func Levels() []Level {
	out := make([]Level, levelCount)
	for i := range out {
		out[i] = Level(i)
	}
	return out
}

// ParseLevel understands the spellings the supported formats use: Twingate
// tokens (DEBUG, WARN), AQtive Guard (warning, critical), newt (FATAL), Go
// and Python loggers (dbg, err, crit), and syslog numbers 0-7.
func ParseLevel(s string) (Level, bool) {
	s = strings.TrimSpace(s)
	// An ASCII spelling is lowered byte by byte into a buffer on the
	// stack: the parsers ask this of a token of most lines they read, and
	// strings.ToLower allocates for every upper-case one. Any other goes
	// through strings.ToLower, which lowers some letters to ASCII ones
	// ("İNFO" reads as info).
	var buf [len("informational")]byte
	if len(s) > len(buf) {
		return lowerLevel(strings.ToLower(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lowerLevel(strings.ToLower(s))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lowerLevel(string(buf[:len(s)]))
}

// lowerLevel is ParseLevel for a spelling in lower case.
func lowerLevel(s string) (Level, bool) {
	switch s {
	case "trace", "trc":
		return LevelTrace, true
	case "debug", "dbg", "d", "7":
		return LevelDebug, true
	case "info", "inf", "information", "informational", "i", "6":
		return LevelInfo, true
	case "notice", "ntc", "5":
		return LevelNotice, true
	case "warn", "warning", "wrn", "w", "4":
		return LevelWarn, true
	case "error", "err", "e", "3":
		return LevelError, true
	case "critical", "crit", "crt", "fatal", "panic", "alert", "emerg", "emergency", "2", "1", "0":
		return LevelCritical, true
	case "none", "":
		return LevelNone, true
	}
	return LevelNone, false
}

// LogcatLevel maps Android logcat's severity letter (Verbose, Debug, Info,
// Warn, Error, Fatal, Assert) to a level.
func LogcatLevel(c byte) (Level, bool) {
	switch c {
	case 'V':
		return LevelTrace, true
	case 'D':
		return LevelDebug, true
	case 'I':
		return LevelInfo, true
	case 'W':
		return LevelWarn, true
	case 'E':
		return LevelError, true
	case 'F', 'A':
		return LevelCritical, true
	}
	return 0, false
}

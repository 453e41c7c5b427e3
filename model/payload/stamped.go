package payload

import (
	"bytes"

	"connlog/model"
)

// Level words loggers print in capitals without brackets or a colon, right
// after their time: zerolog's console writer (cloudflared, traefik: "INF",
// "WRN"), Rust's tracing ("  WARN"), log4j and logback ("WARN [main]").
// Only capitals count, so that "2026-01-02 error rate rose" is not read as
// an error line.
const (
	minLevelWord = 3
	maxLevelWord = 8
)

// upperLevel reads a capitalised level word at i followed by a blank or the
// end of the line and returns the level and the index after the word.
func upperLevel(p []byte, i int) (model.Level, int, bool) {
	j := i
	for j < len(p) && j-i <= maxLevelWord && p[j] >= 'A' && p[j] <= 'Z' {
		j++
	}
	if j-i < minLevelWord || j-i > maxLevelWord || (j < len(p) && p[j] != ' ' && p[j] != '\t') {
		return 0, 0, false
	}
	switch string(p[i:j]) {
	case "TRC", "TRACE":
		return model.LevelTrace, j, true
	case "DBG", "DEBUG":
		return model.LevelDebug, j, true
	case "INF", "INFO":
		return model.LevelInfo, j, true
	case "NOTICE":
		return model.LevelNotice, j, true
	case "WRN", "WARN", "WARNING":
		return model.LevelWarn, j, true
	case "ERR", "ERROR":
		return model.LevelError, j, true
	case "FTL", "FATAL", "PNC", "PANIC", "CRIT", "CRITICAL":
		return model.LevelCritical, j, true
	}
	return 0, 0, false
}

// lowerLevel reads a level spelled out in lower case at i ("debug",
// "info", "warn", "error": zap's production console, many Go and Node
// loggers) followed by a blank. Abbreviations do not count in lower case:
// "err" and "inf" are too often the first word of a message.
func lowerLevel(p []byte, i int) (model.Level, int, bool) {
	j := i
	for j < len(p) && j-i <= maxLevelWord && p[j] >= 'a' && p[j] <= 'z' {
		j++
	}
	if j == i || j >= len(p) || (p[j] != ' ' && p[j] != '\t') {
		return 0, 0, false
	}
	switch string(p[i:j]) {
	case "trace":
		return model.LevelTrace, j, true
	case "debug":
		return model.LevelDebug, j, true
	case "info":
		return model.LevelInfo, j, true
	case "notice":
		return model.LevelNotice, j, true
	case "warn", "warning":
		return model.LevelWarn, j, true
	case "error":
		return model.LevelError, j, true
	case "fatal", "panic", "critical":
		return model.LevelCritical, j, true
	}
	return 0, 0, false
}

// pythonFields reads the rest of Python logging's common format after its
// time, "- name - LEVEL - message" (asctime - name - levelname - message),
// and returns the level, the logger's name and where the message starts.
func pythonFields(p []byte, i int) (model.Level, []byte, int, bool) {
	sep := []byte(" - ")
	if i+2 > len(p) || p[i] != '-' || p[i+1] != ' ' {
		return 0, nil, 0, false
	}
	i += 2
	var name []byte
	for part := 0; part < 2; part++ {
		if lvl, end, ok := upperLevel(p, i); ok && bytes.HasPrefix(p[end:], sep) {
			return lvl, name, end + len(sep), true
		}
		k := bytes.Index(p[i:min(len(p), i+maxModuleLen)], sep)
		if k <= 0 {
			return 0, nil, 0, false
		}
		name = p[i : i+k]
		i += k + len(sep)
	}
	return 0, nil, 0, false
}

// parsePythonBasic reads logging.basicConfig's default format,
// "WARNING:root:message" and "INFO:__main__:message", which has no time.
// The logger's name becomes the module.
func parsePythonBasic(p []byte, out []Result) ([]Result, bool) {
	colon := bytes.IndexByte(p[:min(len(p), maxLevelWord+1)], ':')
	if colon < minLevelWord {
		return out, false
	}
	lvl, end, ok := upperLevel(p[:colon], 0)
	if !ok || end != colon {
		return out, false
	}
	rest := p[colon+1:]
	nameEnd := bytes.IndexByte(rest[:min(len(rest), maxModuleLen+1)], ':')
	if nameEnd <= 0 || bytes.IndexByte(rest[:nameEnd], ' ') >= 0 {
		return out, false
	}
	msg := rest[nameEnd+1:]
	return append(out, Result{
		Kind:  model.KindText,
		Level: lvl,
		Fields: model.Fields{
			{Key: model.KeyModule, Value: string(rest[:nameEnd])},
			{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])},
		},
	}), true
}

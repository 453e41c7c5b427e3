package payload

import (
	"bytes"
	"strconv"

	"connlog/model"
)

// maxLogfmtPairs bounds the pairs read from one logfmt line; the rest of a
// longer line stays in the last value's place, unread but kept in the raw.
const maxLogfmtPairs = 64

// parseLogfmt reads a logfmt line, as logrus (traefik v1), Go's slog text
// handler and go-kit write them:
//
//	time="2017-03-27T11:05:05Z" level=info msg="Traefik version v1.2.0"
//	time=2024-06-05T14:35:56.145+03:30 level=DEBUG msg="Routine: started" subsystem=wireguard-go
//
// time (or ts) gives the time, level (or lvl) the level, msg (or message)
// the message; the other pairs are kept as fields. The line must open with
// one of those keys and give a level or a time, so that a sentence with an
// "=" in it stays text.
func parseLogfmt(p []byte, out []Result) ([]Result, bool) {
	if !opensLogfmt(p) {
		return out, false
	}
	p = p[:trimRightBlanks(p, 0)] // a CRLF file's CR is no part of the last value, as for the other parsers
	var r Result
	r.Kind = model.KindText
	fields := make(model.Fields, 0, 4)
	msg := ""
	i := 0
	for n := 0; n < maxLogfmtPairs; n++ {
		i = skipBlanks(p, i)
		if i >= len(p) {
			break
		}
		key, val, next, ok := logfmtPair(p, i)
		if !ok {
			return out, false
		}
		i = next
		switch key {
		case "time", "ts":
			if t, n, ok := parseISO(val); ok && n == len(val) {
				r.Time = t
				continue
			}
		case "level", "lvl":
			if lvl, ok := model.ParseLevel(val); ok && lvl != model.LevelNone {
				r.Level = lvl
				continue
			}
		case "msg", "message":
			msg = val
			continue
		}
		fields = append(fields, model.Field{Key: key, Value: val})
	}
	if r.Level == model.LevelNone && r.Time.IsZero() {
		return out, false // nothing learnt: the line stays text, whole
	}
	r.Fields = append(model.Fields{{Key: model.KeyMessage, Value: msg}}, fields...)
	return append(out, r), true
}

// opensLogfmt is the cheap first test: the line starts with one of the keys
// parseLogfmt looks for, followed by "=".
func opensLogfmt(p []byte) bool {
	for _, k := range [...]string{"time=", "ts=", "level=", "lvl=", "msg="} {
		if bytes.HasPrefix(p, []byte(k)) {
			return true
		}
	}
	return false
}

// logfmtPair reads key=value at i, the value bare (up to a blank) or a
// double-quoted Go string.
func logfmtPair(p []byte, i int) (key, val string, next int, ok bool) {
	eq := i
	for eq < len(p) && p[eq] != '=' && p[eq] != ' ' && p[eq] != '"' {
		eq++
	}
	if eq == i || eq >= len(p) || p[eq] != '=' {
		return "", "", 0, false
	}
	key = string(p[i:eq])
	j := eq + 1
	if j < len(p) && p[j] == '"' {
		end := quotedEnd(p, j)
		if end < 0 {
			return "", "", 0, false
		}
		s, err := strconv.Unquote(string(p[j:end]))
		if err != nil {
			s = string(p[j+1 : end-1])
		}
		return key, s, end, true
	}
	end := j
	for end < len(p) && p[end] != ' ' && p[end] != '\t' {
		end++
	}
	return key, string(p[j:end]), end, true
}

// quotedEnd returns the index after the closing quote of the string opening
// at p[i], or -1.
func quotedEnd(p []byte, i int) int {
	for j := i + 1; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

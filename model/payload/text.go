package payload

import (
	"time"

	"connlog/model"
)

// appendText appends the payload as a text entry; err is the parse error
// when a parser recognised the shape but could not read it.
func appendText(out []Result, p []byte, err string) []Result {
	return append(out, Result{
		Kind:   model.KindText,
		Fields: model.Fields{{Key: model.KeyMessage, Value: string(p)}},
		Err:    err,
	})
}

// parseStampedText reads a text line that opens with its own time, and
// the level that follows it when there is one, as Pangolin's server writes
// them: "2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: ..." or
// "2025-09-23T10:05:32.524Z warn: ...". The level token may be bracketed
// and may be followed by a colon; a level word stands alone (zerolog
// console "2026-08-18T10:19:03Z INF msg", Rust tracing, log4j, zap), maybe
// after a pid and a thread id (logcat); Python's "<time> - name - LEVEL -
// msg" is read too, and Spring Boot's "pid --- [thread] logger : msg"
// after the level. Without a level the line keeps its time. The stamp may
// be followed by a colon. It reports false when the line does not open
// with a time.
func parseStampedText(p []byte, out []Result) ([]Result, bool) {
	h, ok := readStampedHead(p)
	if !ok {
		return out, false
	}
	if res, ok := payloadAfterStamp(p, &h, out); ok {
		return res, true
	}
	if res, ok := logfmtAfterStamp(p, &h, out); ok {
		return res, true
	}
	r := h.result()
	msg := p[skipBlanks(p, h.next):]
	if sh, ok := parseSpringHeader(msg); ok && h.level != model.LevelNone {
		r.Fields = sh.fields(msg)
		return append(out, r), true
	}
	fields := make(model.Fields, 0, 2)
	if len(h.module) > 0 {
		fields = append(fields, model.Field{Key: model.KeyModule, Value: string(h.module)})
	}
	r.Fields = append(fields, model.Field{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])})
	return append(out, r), true
}

// stampedHead is what opens a stamped text line: its time, and the level
// and logger name after it, up to where the message starts (next).
type stampedHead struct {
	time   time.Time
	zoned  bool
	level  model.Level
	module []byte
	rest   int // where the line goes on after its time
	next   int
}

// readStampedHead reads the head of a line parseStampedText reads, and
// reports false for any other line.
func readStampedHead(p []byte) (stampedHead, bool) {
	head := p
	if len(head) > 40 {
		head = head[:40] // a timestamp never needs more
	}
	// Viewed, not copied: parseISOZone keeps nothing of it.
	t, n, zoned, ok := parseISOZone(aliasString(head))
	if ok && !zoned {
		t, n, zoned = spacedZone(p, t, n)
	}
	if ok && n < len(p) && p[n] == ':' {
		n++
	}
	if !ok || t.IsZero() || n >= len(p) || (p[n] != ' ' && p[n] != '\t') { // year 1 reads as no time
		return stampedHead{}, false
	}
	rest := skipBlanks(p, n)
	lvl, module, next := levelAfterStamp(p, rest)
	return stampedHead{time: t, zoned: zoned, level: lvl, module: module, rest: rest, next: next}, true
}

// result is the line's Result without its fields.
func (h *stampedHead) result() Result {
	return Result{Kind: model.KindText, Level: h.level, Time: h.time, Local: !h.zoned}
}

// spacedZone reads the zone Go's time.String() writes after a space,
// "2022-03-24 12:28:45.15434599 +0100 CET" (podman, many Go programs'
// own lines): the offset, and the abbreviation after it, which says
// nothing more. It returns t in UTC and the index after the zone, or its
// arguments unchanged when no such zone follows.
func spacedZone(p []byte, t time.Time, n int) (time.Time, int, bool) {
	if n+6 > len(p) || p[n] != ' ' || (p[n+1] != '+' && p[n+1] != '-') {
		return t, n, false
	}
	off, k, ok := zoneOffset(string(p[n+1 : n+6]))
	if !ok || k != 5 || (n+6 < len(p) && p[n+6] != ' ') {
		return t, n, false
	}
	i := n + 6
	if j := i + 1; j < len(p) && p[j] >= 'A' && p[j] <= 'Z' {
		for j < len(p) && j-i <= 6 && p[j] >= 'A' && p[j] <= 'Z' {
			j++
		}
		if j == len(p) || p[j] == ' ' {
			i = j
		}
	}
	return t.Add(-time.Duration(off) * time.Second), i, true
}

// maxNumbersBeforeLevel is how many numeric columns (a pid, a thread id)
// may stand between a time and its level word.
const maxNumbersBeforeLevel = 2

// levelAfterStamp finds the level that follows a line's time at i, in any
// of the shapes parseStampedText names, and returns it with the logger's
// name (Python) and where the message starts; with no level it returns
// LevelNone and i.
func levelAfterStamp(p []byte, i int) (model.Level, []byte, int) {
	if lvl, next, ok := levelToken(p, i); ok {
		return lvl, nil, next
	}
	if lvl, module, next, ok := pythonFields(p, i); ok {
		return lvl, module, next
	}
	j := i
	for n := 0; n <= maxNumbersBeforeLevel; n++ {
		if lvl, next, ok := upperLevel(p, j); ok {
			return lvl, nil, next
		}
		if lvl, next, ok := lowerLevel(p, j); ok {
			return lvl, nil, next
		}
		if lvl, next, ok := logcatLetter(p, j); ok && n == maxNumbersBeforeLevel {
			return lvl, nil, next
		}
		k := j
		for k < len(p) && p[k] >= '0' && p[k] <= '9' {
			k++
		}
		if k == j || k >= len(p) || (p[k] != ' ' && p[k] != '\t') {
			break
		}
		j = skipBlanks(p, k)
	}
	return model.LevelNone, nil, i
}

// logcatLetter reads logcat's one-letter severity at i ("E" in "2024-02-04
// 11:01:16.461523871  1632  1632 E ProcessState: msg", logcat -v year),
// followed by a blank. Only after a pid and a thread id: a lone capital
// elsewhere is a word of the message.
func logcatLetter(p []byte, i int) (model.Level, int, bool) {
	if i+1 >= len(p) || p[i+1] != ' ' {
		return 0, 0, false
	}
	lvl, ok := model.LogcatLevel(p[i])
	return lvl, i + 1, ok
}

// levelToken reads "[warn]:", "[warn]", "warn:" or "WARN:" at i and returns
// the level and the index after the token. A bare word without a bracket or
// a colon is message text, not a level.
func levelToken(p []byte, i int) (model.Level, int, bool) {
	bracket := i < len(p) && p[i] == '['
	start := i
	if bracket {
		start++
	}
	end := start
	for end < len(p) && end-start <= 10 && (p[end] >= 'a' && p[end] <= 'z' || p[end] >= 'A' && p[end] <= 'Z') {
		end++
	}
	if end-start < 3 { // no single letters: "I:" and "e:" are too easily message text
		return 0, 0, false
	}
	lvl, ok := model.ParseLevel(string(p[start:end]))
	if !ok || lvl == model.LevelNone {
		return 0, 0, false
	}
	j := end
	if bracket {
		if j >= len(p) || p[j] != ']' {
			return 0, 0, false
		}
		j++
	}
	if j < len(p) && p[j] == ':' {
		j++
	} else if !bracket {
		return 0, 0, false
	}
	if j < len(p) && p[j] != ' ' && p[j] != '\t' {
		return 0, 0, false
	}
	return lvl, j, true
}

package payload

import (
	"bytes"

	"connlog/model"
)

// Service line shape limits: a module token is an identifier, never a
// phrase, so "[IP address and port]" inside a message is not taken for one.
const (
	maxModuleLen    = 64
	maxModuleGroups = 8
	maxFunctionLen  = 128
)

// serviceLevel maps the upper-case token of a "[LEVEL]" bracket. Only the
// spellings Twingate and its libraries print are accepted, so that a line
// such as "[msg] ..." or "[1] ..." is never taken for a levelled one.
func serviceLevel(tok []byte) (model.Level, bool) {
	switch string(tok) {
	case "DEBUG":
		return model.LevelDebug, true
	case "INFO":
		return model.LevelInfo, true
	case "WARN", "WARNING":
		return model.LevelWarn, true
	case "ERROR":
		return model.LevelError, true
	case "TRACE":
		return model.LevelTrace, true
	case "NOTICE":
		return model.LevelNotice, true
	case "FATAL", "CRITICAL":
		return model.LevelCritical, true
	}
	return model.LevelNone, false
}

// serviceLine is where the parts of a service line lie in the payload.
type serviceLine struct {
	level      model.Level
	modules    [maxModuleGroups][2]int // start, end of each module token
	nModules   int
	fnStart    int // function prefix, fnEnd == fnStart when there is none
	fnEnd      int
	msgStart   int
	msgEnd     int
	firstStart int // where the first kept byte lies (first module or the message)
}

// parseService reads "[LEVEL] [module] [submodule] function: message" with
// 0-n bracket groups and optional spaces between them. It reports false
// when the first bracket is not a level, leaving the line to other parsers.
func parseService(p []byte, out []Result) ([]Result, bool) {
	if res, ok := parseServiceJSON(p, out); ok {
		return res, true // "[INFO] {…}": the document is the entry
	}
	var ln serviceLine
	if !scanService(p, &ln) {
		return out, false
	}
	// One string holds the tail of the line followed by the joined module
	// path, so every field is a substring of a single allocation.
	tail := p[ln.firstStart:]
	var stack [256]byte
	buf := append(stack[:0], tail...)
	modStart := len(buf)
	for k := 0; k < ln.nModules; k++ {
		if k > 0 {
			buf = append(buf, '/')
		}
		buf = append(buf, p[ln.modules[k][0]:ln.modules[k][1]]...)
	}
	s := string(buf)
	base := ln.firstStart

	fields := make(model.Fields, 0, 3)
	if ln.nModules > 0 {
		fields = append(fields, model.Field{Key: model.KeyModule, Value: s[modStart:]})
	}
	if ln.fnEnd > ln.fnStart {
		fields = append(fields, model.Field{Key: model.KeyFunction, Value: s[ln.fnStart-base : ln.fnEnd-base]})
	}
	fields = append(fields, model.Field{Key: model.KeyMessage, Value: s[ln.msgStart-base : ln.msgEnd-base]})
	return append(out, Result{Kind: model.KindService, Level: ln.level, Fields: fields}), true
}

// serviceTag reads the level tag that opens a service line and returns
// the level and where what follows the tag's blanks begins.
func serviceTag(p []byte) (model.Level, int, bool) {
	if lvl, end := commonTag(p); end > 0 {
		return lvl, skipBlanks(p, end+1), true
	}
	return anyTag(p)
}

// anyTag is serviceTag for every spelling of a level (see serviceLevel).
func anyTag(p []byte) (model.Level, int, bool) {
	end := indexByteWithin(p, ']', 12)
	if len(p) == 0 || p[0] != '[' || end < 0 {
		return model.LevelNone, 0, false
	}
	lvl, ok := serviceLevel(p[1:end])
	return lvl, skipBlanks(p, end+1), ok
}

// scanService finds the parts of a service line without allocating.
func scanService(p []byte, ln *serviceLine) bool {
	lvl, i, ok := serviceTag(p)
	if !ok {
		return false
	}
	scanServiceParts(p, lvl, i, ln)
	return true
}

// scanServiceParts is scanService after the level tag, whose level is lvl
// and whose blanks end at i.
func scanServiceParts(p []byte, lvl model.Level, i int, ln *serviceLine) {
	ln.level = lvl
	ln.firstStart = i
	for i < len(p) && p[i] == '[' && ln.nModules < maxModuleGroups {
		close := indexByteWithin(p[i:], ']', maxModuleLen+2)
		if close < 2 || !isModuleToken(p[i+1:i+close]) {
			break
		}
		ln.modules[ln.nModules] = [2]int{i + 1, i + close}
		ln.nModules++
		i = skipBlanks(p, i+close+1)
	}
	if ln.nModules == 0 {
		ln.firstStart = i
	}
	ln.fnStart, ln.fnEnd = i, i
	if fnEnd, next, ok := functionPrefix(p, i); ok {
		ln.fnEnd = fnEnd
		i = next
	}
	ln.msgStart, ln.msgEnd = i, trimRightBlanks(p, i)
}

// functionPrefix recognises the C++ "scope::function:", "function():" and
// snake_case "run_state_machine:" prefixes libsdwan puts before its
// messages. A capitalised word ("State: Error") or a phrase is message text.
// It reads the token once, noting its classes of bytes on the way: it runs
// on every service line.
func functionPrefix(p []byte, i int) (end, next int, ok bool) {
	if i >= len(p) {
		return 0, 0, false
	}
	j, seen := functionToken(p, i)
	// The token must end with a single ':' followed by a blank or the end.
	if j-i < 2 || p[j-1] != ':' || (j < len(p) && p[j] != ' ' && p[j] != '\t') {
		return 0, 0, false
	}
	name := p[i : j-1]
	if name[len(name)-1] == ':' {
		return 0, 0, false
	}
	call := len(name) > 2 && name[len(name)-2] == '(' && name[len(name)-1] == ')'
	snake := seen&fnSnake != 0 && seen&fnUpper == 0
	if !call && !snake && !bytes.Contains(name, scopeSeparator) {
		return 0, 0, false
	}
	return j - 1, skipBlanks(p, j), true
}

// functionToken returns where the token at p[i:] that may be a function's
// name ends (the first byte that cannot be in one, within the longest
// name, and the byte after it is read next) and the classes of its bytes.
func functionToken(p []byte, i int) (end int, seen uint8) {
	end = i
	for _, b := range p[i:min(len(p), i+maxFunctionLen+1)] {
		c := functionClass[b]
		if c == 0 {
			break
		}
		seen |= c
		end++
	}
	return end, seen
}

var scopeSeparator = []byte("::")

// Classes of the bytes of a function prefix: any of them may appear in one;
// '_' and upper case tell a snake_case name from a capitalised word.
const (
	fnByte = 1 << iota
	fnSnake
	fnUpper
)

var functionClass = func() (t [256]uint8) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyz0123456789:()~<>") {
		t[c] = fnByte
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = fnByte | fnUpper
	}
	t['_'] = fnByte | fnSnake
	return t
}()

// isModuleToken accepts identifier-like bracket contents: "libsdwan",
// "controller", "client".
func isModuleToken(b []byte) bool {
	if len(b) == 0 || len(b) > maxModuleLen {
		return false
	}
	for _, c := range b {
		if !moduleByte[c] {
			return false
		}
	}
	return true
}

// moduleByte holds the bytes a module token may have: a table, as every
// service line's brackets are read.
var moduleByte = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:") {
		t[c] = true
	}
	return t
}()

// indexByteWithin returns the index of c in the first max bytes of p, or -1.
func indexByteWithin(p []byte, c byte, max int) int {
	return bytes.IndexByte(p[:min(len(p), max)], c)
}

func skipBlanks(p []byte, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t') {
		i++
	}
	return i
}

// trimRightBlanks returns the end of p[from:] without trailing blanks and
// carriage returns.
func trimRightBlanks(p []byte, from int) int {
	j := len(p)
	for j > from && (p[j-1] == ' ' || p[j-1] == '\t' || p[j-1] == '\r') {
		j--
	}
	return j
}

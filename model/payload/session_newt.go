package payload

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"connlog/model"
)

var (
	prefixAccess = []byte("ACCESS ")
	phaseStart   = []byte("START")
	phaseEnd     = []byte("END")
)

// newt's connection-log phases, as printed.
const (
	newtPhaseStart = "START"
	newtPhaseEnd   = "END"
)

// parseNewtAccess reads newt's connection-log lines (netstack2/access_log.go):
//
//	ACCESS START session=… resource=N proto=tcp src=… dst=… time=<RFC 3339>
//	ACCESS END [(reaped)|(shutdown)] session=… … started=… ended=… duration=<Go duration>
//
// onto the session keys. The time is the event's own: time= for a start,
// ended= for an end. It reports false when the line is not one of these.
func parseNewtAccess(p []byte, out []Result) ([]Result, bool) {
	rest := p[len(prefixAccess):]
	var phase string
	switch {
	case hasWord(rest, phaseStart):
		phase = newtPhaseStart
	case hasWord(rest, phaseEnd):
		phase = newtPhaseEnd
	default:
		return out, false
	}
	s := string(p[:trimRightBlanks(p, 0)])
	ln := newtLine{fl: newFieldList(16, maxFamilyFields)}
	ln.fl.str(model.KeyPhase, phase)
	ln.read(s, len(prefixAccess)+len(phase))
	addSrcDst(&ln.fl, model.KeySourceAddr, ln.src, model.KeyDestAddr, ln.dst)
	r := Result{Kind: model.KindSession, Fields: ln.fl.fs}
	stamp := ln.started
	if phase == newtPhaseEnd && ln.ended != "" {
		stamp = ln.ended
	}
	if stamp != "" {
		if t, n, ok := parseISO(stamp); ok && n == len(stamp) {
			r.Time = t
		} else {
			ln.errs = joinErr(ln.errs, "time "+strconv.Quote(stamp)+" is not RFC 3339")
		}
	}
	r.Err = ln.errs
	return append(out, r), true
}

// hasWord reports whether p starts with the word followed by a blank or
// the end.
func hasWord(p, word []byte) bool {
	return bytes.HasPrefix(p, word) && (len(p) == len(word) || p[len(word)] == ' ')
}

// newtLine gathers the key=value words of an ACCESS line.
type newtLine struct {
	fl                       fieldList
	started, ended, src, dst string
	errs                     string
}

// read maps the words of s from i on: "(reaped)" is the end reason, and
// key=value pairs go to the session keys (unknown keys keep their names).
func (ln *newtLine) read(s string, i int) {
	for i < len(s) {
		i = skipBlanksString(s, i)
		end := indexBlank(s, i)
		tok := s[i:end]
		i = end
		if tok == "" {
			continue
		}
		if len(tok) > 2 && tok[0] == '(' && tok[len(tok)-1] == ')' {
			ln.fl.str(model.KeyEndReason, tok[1:len(tok)-1])
			continue
		}
		eq := strings.IndexByte(tok, '=')
		if eq <= 0 {
			ln.errs = joinErr(ln.errs, "unexpected word "+strconv.Quote(tok))
			continue
		}
		ln.pair(tok[:eq], tok[eq+1:])
	}
}

func (ln *newtLine) pair(key, val string) {
	switch key {
	case "session":
		ln.fl.str(model.KeySessionID, val)
	case "resource":
		ln.fl.numeric(model.KeySiteResource, scalar{kind: kindString, text: val})
	case "proto":
		ln.fl.str(model.KeySessProtocol, val)
	case "src":
		ln.src = val
	case "dst":
		ln.dst = val
	case "time", "started":
		ln.started = val
		ln.fl.str(model.KeyStartedAt, val)
	case "ended":
		ln.ended = val
		ln.fl.str(model.KeyEndedAt, val)
	case "duration":
		ln.errs = joinErr(ln.errs, newtDuration(&ln.fl, val))
	default:
		ln.fl.str(key, val)
	}
}

// newtDuration adds Go's Duration.String() text (1m2.345678901s) as
// milliseconds; it returns an error text when the value does not parse.
func newtDuration(fl *fieldList, val string) string {
	d, err := time.ParseDuration(val)
	if err != nil {
		fl.str(model.KeySessDuration, val)
		return "duration " + strconv.Quote(val) + " is not a Go duration"
	}
	ms := float64(d) / float64(time.Millisecond)
	fl.num(model.KeySessDuration, strconv.FormatFloat(ms, 'f', -1, 64), ms)
	return ""
}

func skipBlanksString(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func indexBlank(s string, i int) int {
	for i < len(s) && s[i] != ' ' && s[i] != '\t' {
		i++
	}
	return i
}

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
	case bytes.HasPrefix(rest, phaseStart) && (len(rest) == len(phaseStart) || rest[len(phaseStart)] == ' '):
		phase = newtPhaseStart
	case bytes.HasPrefix(rest, phaseEnd) && (len(rest) == len(phaseEnd) || rest[len(phaseEnd)] == ' '):
		phase = newtPhaseEnd
	default:
		return out, false
	}
	s := string(p[:trimRightBlanks(p, 0)])
	fl := newFieldList(16, maxFamilyFields)
	fl.str(model.KeyPhase, phase)
	i := len(prefixAccess) + len(phase)
	var started, ended, src, dst string
	var errs string
	for i < len(s) {
		i = skipBlanksString(s, i)
		end := indexBlank(s, i)
		tok := s[i:end]
		i = end
		if tok == "" {
			continue
		}
		if len(tok) > 2 && tok[0] == '(' && tok[len(tok)-1] == ')' {
			fl.str(model.KeyEndReason, tok[1:len(tok)-1])
			continue
		}
		eq := strings.IndexByte(tok, '=')
		if eq <= 0 {
			errs = joinErr(errs, "unexpected word "+strconv.Quote(tok))
			continue
		}
		key, val := tok[:eq], tok[eq+1:]
		switch key {
		case "session":
			fl.str(model.KeySessionID, val)
		case "resource":
			fl.numeric(model.KeySiteResource, scalar{kind: kindString, text: val})
		case "proto":
			fl.str(model.KeySessProtocol, val)
		case "src":
			src = val
		case "dst":
			dst = val
		case "time", "started":
			started = val
			fl.str(model.KeyStartedAt, val)
		case "ended":
			ended = val
			fl.str(model.KeyEndedAt, val)
		case "duration":
			errs = joinErr(errs, newtDuration(&fl, val))
		default:
			fl.str(key, val)
		}
	}
	addSrcDst(&fl, model.KeySourceAddr, src, model.KeyDestAddr, dst)
	r := Result{Kind: model.KindSession, Fields: fl.fs}
	stamp := started
	if phase == newtPhaseEnd && ended != "" {
		stamp = ended
	}
	if stamp != "" {
		t, n, ok := parseISO(stamp)
		if ok && n == len(stamp) {
			r.Time = t
		} else {
			errs = joinErr(errs, "time "+strconv.Quote(stamp)+" is not RFC 3339")
		}
	}
	r.Err = errs
	return append(out, r), true
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

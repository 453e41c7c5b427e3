package payload

import (
	"connlog/model"
)

// logrusLevels are the four-letter level names logrus's text formatter
// prints on a terminal ("INFO[0000] msg", "WARN[2016-05-25T00:33:59Z] msg").
var logrusLevels = map[string]model.Level{
	"TRAC": model.LevelTrace, "DEBU": model.LevelDebug, "INFO": model.LevelInfo, "WARN": model.LevelWarn,
	"ERRO": model.LevelError, "FATA": model.LevelCritical, "PANI": model.LevelCritical,
}

// maxLogrusStamp bounds the bracket after the level: an RFC 3339 time, or
// the seconds since start ("0000").
const maxLogrusStamp = 40

// parseLogrusText reads logrus's text format as a terminal shows it (and as
// traefik v1 and many Go daemons write it under docker -t):
//
//	INFO[2016-05-25T00:33:59Z] Starting server on :80
//	WARN[0012] retrying
//
// The bracket holds a time, or the seconds since the program started,
// which is no time of day and is left out.
func parseLogrusText(p []byte, out []Result) ([]Result, bool) {
	if len(p) < 7 || p[4] != '[' {
		return out, false
	}
	lvl, ok := logrusLevels[string(p[:4])]
	if !ok {
		return out, false
	}
	end := indexByteWithin(p[5:], ']', maxLogrusStamp)
	if end < 0 {
		return out, false
	}
	stamp := string(p[5 : 5+end])
	r := Result{Kind: model.KindText, Level: lvl}
	if t, n, zoned, ok := parseISOZone(stamp); ok && n == len(stamp) && !t.IsZero() {
		r.Time, r.Local = t, !zoned
	} else if !isDigits(stamp) {
		return out, false
	}
	msg := p[skipBlanks(p, 5+end+1):]
	r.Fields = model.Fields{{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])}}
	return append(out, r), true
}

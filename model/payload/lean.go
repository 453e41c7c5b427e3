package payload

import (
	"bytes"
	"unsafe"

	"connlog/model"
)

// ServiceResult reports whether Parse reads p as a Twingate service line
// ("[LEVEL] …") and returns the Result Parse would give it, without its
// Fields. Kind and level come from the first bracket alone, so a reader that
// needs only those (a level filter over raw lines) skips building the
// fields; Parse gives the full Result when it is wanted after all. A
// service Result from Parse always has at least the message field, so a
// service entry without fields is one read this way. Like every reader
// of this file, it reads p without its colours, as Parse does.
func ServiceResult(p []byte) (Result, bool) { return serviceResult(WithoutColour(p)) }

// ServiceLevel returns the level of a line ServiceResult claims, and
// whether it claims it: all of its Result but the kind, which is
// model.KindService. A caller that builds the Result where it keeps it
// spares the copies of one returned by value, on every service line.
func ServiceLevel(p []byte) (model.Level, bool) {
	lvl, _, ok := serviceOpening(WithoutColour(p))
	return lvl, ok
}

// serviceResult is ServiceResult for a line without colours.
func serviceResult(p []byte) (Result, bool) {
	lvl, _, ok := serviceOpening(p)
	if !ok {
		return Result{}, false
	}
	return Result{Kind: model.KindService, Level: lvl}, true
}

// serviceOpening reads the level tag of a line serviceResult claims and
// returns the level and where what follows the tag's blanks begins.
func serviceOpening(p []byte) (model.Level, int, bool) {
	lvl, next, ok := model.LevelNone, 0, false
	if common, end := commonTag(p); end > 0 { // neither a JSON array nor libevent's "[msg]"
		lvl, next, ok = common, skipBlanks(p, end+1), true
	} else if len(p) > 0 && p[0] == '[' && !opensJSONArray(p) && !bytes.HasPrefix(p, prefixLibevent) {
		lvl, next, ok = anyTag(p)
	}
	if !ok || opensJSON(p[next:]) { // "[INFO] {…}" is a JSON entry (see parseServiceJSON)
		return model.LevelNone, 0, false
	}
	return lvl, next, true
}

// AnalyticsResult reports whether Parse reads p as a well-formed Twingate
// "ANALYTICS {…}" event and returns the Result Parse would give it, without
// its Fields and Err: kind, level (from event_type) and time (from
// timestamp). It validates the whole object as Parse does but builds no
// field, so it claims only lines Parse cannot turn into text: the object is
// valid JSON with nothing after it and its event_type is a string.
func AnalyticsResult(p []byte) (Result, bool) { return analyticsResult(WithoutColour(p)) }

// analyticsResult is AnalyticsResult for a line without colours.
func analyticsResult(p []byte) (Result, bool) {
	if !bytes.HasPrefix(p, prefixAnalytics) {
		return Result{}, false
	}
	i := skipBlanks(p, len(prefixAnalytics))
	if i >= len(p) || p[i] != '{' {
		return Result{}, false
	}
	// The scanned text is only read during the call and nothing taken from
	// it is kept, so it may view p without a copy.
	sc := scanner{s: unsafe.String(&p[i], len(p)-i)}
	r := Result{Kind: model.KindAnalytics, Level: model.LevelInfo}
	named := false
	sc.object(func(key string) {
		switch key {
		case "event_type":
			v := sc.scalar()
			named = named || v.kind == kindString
			r.Level = eventLevel(v.text)
		case "timestamp":
			r.Time = analyticsTime(sc.scalar())
		default:
			sc.skip()
		}
	})
	if sc.err != nil || sc.more() || !named {
		return Result{}, false
	}
	return r, true
}

// StampedTextResult reports whether Parse reads p as a text line that
// opens with its own time ("2026-08-18T10:19:03Z INF msg", see
// parseStampedText) and returns the Result Parse would give it, without
// its Fields: kind, level, time and whether the time is local. Parse gives
// every such line a message field, so a text entry without fields is one
// read this way. A connector's service line or event after the time is
// that line's Result, at that time (see payloadAfterStamp); an event it
// cannot vouch for, and a JSON document after the time, are left to Parse.
func StampedTextResult(p []byte) (Result, bool) {
	p = WithoutColour(p)
	if len(p) == 0 || p[0] < '0' || p[0] > '9' {
		return Result{}, false
	}
	h, ok := readStampedHead(p)
	if !ok {
		return Result{}, false
	}
	r, ok, decided := payloadResultAfterStamp(p, &h)
	switch {
	case ok:
		return r, true
	case !decided:
		return Result{}, false
	}
	return h.result(), true
}

// ServiceIndex is ServiceResult with the fields an index keeps of a
// service line: its module and function, exactly as Parse gives them, but
// not its message (the rest of the line, which a full parse rebuilds).
// It allocates nothing for a line without colours: the values are strings
// over p's own bytes (over a copy of p without its colours when it has
// some), or over join for a module of several groups ("libsdwan/quic"),
// which it appends to and returns. The caller must leave p and join's
// bytes unchanged for as long as the fields are used. The fields are
// appended to fs.
func ServiceIndex(p []byte, fs model.Fields, join []byte) (Result, model.Fields, []byte, bool) {
	p = WithoutColour(p)
	lvl, next, ok := serviceOpening(p)
	if !ok {
		return Result{}, fs, join, false
	}
	var ln serviceLine
	scanServiceParts(p, lvl, next, &ln) // the tag read once: this runs on every service line
	switch {
	case ln.nModules == 1:
		fs = append(fs, model.Field{Key: model.KeyModule, Value: aliasString(p[ln.modules[0][0]:ln.modules[0][1]])})
	case ln.nModules > 1:
		start := len(join)
		for k := 0; k < ln.nModules; k++ {
			if k > 0 {
				join = append(join, '/')
			}
			join = append(join, p[ln.modules[k][0]:ln.modules[k][1]]...)
		}
		fs = append(fs, model.Field{Key: model.KeyModule, Value: aliasString(join[start:])})
	}
	if ln.fnEnd > ln.fnStart {
		fs = append(fs, model.Field{Key: model.KeyFunction, Value: aliasString(p[ln.fnStart:ln.fnEnd])})
	}
	return Result{Kind: model.KindService, Level: lvl}, fs, join, true
}

// aliasString returns b's bytes as a string without copying them.
func aliasString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AnalyticsIndex parses an "ANALYTICS {…}" line as Parse does, appending
// its fields to fs, with no copy of the line: values are strings over p's
// own bytes where they need no unescaping (over a copy of p without its
// colours when it has some). It claims exactly the lines
// Parse reads as one analytics event; the caller must leave p unchanged
// for as long as the fields are used. memo, which may be nil, spares the
// decoding of the parts seen in recent events (values taken from it are
// its own copies).
func AnalyticsIndex(p []byte, fs model.Fields, memo *AnalyticsMemo) (Result, model.Fields, bool) {
	p = WithoutColour(p)
	if !bytes.HasPrefix(p, prefixAnalytics) {
		return Result{}, fs, false
	}
	i := skipBlanks(p, len(prefixAnalytics))
	if i >= len(p) || p[i] != '{' {
		return Result{}, fs, false
	}
	sc := scanner{s: aliasString(p[i:])}
	fl := fieldList{fs: fs, max: len(fs) + maxFamilyFields}
	r := analyticsInto(&sc, &fl, memo)
	endAnalytics(&sc, &r)
	if len(r.Fields) == 0 && r.Err != "" {
		return Result{}, fs, false // Parse keeps it as text
	}
	return r, fl.fs, true
}

// OpensAnalytics reports whether p opens as an "ANALYTICS {…}" event
// ("ANALYTICS", blanks, an object), which Parse reads in one of two ways
// only: as an analytics event (level info or warn, its time the
// timestamp's, in UTC or its own zone, or none), or, when its object
// yields nothing, as a text line without a time. A reader that wants
// neither may leave the line unparsed.
func OpensAnalytics(p []byte) bool {
	if !bytes.HasPrefix(p, prefixAnalytics) {
		return false
	}
	i := skipBlanks(p, len(prefixAnalytics))
	return i < len(p) && p[i] == '{'
}

// MayBeWarning reports whether the ANALYTICS line p may be an event of
// level warn (see eventLevel): its bytes name a failure or a denial, or
// hold what could spell one in other bytes, a \u escape or a colour code.
// An event line for which it is false is of level info, if an event.
func MayBeWarning(p []byte) bool {
	return bytes.Contains(p, eventFailed) || bytes.Contains(p, eventDenied) ||
		bytes.Contains(p, unicodeEscape) || bytes.IndexByte(p, 0x1b) >= 0
}

var (
	eventFailed   = []byte(model.EventFailed)
	eventDenied   = []byte(model.EventDenied)
	unicodeEscape = []byte(`\u`)
)

package payload

import "connlog/model"

// genericObject reads any other JSON object: level from level, lvl,
// severity, log.level (Elastic's ECS) or levelname (Python); message from msg or message; time from time, ts, timestamp,
// @timestamp or eventTime (Tailscale's configuration audit). Every scalar
// is kept by its dotted path, within maxGenericFields and maxGenericDepth;
// arrays repeat their key.
func genericObject(sc *scanner) Result {
	fl := newFieldList(16, maxGenericFields)
	r := Result{Kind: model.KindJSON}
	haveMessage, haveLevel := false, false
	sc.object(func(key string) {
		if fl.full() {
			return
		}
		k := sc.next()
		if k == kindObject || k == kindArray {
			flatten(sc, &fl, key, 1, maxGenericDepth)
			return
		}
		v := sc.scalarOf(k)
		switch key {
		case "level", "lvl", "severity", "log.level", "levelname":
			if lvl, ok := genericLevel(v); ok && !haveLevel {
				r.Level, haveLevel = lvl, true
			}
		case "msg", "message":
			if v.kind == kindString && !haveMessage {
				haveMessage = true
				fl.str(model.KeyMessage, v.text)
				return
			}
		case "time", "ts", "timestamp", "@timestamp", "eventTime":
			if t, ok := timeOf(v); ok && r.Time.IsZero() {
				r.Time = t
			}
		}
		fl.scalar(key, v)
	})
	r.Fields, r.Err = fl.fs, sc.errText()
	return r
}

// genericLevel reads a level name, a syslog number (0-7) or a pino/bunyan
// number (10 trace ... 60 fatal).
func genericLevel(v scalar) (model.Level, bool) {
	switch v.kind {
	case kindString:
		lvl, ok := model.ParseLevel(v.text)
		return lvl, ok && lvl != model.LevelNone
	case kindNumber:
		switch v.text {
		case "10":
			return model.LevelTrace, true
		case "20":
			return model.LevelDebug, true
		case "30":
			return model.LevelInfo, true
		case "40":
			return model.LevelWarn, true
		case "50":
			return model.LevelError, true
		case "60":
			return model.LevelCritical, true
		}
		lvl, ok := model.ParseLevel(v.text)
		return lvl, ok && lvl != model.LevelNone
	}
	return model.LevelNone, false
}

// genericValue reads a JSON value that is not an object (an array of
// scalars, a bare string or number) as one generic result.
func genericValue(sc *scanner) Result {
	fl := newFieldList(8, maxGenericFields)
	flatten(sc, &fl, "", 0, maxGenericDepth)
	return Result{Kind: model.KindJSON, Fields: fl.fs, Err: sc.errText()}
}

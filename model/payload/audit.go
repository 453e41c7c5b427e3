package payload

import (
	"time"

	"connlog/model"
)

// auditObject reads one AQtive Guard record: a flat JSON object whose keys
// are all kept as they are. access_granted is normalised to "true"/"false"
// (the documentation writes "True"), the level comes from "level" and is at
// least a warning when access was denied, and the time is created_at.
func auditObject(sc *scanner) Result {
	fl := newFieldList(16, maxFamilyFields)
	r := Result{Kind: model.KindAudit}
	denied := false
	sc.object(func(key string) {
		k := sc.next()
		if k == kindObject || k == kindArray {
			flatten(sc, &fl, key, 1, maxGenericDepth)
			return
		}
		v := sc.scalarOf(k)
		switch key {
		case model.KeyAccessGranted:
			granted, ok := truth(v)
			if !ok {
				fl.scalar(model.KeyAccessGranted, v)
				return
			}
			fl.add(model.Bool(model.KeyAccessGranted, granted))
			denied = denied || !granted
		case model.KeyLevel:
			fl.scalar(model.KeyLevel, v)
			if lvl, ok := model.ParseLevel(v.text); ok && v.kind == kindString {
				r.Level = lvl
			}
		case model.KeyCreatedAt:
			fl.scalar(model.KeyCreatedAt, v)
			r.Time = auditTime(v)
		case model.KeyDeniedReason:
			fl.scalar(model.KeyDeniedReason, v)
			denied = denied || (v.kind == kindString && v.text != "")
		case model.KeyPID, model.KeyStatusCode, model.KeyMemoryMB:
			fl.numeric(key, v)
		default:
			fl.scalar(key, v)
		}
	})
	if denied && r.Level < model.LevelWarn {
		r.Level = model.LevelWarn
	}
	r.Fields, r.Err = fl.fs, sc.errText()
	return r
}

// truth reads a boolean written as JSON true/false or as the strings
// "True", "true", "False", "false" (any case), "1" or "0".
func truth(v scalar) (value, ok bool) {
	switch v.kind {
	case kindBool:
		return v.text == "true", true
	case kindNumber:
		switch v.text {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	case kindString:
		switch v.text {
		case "True", "true", "TRUE", "1":
			return true, true
		case "False", "false", "FALSE", "0":
			return false, true
		}
	}
	return false, false
}

// auditTime reads created_at: ISO-8601 with or without zone and fraction
// (no zone means UTC, as the documentation says), or an epoch number.
func auditTime(v scalar) time.Time {
	t, _ := timeOf(v)
	return t
}

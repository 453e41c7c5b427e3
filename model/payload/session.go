package payload

import (
	"strconv"
	"time"

	"connlog/model"
)

// sessionRow collects what a Pangolin connection row says about time and
// addresses while its members are copied to the fields.
type sessionRow struct {
	fl               fieldList
	started, ended   scalar
	sourceAddr, dest string
}

func newSessionRow() sessionRow {
	return sessionRow{fl: newFieldList(24, maxFamilyFields)}
}

// rowMembers copies a connectionAuditLog row (the API's rows carry the
// enrichment columns too: resourceName, userEmail, siteName...) into the
// fields. Numbers stay numeric; startedAt and endedAt are epoch seconds.
func (r *sessionRow) rowMembers(sc *scanner) {
	if sc.next() != kindObject {
		flatten(sc, &r.fl, "data", 1, maxGenericDepth)
		return
	}
	sc.object(func(key string) {
		k := sc.next()
		if k == kindObject || k == kindArray {
			flatten(sc, &r.fl, key, 1, maxGenericDepth)
			return
		}
		v := sc.scalarOf(k)
		switch key {
		case model.KeyStartedAt:
			r.started = v
		case model.KeyEndedAt:
			r.ended = v
		case model.KeySourceAddr:
			r.sourceAddr = v.text
			return // added with its parts by finish
		case model.KeyDestAddr:
			r.dest = v.text
			return
		case model.KeySessionID:
			r.fl.id(key, v)
			return
		}
		r.fl.scalar(key, v)
	})
}

// finish adds the derived fields (address parts, duration in ms) and
// returns the row's time, its start.
func (r *sessionRow) finish() time.Time {
	if r.sourceAddr != "" {
		addAddr(&r.fl, model.KeySourceAddr, model.KeySrcIP, model.KeySrcPort, r.sourceAddr)
	}
	if r.dest != "" {
		addAddr(&r.fl, model.KeyDestAddr, model.KeyDstIP, model.KeyDstPort, r.dest)
	}
	start, okStart := sessionTime(r.started)
	end, okEnd := sessionTime(r.ended)
	if okStart && okEnd && !end.Before(start) {
		ms := float64(end.Sub(start)) / float64(time.Millisecond)
		r.fl.num(model.KeySessDuration, strconv.FormatFloat(ms, 'f', -1, 64), ms)
	}
	if okStart {
		return start
	}
	return time.Time{}
}

// sessionTime reads startedAt/endedAt: epoch seconds in Pangolin rows
// (also as numeric strings), tolerating ISO-8601 text.
func sessionTime(v scalar) (time.Time, bool) {
	switch v.kind {
	case kindNumber:
		if v.isNum {
			return epochSeconds(v.num)
		}
	case kindString:
		if f, ok := parseNumber(v.text); ok {
			return epochSeconds(f)
		}
		return timeOf(v)
	}
	return time.Time{}, false
}

// sessionRowObject reads a bare row.
func sessionRowObject(sc *scanner) Result {
	r := newSessionRow()
	r.rowMembers(sc)
	return r.result(time.Time{}, sc.errText())
}

func (r *sessionRow) result(fallback time.Time, err string) Result {
	// startedAt/endedAt go in after the row's own members, in a stable place.
	r.fl.numeric(model.KeyStartedAt, r.started)
	r.fl.numeric(model.KeyEndedAt, r.ended)
	t := r.finish()
	if t.IsZero() {
		t = fallback
	}
	return Result{Kind: model.KindSession, Time: t, Fields: r.fl.fs, Err: err}
}

// sessionEventObject reads a log-streaming event,
// {"event":"connection","timestamp":"<ISO>","data":{row}}, in any key order.
func sessionEventObject(sc *scanner) Result {
	r := newSessionRow()
	var stamp time.Time
	sc.object(func(key string) {
		switch key {
		case model.KeySessionEvent:
			r.fl.scalar(model.KeySessionEvent, sc.scalar())
		case model.KeyTimestamp:
			v := sc.scalar()
			r.fl.scalar(model.KeyTimestamp, v)
			stamp, _ = timeOf(v)
		case "data":
			r.rowMembers(sc)
		default:
			flatten(sc, &r.fl, key, 1, maxGenericDepth)
		}
	})
	return r.result(stamp, sc.errText())
}

// appendSessionAPI reads the API response {"data":{"log":[rows...],...}}
// into one result per row. It returns the number of rows read; with none,
// the caller shows the response as generic JSON instead.
func appendSessionAPI(sc *scanner, out []Result, budget int) ([]Result, int) {
	rows, dropped := 0, 0
	logs := newSiblings(out)
	sc.object(func(key string) {
		if key != "data" || sc.next() != kindObject {
			return
		}
		sc.object(func(key string) {
			if key != "log" || sc.next() != kindArray {
				return
			}
			sc.array(func(int) {
				if rows >= budget {
					dropped++
					return
				}
				start := sc.i
				r := newSessionRow()
				r.rowMembers(sc)
				out = append(out, r.result(time.Time{}, sc.errText()))
				logs.add(out, len(out)-1, start, sc.i)
				rows++
			})
			logs.close(out, sc.i-1)
		})
	})
	if rows > 0 && dropped > 0 {
		out[len(out)-1].Err = joinErr(out[len(out)-1].Err, strconv.Itoa(dropped)+" more rows not shown")
	}
	return out, rows
}

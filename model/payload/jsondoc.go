package payload

import (
	"strconv"

	"connlog/model"
)

// pathHECRecorded is where log streaming puts the service's receive time.
const pathHECRecorded = "fields.recorded"

// jsonDoc parses one payload that holds JSON: a value, or several values
// written back to back (log streaming's HEC bodies have no separator).
type jsonDoc struct {
	sc   scanner
	base int // len(out) when the payload started
}

// parseJSON appends the results of every value in the payload. A value
// that breaks keeps what was read before the break, with Err set; a payload
// from which nothing could be read is text with Err.
func parseJSON(p []byte, out []Result) []Result {
	d := jsonDoc{sc: scanner{s: string(p)}, base: len(out)}
	values := newSiblings(out)
	for {
		first := len(out)
		d.sc.ws()
		start := d.sc.i
		if d.sc.peek() == '{' {
			out = d.object(out)
		} else {
			out = d.array(out)
		}
		values.add(out, first, start, d.sc.i)
		if d.sc.err == nil {
			if !d.sc.more() {
				break
			}
			if c := d.sc.peek(); c == '{' || c == '[' {
				continue
			}
			d.sc.fail("unexpected data after the JSON value")
		}
		out = d.broken(out, first, p)
		break
	}
	values.close(out, d.sc.i)
	return out
}

// broken marks the results of the value that failed, or the last result
// when that value yielded nothing, or turns the payload into text.
func (d *jsonDoc) broken(out []Result, first int, p []byte) []Result {
	msg := d.sc.errText()
	switch {
	case len(out) == d.base:
		return appendText(out, p, msg)
	case len(out) == first:
		first = len(out) - 1
	}
	for k := first; k < len(out); k++ {
		if out[k].Err == "" {
			out[k].Err = msg
		}
	}
	return out
}

// budget is how many more results this payload may yield.
func (d *jsonDoc) budget(out []Result) int { return maxResults - (len(out) - d.base) }

// keep appends a single-result parse unless it broke before yielding a
// single field: then the payload is better shown as text.
func keep(out []Result, r Result) []Result {
	if len(r.Fields) == 0 && r.Err != "" {
		return out
	}
	return append(out, r)
}

// object classifies the object at the scanner and hands it to its parser.
func (d *jsonDoc) object(out []Result) []Result {
	if d.budget(out) <= 0 {
		d.sc.skip()
		return out
	}
	probe := d.sc
	sh := classify(&probe)
	switch familyOf(d.sc.s, &sh) {
	case familyAnalytics:
		r := analyticsObject(&d.sc)
		return keep(out, r)
	case familyWrappedAnalytics:
		inner := scanner{s: d.sc.s[sh.message.start:sh.message.end]}
		r := analyticsObject(&inner)
		d.sc.skip()
		return keep(out, r)
	case familyAudit:
		r := auditObject(&d.sc)
		return keep(out, r)
	case familyFlow:
		m := flowObject(&d.sc, d.budget(out))
		if d.sc.err != nil && m.empty() {
			return out
		}
		return appendFlow(out, &m, flowContext{}, d.sc.errText())
	case familyFlowAPI:
		return d.flowAPI(out)
	case familyHEC:
		return d.hec(out, isFlowBits(innerShape(d.sc.s, sh.event).bits))
	case familySessionRow:
		r := sessionRowObject(&d.sc)
		return keep(out, r)
	case familySessionEvent:
		r := sessionEventObject(&d.sc)
		return keep(out, r)
	case familySessionAPI:
		return d.sessionAPI(out)
	case familyPubNub:
		return parsePubNubJSON(&d.sc, out)
	}
	r := genericObject(&d.sc)
	return keep(out, r)
}

// array reads a top-level array: one result per object element (logtail
// uploads, Pangolin's json_array bodies), or one generic result when the
// array does not hold objects.
func (d *jsonDoc) array(out []Result) []Result {
	probe := d.sc
	probe.i++
	if probe.next() != kindObject {
		return keep(out, genericValue(&d.sc))
	}
	dropped := 0
	elements := newSiblings(out)
	d.sc.array(func(int) {
		first, start := len(out), d.sc.i
		switch {
		case d.budget(out) <= 0:
			dropped++
		case d.sc.next() == kindObject:
			out = d.object(out)
		default:
			out = keep(out, genericValue(&d.sc))
		}
		elements.add(out, first, start, d.sc.i)
	})
	elements.close(out, d.sc.i-1)
	return noteDropped(out, d.base, dropped, "elements")
}

// flowAPI reads the API's {"logs":[messages]}.
func (d *jsonDoc) flowAPI(out []Result) []Result {
	dropped := 0
	messages := newSiblings(out)
	d.sc.object(func(key string) {
		if key != "logs" || d.sc.next() != kindArray {
			return
		}
		d.sc.array(func(int) {
			if d.budget(out) <= 0 || d.sc.next() != kindObject {
				dropped++
				return
			}
			first, start := len(out), d.sc.i
			m := flowObject(&d.sc, d.budget(out))
			out = appendFlow(out, &m, flowContext{}, d.sc.errText())
			messages.add(out, first, start, d.sc.i)
		})
		messages.close(out, d.sc.i-1)
	})
	return noteDropped(out, d.base, dropped, "messages")
}

// hec reads one log-streaming object {"time":…,"event":{…},"fields":{…}}.
// A flow event yields its traffic items; any other event (a configuration
// audit record) is one generic result with its fields flattened.
func (d *jsonDoc) hec(out []Result, isFlow bool) []Result {
	var ctx flowContext
	var m flowMessage
	var r Result
	sc := &d.sc
	sc.object(func(key string) {
		switch key {
		case "time":
			ctx.time, _ = timeOf(sc.scalar())
		case "fields":
			if sc.next() != kindObject {
				return
			}
			sc.object(func(key string) {
				if key == "recorded" {
					ctx.recorded = stringValue(sc)
				}
			})
		case "event":
			if isFlow {
				m = flowObject(sc, d.budget(out))
			} else {
				r = genericObject(sc)
			}
		}
	})
	if isFlow {
		return appendFlow(out, &m, ctx, sc.errText())
	}
	if ctx.recorded != "" {
		r.Fields = append(r.Fields, model.Field{Key: pathHECRecorded, Value: ctx.recorded})
	}
	if r.Time.IsZero() {
		r.Time = ctx.time
	}
	r.Kind, r.Err = model.KindJSON, joinErr(r.Err, sc.errText())
	return append(out, r)
}

// sessionAPI reads Pangolin's API response; an empty log list is shown
// as the generic JSON it is.
func (d *jsonDoc) sessionAPI(out []Result) []Result {
	start := d.sc.i
	out, rows := appendSessionAPI(&d.sc, out, d.budget(out))
	if rows > 0 || d.sc.err != nil {
		return out
	}
	d.sc.i = start
	r := genericObject(&d.sc)
	return keep(out, r)
}

// noteDropped tells, on the last result, how many parts of the payload
// were left out to respect maxResults.
func noteDropped(out []Result, base, dropped int, what string) []Result {
	if dropped == 0 || len(out) == base {
		return out
	}
	last := &out[len(out)-1]
	last.Err = joinErr(last.Err, strconv.Itoa(dropped)+" more "+what+" not shown (at most "+
		strconv.Itoa(maxResults)+" entries per record)")
	return out
}

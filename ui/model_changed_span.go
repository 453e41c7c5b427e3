package ui

import (
	"errors"
	"time"

	"connlog/model"
	"connlog/model/triage"
)

// errNoTimes says why a view cannot be compared.
var errNoTimes = errors.New("no entry of the view has a time: there is nothing to place in a window")

// resolveWindows turns a request into two windows, reading only entry times
// from the index, and says how they were chosen.
func resolveWindows(sn *model.Snapshot, vc *model.View, req changedRequest) (a, b triage.Window, basis string, err error) {
	switch {
	case req.cmp != nil && req.cmp.A != (triage.Window{}):
		a, b = req.cmp.A, req.cmp.B
		if b == (triage.Window{}) {
			b = triage.Window{From: a.From.Add(-a.Length()), To: a.From}
		}
		return a, b, "the windows asked for", nil
	case req.selFrom != 0:
		lo, hi, ok := viewTimeSpan(sn, vc, vc.Index(req.selFrom), vc.Index(req.selTo+1))
		if !ok {
			return a, b, "", errors.New("no entry of the selection has a time: select rows with times, or press " + req.windowsKey + " for other windows")
		}
		a = triage.Window{From: lo.Truncate(time.Second), To: hi.Truncate(time.Second).Add(time.Second)}
		b = triage.Window{From: a.From.Add(-a.Length()), To: a.From}
		return a, b, "the selection against the same length before it", nil
	}
	oldest, newest, ok := viewTimeSpan(sn, vc, 0, vc.Len())
	if !ok {
		return a, b, "", errNoTimes
	}
	a, b, halved := triage.TrailingPair(req.cmp, oldest, newest)
	d := model.ShortDuration(a.Length())
	if halved {
		return a, b, "the view's newer half against its older (" + d + " each)", nil
	}
	return a, b, "the last " + d + " of the view against the " + d + " before", nil
}

// viewTimeSpan is the earliest and latest usable time of rows [lo, hi) of the
// view; ok is false when none has one.
func viewTimeSpan(sn *model.Snapshot, vc *model.View, lo, hi int) (first, last time.Time, ok bool) {
	for i := lo; i < min(hi, vc.Len()); i++ {
		seq := vc.At(i)
		if !sn.Has(seq) {
			continue
		}
		t := sn.Time(seq)
		if !triage.Usable(t) {
			continue
		}
		if !ok || t.Before(first) {
			first = t
		}
		if !ok || t.After(last) {
			last = t
		}
		ok = true
	}
	return first, last, ok
}

package triage

import (
	"testing"
	"time"

	"connlog/model"
)

// TestNoFactsWhereHasFactsSaysNone: an entry hasFacts rules out yields no
// fact from factsOf either, whatever its kind, level and fields: the
// triage skips factsOf and the top-N tables for it.
func TestNoFactsWhereHasFactsSaysNone(t *testing.T) {
	var fs model.Fields
	for _, c := range chains {
		for _, k := range c.keys {
			fs = append(fs, model.Str(k, "x"))
		}
	}
	for _, k := range structuredKeys {
		fs = append(fs, model.Str(k, "x"))
	}
	fs = append(fs, model.Str(model.KeyEventType, model.EventFailed), model.Str(model.KeyAccessGranted, "false"))
	for _, k := range model.Kinds() {
		for _, l := range model.Levels() {
			e := &model.Entry{Kind: k, Level: l, Time: time.Unix(1e9, 0), Fields: fs}
			if hasFacts(e) {
				continue
			}
			var v view
			v.read(e)
			if f := factsOf(e, &v); f != (facts{}) {
				t.Errorf("%v at %v: hasFacts says none, factsOf finds %+v", k, l, f)
			}
		}
	}
}

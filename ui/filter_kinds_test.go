package ui

import (
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// A tab's kinds combine with a query whatever the query asks first: one
// without a term on time, level or kind gives the store filter no MayMatch
// of its own, and the tab's must still skip the other kinds. The check reads
// the time only when the query does.
func TestTabKindsCombineWithAnyQuery(t *testing.T) {
	kinds := TabConnections.kindSet()
	for _, src := range []string{"", "country:DE", "level>=warn country:DE", "timeout", "since:15m"} {
		q, err := query.Compile(src, query.Options{Now: time.Now(), Location: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		f := makeModelFilter(q, kinds)
		service := model.Entry{Kind: model.KindService, Level: model.LevelError}
		event := model.Entry{Time: time.Now(), Kind: model.KindAnalytics, Level: model.LevelWarn, Fields: model.Fields{model.Str(model.KeyCountry, "DE")}}
		if f.Maybe == nil || f.Maybe(&service) {
			t.Errorf("%q: a service line passes the Connections tab's first check", src)
		}
		if !f.Maybe(&event) {
			t.Errorf("%q: a connection event fails the Connections tab's first check", src)
		}
		if timeless := src != "since:15m"; f.MaybeTimeless != timeless {
			t.Errorf("%q: the first check says it reads no time: %v, want %v", src, f.MaybeTimeless, timeless)
		}
	}
}

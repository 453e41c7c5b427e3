package ui

import (
	"context"
	"slices"
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

// Every tab's view under a query holds exactly the entries that, loaded in
// full, are of the tab's kinds and match: whatever the view builder skips
// (a row's level and kind decided once per dictionary entry, an entry taken
// without a load, a word search that reads no fields) changes nothing.
func TestTabViewsHoldWhatAFullLoadMatches(t *testing.T) {
	var es []model.Entry
	for round := range 40 { // enough rows that dictionary entries are shared
		for _, e := range fixtureEntries() {
			e.Time = e.Time.Add(time.Duration(round) * time.Hour)
			es = append(es, e)
		}
	}
	st, _ := newFixtureStore(t, es)
	sn := st.Snapshot()
	queries := []string{"", "level>=warn", "level>=info", "-level:debug", "kind:analytics", "not kind:service",
		"relay", "disconnect", `/fail\w+/`, `"get SD"`, "restart", "rotation", "lost 120",
		"user:alice*", "-level:debug user:bob*", "rx>10KB", "msg:*Online*",
		"relay or level>=error", "connected or user:alice*",
		"since:2026-11-20T10:00 level>=info", "until:2026-11-20T10:00 -level:debug"}
	opts := query.Options{Now: testNow, Location: time.UTC}
	for tab := TabAll; tab < tabCount; tab++ {
		kinds := tab.kindSet()
		for _, src := range queries {
			q, err := query.Compile(src, opts)
			if err != nil {
				t.Fatal(err)
			}
			v, err := model.BuildView(context.Background(), sn, makeModelFilter(q, kinds))
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for seq := sn.First(); seq < sn.End(); seq++ {
				var e model.Entry
				if err := sn.Load(seq, &e, model.LoadFull); err != nil {
					t.Fatal(err)
				}
				if (kinds == nil || kinds[e.Kind&0xf]) && q.Match(&e) {
					want = append(want, seq)
				}
			}
			if got := builtSeqs(v); !slices.Equal(got, want) {
				t.Errorf("tab %v, %q: the view holds %v, a full load matches %v", tab, src, got, want)
			}
			if tab == TabAll && src != "" && (len(want) == 0 || len(want) == sn.Len()) {
				t.Errorf("%q matches %d of %d entries: the query no longer tells entries apart", src, len(want), sn.Len())
			}
		}
	}
}

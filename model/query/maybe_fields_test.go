package query_test

import (
	"bytes"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source/synth"
)

// TestViewsOfSplitEventsHoldWhatTheirLinesMatch: over a generated
// connector log held as the TUI holds it (its connection events split
// around shared templates), a view whose builder rules events out by
// their templates (Filter.MaybeFields) holds exactly the lines the query
// matches decoded in full, as does a view built without it; and the
// templates do rule out events, for the queries on fields they hold.
func TestViewsOfSplitEventsHoldWhatTheirLinesMatch(t *testing.T) {
	var log bytes.Buffer
	if err := synth.New(3, synth.Options{Audit: true, Newt: true, Hostile: true}).WriteDockerTS(&log, 30000); err != nil {
		t.Fatal(err)
	}
	// Events of an odd shape mixed in: the location given twice, and a
	// user new to each (a hole in its template).
	for i := range 40 {
		fmt.Fprintf(&log, `2026-02-10T09:00:%02d.000000000Z ANALYTICS {"connection": {"id": "odd-%d", "rx": 2000000}, "event_type": "closed_connection", "location": "{\"geoip\":{\"country\":\"DE\"}}", "location": "{\"geoip\":{\"country\":\"US\"}}", "user": {"email": "alice-%d@example.com"}}`+"\n", i%60, i, i)
	}
	opt := decode.Options{Reference: time.Unix(1770710400, 0)}
	whole := decodeLines(log.Bytes(), opt)
	opt.IndexService, opt.Templates = true, true
	sn := snapshotOf(decodeLines(log.Bytes(), opt))
	ruledOut := map[string]bool{
		"event:closed_connection country:DE rx>1MB": true, "country:DE": true, "-country:US": true,
		"user:alice*": true, "not event:established_connection": true, "event:closed_connection user:*example.com": true,
		"resource.address:jira*": true, "country:DE or rx>1MB": false, "country:DE or level>=error": false,
		"connection.client_ip:68.*": false, "connection.id:2ad8*": false, "timestamp>1770710500000": false,
		"device.id:2051* kind:analytics": false, "location.lat>50": true, "country:DE error": true,
		"relays.port:30001 or country:IE": false, "country:DE -user:alice*": true,
	}
	for src, rules := range ruledOut {
		q, err := query.Compile(src, query.Options{Now: time.Unix(1770710400, 0), Location: time.UTC})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		var want []int64
		for i := range whole {
			if q.Match(&whole[i]) {
				want = append(want, sn.First()+int64(i))
			}
		}
		f := q.Filter()
		if f.MaybeFields.Ask == nil {
			t.Fatalf("%q: no MaybeFields", src)
		}
		var no atomic.Int64 // the view's builders ask on several goroutines
		ask := f.MaybeFields.Ask
		f.MaybeFields.Ask = func(e *model.Entry, unknown func(string) bool) bool {
			may := ask(e, unknown)
			if !may {
				no.Add(1)
			}
			return may
		}
		judged := seqsOf(t, sn, f)
		f.MaybeFields = model.MaybeFields{}
		plain := seqsOf(t, sn, f)
		if !slices.Equal(judged, want) || !slices.Equal(plain, want) {
			t.Errorf("%q: the view holds %d lines judged by templates, %d without; the lines decoded in full match %d",
				src, len(judged), len(plain), len(want))
		}
		if rules && no.Load() == 0 {
			t.Errorf("%q: no template ruled out", src)
		}
	}
}

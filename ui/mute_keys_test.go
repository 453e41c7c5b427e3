package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/model/triage"
)

// TestMuteUnderAFieldQuery: a muted connection template stays hidden under
// a query on other fields. The query alone would load only the fields it
// reads; the mute reads the event's template from fields the query does
// not name, so the filter it wraps loads them all.
func TestMuteUnderAFieldQuery(t *testing.T) {
	var es []model.Entry
	for i := range 40 {
		event := model.EventClosed
		if i%2 == 1 {
			event = model.EventFailed
		}
		es = append(es, analytics(1000*i, event, fmt.Sprint("c", i), "alice@example.com", "", 10, 20, 30))
	}
	st, _ := newFixtureStore(t, es)
	failed := es[1]
	key := string(triage.TemplateKey(nil, &failed))
	mutes := muteSet{snapshot: st.Snapshot}.toggle(mutedTemplate{key: key, kind: failed.Kind.String(), level: failed.Level.String()})
	q, err := query.Compile("country:US", query.Options{Now: time.Now(), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	v, err := model.BuildView(context.Background(), st.Snapshot(), mutes.wrap(makeModelFilter(q, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if v.Len() != 20 {
		t.Errorf("country:US with failed connections muted keeps %d of 40 rows, want the 20 closed ones", v.Len())
	}
}

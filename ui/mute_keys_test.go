package ui

import (
	"context"
	"fmt"
	"reflect"
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
	st, mutes := failedConnectionsMuted(t)
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

// TestMuteUnderATabAndALevel: a muted template stays hidden where the
// query and the tab decide from the row alone (level>=info on the
// Connections tab), which lets a view take entries without loading them,
// and under a word search, which reads no fields of its own.
func TestMuteUnderATabAndALevel(t *testing.T) {
	st, mutes := failedConnectionsMuted(t)
	for _, src := range []string{"", "level>=info", "alice"} {
		q, err := query.Compile(src, query.Options{Now: time.Now(), Location: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		v, err := model.BuildView(context.Background(), st.Snapshot(), mutes.wrap(makeModelFilter(q, TabConnections.kindSet())))
		if err != nil {
			t.Fatal(err)
		}
		if v.Len() != 20 {
			t.Errorf("%q on the Connections tab with failed connections muted keeps %d of 40 rows, want the 20 closed ones", src, v.Len())
		}
	}
}

// A mute reads a line's template, which for some kinds is made of its
// payload: the filter it wraps no longer says its fields suffice (a full
// load must re-parse), nor that it reads raw bytes only, nor that its Sure
// holds.
func TestMuteClearsWhatItsTestBreaks(t *testing.T) {
	_, mutes := failedConnectionsMuted(t)
	q, err := query.Compile("alice level>=info", query.Options{Now: time.Now(), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	plain := makeModelFilter(q, nil)
	if !plain.FieldsSuffice || !plain.RawOnly || plain.Sure == nil {
		t.Fatalf("the query's filter says fields suffice %v, raw only %v, has Sure %v: the test tests nothing", plain.FieldsSuffice, plain.RawOnly, plain.Sure != nil)
	}
	if f := mutes.wrap(plain); f.FieldsSuffice || f.RawOnly || f.Sure != nil {
		t.Errorf("muted: fields suffice %v, raw only %v, has Sure %v", f.FieldsSuffice, f.RawOnly, f.Sure != nil)
	}
}

// failedConnectionsMuted stores 40 connection events, every other one a
// failure, and mutes the failures' template.
func failedConnectionsMuted(t *testing.T) (*model.Store, muteSet) {
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
	return st, muteSet{snapshot: st.Snapshot}.toggle(mutedTemplate{key: key, kind: failed.Kind.String(), level: failed.Level.String()})
}

// TestMuteOfAFileFoldedOrNot: muting templates over a file keeps the same
// rows whether the decoder folded the service lines into their templates
// (the index holds them) or not (the lines are re-read), under no query, a
// query on the index, and a word query that reads raw bytes; and those
// rows are the lines, decoded in full, whose template is not muted.
func TestMuteOfAFileFoldedOrNot(t *testing.T) {
	plain, whole := fileStore(t, 2*triageChunk+300, true, false)
	folded, _ := fileStore(t, 2*triageChunk+300, false, true)
	counts := map[string]int{}
	for i := range whole {
		counts[string(triage.TemplateKey(nil, &whole[i]))]++
	}
	muted := map[string]bool{}
	var mutes muteSet
	for i := range whole {
		e := &whole[i]
		if key := string(triage.TemplateKey(nil, e)); e.Kind == model.KindService && !muted[key] && counts[key] > 100 && len(muted) < 3 {
			muted[key] = true
			mutes = mutes.toggle(mutedTemplate{key: key, kind: e.Kind.String(), level: e.Level.String()})
		}
	}
	if len(muted) < 3 {
		t.Fatalf("only %d templates with more than 100 lines", len(muted))
	}
	for _, text := range []string{"", "level>=info", "relay", "msg:*relay*", "-msg:*relay* kind:service"} {
		q, err := query.Compile(text, query.Options{Now: time.Now(), Location: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		var rows [2][]int64
		for i, st := range []*model.Store{plain, folded} {
			mutes.snapshot = st.Snapshot
			v, err := model.BuildView(context.Background(), st.Snapshot(), mutes.wrap(makeModelFilter(q, nil)))
			if err != nil {
				t.Fatal(err)
			}
			rows[i] = builtSeqs(v)
		}
		want := 0
		for i := range whole {
			if !muted[string(triage.TemplateKey(nil, &whole[i]))] && q.Match(&whole[i]) {
				want++
			}
		}
		if !reflect.DeepEqual(rows[0], rows[1]) || len(rows[0]) != want || want == 0 {
			t.Errorf("query %q: %d rows re-read, %d folded, want %d", text, len(rows[0]), len(rows[1]), want)
		}
	}
}

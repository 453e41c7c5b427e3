package detail

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// compiled is a query for a test.
func compiled(t *testing.T, src string) *query.Query {
	t.Helper()
	q, err := query.Compile(src, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// cardFor builds the card of e with src as the filter.
func cardFor(t *testing.T, e *model.Entry, src string, w int) string {
	t.Helper()
	st := theme.Monochrome()
	q := compiled(t, src)
	return BuildCard(&st, w, Input{Entry: e, Location: time.UTC, Terms: q.Finders(), Queries: []*query.Query{q}})
}

// lineOf returns the card's line labelled label.
func lineOf(card, label string) string {
	for _, l := range strings.Split(card, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), label+" ") {
			return l
		}
	}
	return ""
}

// connEntry is a connection event from Germany with a DE in its message.
func connEntry() *model.Entry {
	return &model.Entry{Seq: 1, Time: base, Kind: model.KindAnalytics, Level: model.LevelInfo,
		Raw: []byte(`ANALYTICS {"event_type":"established"} DE`),
		Fields: model.Fields{model.Str(model.KeyEventType, "established"),
			model.Str(model.KeyUserEmail, "alice@example.com"), model.Str(model.KeyUserID, "11"),
			model.Str(model.KeyCity, "Berlin"), model.Str(model.KeyCountry, "DE"), model.Int(model.KeyRx, 3<<20),
			model.Str(model.KeyRelayIP, "10.0.0.1"), model.Str(model.KeyRelayPort, "443"),
			model.Str(model.KeyRelayIP, "10.0.0.2"), model.Str(model.KeyRelayPort, "443")},
		Origin: model.Origin{Offset: -1, Host: "gw-fra-1\x1b[31m", Unit: "twingate-connector.service"}}
}

// TestCardMarksFieldTerms: a field term marks, on the card's line that
// shows its field, the part of the value that made it match, and nothing
// else: not the same letters elsewhere on the line or in the raw line.
func TestCardMarksFieldTerms(t *testing.T) {
	st := theme.Monochrome()
	m := st.Match.Render
	cases := []struct {
		src, label, want string
		notWant          []string
	}{
		{"country:DE", "location", "Berlin, " + m("DE"), nil},
		{"user:alice*", "user", m("alice") + "@example.com (id 11)", nil},
		{"user:11", "user", "(id " + m("11") + ")", []string{m("1")}},
		{"rx>1MB", "rx", m("3145728") + " (3.1MB)", nil},
		{"relays.ip:10.0.0.2", "relays.ip", "10.0.0.1:443; " + m("10.0.0.2") + ":443", nil},
		{"host:gw-fra-1*", "host", m("gw-fra-1") + "␛[31m", nil},
		{"unit:twingate-connector", "unit", m("twingate-connector") + ".service", nil},
		{"event:established", "event", m("established"), nil},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			card := cardFor(t, connEntry(), tc.src, 100)
			line := lineOf(card, tc.label)
			if !strings.Contains(line, tc.want) {
				t.Errorf("line %q does not hold %q:\n%s", line, tc.want, card)
			}
			for _, bad := range tc.notWant {
				if strings.Count(line, bad) > 1 {
					t.Errorf("line %q marks %q more than once", line, bad)
				}
			}
			if raw := card[strings.Index(card, "RAW ("):]; strings.Contains(raw, m("DE")) {
				t.Errorf("a field term marks the raw line:\n%s", raw)
			}
		})
	}
}

// TestCardMarksNoNegatedOrFailedTerm: a negated term, a value that did not
// pass, and a branch of "or" that did not match mark nothing.
func TestCardMarksNoNegatedOrFailedTerm(t *testing.T) {
	st := theme.Monochrome()
	for _, src := range []string{"-country:DE", "not user:alice*", "country:FR or user:alice*",
		"(country:DE user:bob) or event:established"} {
		card := cardFor(t, connEntry(), src, 100)
		if strings.Contains(lineOf(card, "location"), st.Match.Render("DE")) {
			t.Errorf("%s marks the country:\n%s", src, card)
		}
	}
	card := cardFor(t, connEntry(), "(country:DE user:bob) or event:established", 100)
	if !strings.Contains(lineOf(card, "event"), st.Match.Render("established")) {
		t.Errorf("the branch that matched is not marked:\n%s", card)
	}
}

// TestServiceCardMarksModule: module:relay marks the module, not the word
// relay in the message; a level term marks the level.
func TestServiceCardMarksModule(t *testing.T) {
	st := theme.Monochrome()
	card := cardFor(t, serviceEntry(1, model.LevelInfo, "relay", "relay is slow"), "module:relay level>=info", 80)
	if !strings.Contains(lineOf(card, "level"), st.Match.Render("info")) {
		t.Errorf("level not marked:\n%s", card)
	}
	if !strings.Contains(lineOf(card, "module"), st.Match.Render("relay")) {
		t.Errorf("module not marked:\n%s", card)
	}
	if strings.Contains(lineOf(card, "message"), st.Match.Render("relay")) {
		t.Errorf("the message is marked:\n%s", card)
	}
}

package query

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"connlog/model"
)

// markedText draws the marks of src on e as "key[part]" items, for
// comparing: an envelope value is named by its attribute.
func markedText(t *testing.T, src string, e *model.Entry) string {
	t.Helper()
	q, err := Compile(src, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range q.FieldMarks(e) {
		name := m.Attr.String()
		if m.Field >= 0 {
			name = e.Fields[m.Field].Key
			if e.Fields[m.Field].Value != m.Value {
				t.Errorf("mark of %s holds %q, not the field's value", name, m.Value)
			}
		}
		out = append(out, fmt.Sprintf("%s[%s]", name, m.Value[m.Start:m.End]))
	}
	slices.Sort(out) // an "and" runs its cheap terms first
	return strings.Join(out, " ")
}

// TestFieldMarks: a field term marks the value that made it match, the
// whole value for field:value and a comparison, the literal part for a
// wildcard; a negated term, a term of a branch of "or" that did not match
// and a value that did not pass mark nothing.
func TestFieldMarks(t *testing.T) {
	conn := &model.Entry{Kind: model.KindAnalytics, Level: model.LevelInfo, Time: testNow,
		Raw: []byte(`ANALYTICS {"country":"DE"} DE`),
		Fields: model.Fields{model.Str(model.KeyUserEmail, "alice@example.com"), model.Str(model.KeyCountry, "DE"),
			model.Int(model.KeyRx, 2<<20), model.Str(model.KeyModule, "relay"),
			model.Str(model.KeyRelayIP, "10.0.0.1"), model.Str(model.KeyRelayIP, "10.0.0.2")},
		Origin: model.Origin{Host: "gw-fra-1", Unit: "twingate-connector.service", Offset: -1}}
	cases := []struct{ src, want string }{
		{"country:DE", "location.country[DE]"},
		{"country:de", "location.country[DE]"},
		{"country:FR", ""},
		{"rx>1MB", fmt.Sprintf("connection.rx[%d]", 2<<20)},
		{"user:alice*", "user.email[alice]"},
		{"user:*@example*", "user.email[@example]"},
		{"user:*", "user.email[alice@example.com]"},
		{"country:DE rx>1MB user:alice*", fmt.Sprintf("connection.rx[%d] location.country[DE] user.email[alice]", 2<<20)},
		{"-user:bob country:DE", "location.country[DE]"},
		{"not country:DE", ""},
		{"country!=FR", ""},
		{"module:relay", "module[relay]"},
		{"host:gw-fra-1", "host[gw-fra-1]"},
		{"host:gw-*", "host[gw-]"},
		{"unit:twingate-connector", "unit[twingate-connector]"},
		{"relays.ip:10.0.0.2", "relays.ip[10.0.0.2]"},
		{"level:info", "level[info]"},
		{"DE", ""},
		{"(user:bob country:DE) or module:relay", "module[relay]"},
		{"(user:alice* country:DE) or module:nope", "location.country[DE] user.email[alice]"},
		{"country:DE or module:nope", "location.country[DE]"},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			if got := markedText(t, tc.src, conn); got != tc.want {
				t.Errorf("marks %q, want %q", got, tc.want)
			}
		})
	}
}

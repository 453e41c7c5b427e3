package payload

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"connlog/model"
)

// TestAnalyticsMemoAgreesWithParse runs events whose parts repeat, or
// nearly repeat, through one memo: every result must be Parse's.
func TestAnalyticsMemoAgreesWithParse(t *testing.T) {
	padding := func(n int) string { // n generic fields before the parts
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `"x%d":%d,`, i, i)
		}
		return b.String()
	}
	user := `"user":{"email":"a\"b\\@example.com","id":"1"}`
	location := `"location":"{\"geoip\":{\"city\":\"Köln\",\"country\":\"DE\",\"lat\":50.9,\"lon\":6.9}}"`
	relays := `"relays":[{"ip":"1.2.3.4","name":"r","port":1},{"ip":"5.6.7.8","port":2}]`
	lines := []string{
		`ANALYTICS {"event_type":"closed_connection",` + user + `,` + location + `,` + relays + `}`,
		// the same parts again, and in another order
		`ANALYTICS {` + relays + `,` + location + `,"event_type":"established_connection",` + user + `}`,
		// the same user bytes where the list is nearly full: the remembered
		// fields must be cut at the bound as a decode cuts them
		`ANALYTICS {` + padding(maxFamilyFields-1) + user + `}`,
		`ANALYTICS {` + padding(maxFamilyFields-2) + relays + `}`,
		`ANALYTICS {` + padding(maxFamilyFields) + location + `}`,
		// the same bytes for longer than the memo's key, then others
		`ANALYTICS {"location":"{\"geoip\":{\"city\":\"Köln\",\"country\":\"DE\",\"lat\":50.9,\"lon\":7.0}}"}`,
		`ANALYTICS {` + location + `,"user":{"email":"a\"b\\@example.com","id":"1","role":"x"}}`,
		// a short part followed by other bytes each time
		`ANALYTICS {"device":{"id":"7"},"event_type":"a"}`,
		`ANALYTICS {"device":{"id":"7"},"event_type":"b"}`,
		`ANALYTICS {"device":{"id":"7"}}`,
		`ANALYTICS {"device":{"id":"7"`,
		`ANALYTICS {"device":{"id":"7"}`,
		// parts that differ by one byte, or are not what they should be
		`ANALYTICS {"user":{"email":"a\"b\\@example.com","id":"2"}}`,
		`ANALYTICS {"user":{"email":"a\"b\\@example.com","id":1}}`,
		`ANALYTICS {"location":"{\"geoip\":{\"city\":\"Köln\"}"}`,
		`ANALYTICS {"location":"{\"geoip\":{\"city\":\"Köln\"}"}`,
		`ANALYTICS {"location":"not json"}`,
		`ANALYTICS {"location":"not json"}`,
		`ANALYTICS {"location":{"geoip":{"city":"Bonn"}}}`,
		`ANALYTICS {"location":{"geoip":{"city":"Bonn"}}}`,
		`ANALYTICS {"relays":[{"ip":"1.2.3.4"},{"ip":"1.2.3.4","port":1e999}]}`,
		`ANALYTICS {"relays":[{"ip":"1.2.3.4"},{"ip":"1.2.3.4","port":1e999}]}`,
		`ANALYTICS {"user":"someone"}`,
		`ANALYTICS {"user":"someone"}`,
		`ANALYTICS {"user":{"email":"x@example.com"`, // cut: never remembered
		`ANALYTICS {"user":{"email":"x@example.com"}`,
		`ANALYTICS {"user":{"email":"x@example.com"}} trailing`,
		`ANALYTICS {"user":{"email":"x@example.com"}}`,
		`ANALYTICS {"user":{"email":"x@example.com"]}`, // brackets that do not match
		`ANALYTICS {"user":{"email":"x@example.com"]}`,
	}
	memo := NewAnalyticsMemo()
	for _, line := range lines {
		checkAnalyticsIndex(t, []byte(line), memo)
	}
}

// TestAnalyticsMemoRemembersWhatItShould: a part decoded cleanly is taken
// from the memo the next time (its values are then the memo's copies, not
// the line's), and one cut by the field bound or failing is not.
func TestAnalyticsMemoRemembersWhatItShould(t *testing.T) {
	memo := NewAnalyticsMemo()
	remembered := func(line string) bool {
		p := []byte(line)
		_, fs, ok := AnalyticsIndex(p, nil, memo)
		if !ok {
			t.Fatalf("%s: not read as an event", line)
		}
		for i := range p {
			p[i] = '#' // values taken from the line change with it
		}
		for _, f := range fs {
			if f.Key == "user.email" {
				return f.Value == "a@example.com"
			}
		}
		t.Fatalf("%s: no user.email in %v", line, fs)
		return false
	}
	clean := `ANALYTICS {"user":{"email":"a@example.com","id":"1"}}`
	if remembered(clean) {
		t.Fatal("the first sighting cannot come from the memo")
	}
	if !remembered(clean) {
		t.Error("a part decoded cleanly was not remembered")
	}
	var b strings.Builder
	for i := range maxFamilyFields - 1 {
		fmt.Fprintf(&b, `"x%d":%d,`, i, i)
	}
	full := `ANALYTICS {` + b.String() + `"user":{"email":"a@example.com","id":"2"}}`
	remembered(full)
	if remembered(`ANALYTICS {"user":{"email":"a@example.com","id":"2"}}`) {
		t.Error("a part cut by the field bound was remembered")
	}
}

func TestRawValueEnd(t *testing.T) {
	for _, c := range []struct {
		s   string
		end int
	}{
		{`"abc" x`, 5},
		{`"a\"b" x`, 6},
		{`"a\\" x`, 5},
		{`"a\\\"" x`, 7},
		{`{"a":"}"} x`, 9},
		{`[{"a":[1,2]},"]"] x`, 17},
		{`{"a":1`, -1},
		{`"abc`, -1},
		{`123`, -1},
		{``, -1},
	} {
		if got := rawValueEnd(c.s, 0); got != c.end {
			t.Errorf("rawValueEnd(%q) = %d, want %d", c.s, got, c.end)
		}
	}
}

// FuzzAnalyticsMemo decodes two events, then the first again, through one
// memo: each result must be Parse's, whatever the first left remembered.
func FuzzAnalyticsMemo(f *testing.F) {
	user := `"user":{"email":"a@example.com","id":"1"}`
	location := `"location":"{\"geoip\":{\"city\":\"Köln\",\"country\":\"DE\",\"lat\":50.9,\"lon\":6.9}}"`
	f.Add(`{`+user+`,`+location+`}`, `{`+location+`,`+user+`}`)
	f.Add(`{"device":{"id":"7"},"event_type":"a"}`, `{"device":{"id":"7"},"x":1}`)
	f.Add(`{`+location+`}`, `{"location":"{\"geoip\":{\"city\":\"Köln\",\"country\":\"DE\",\"lat\":50.9,\"lon\":7}}"}`)
	f.Add(`{"relays":[{"ip":"1.2.3.4","port":1}]}`, `{"relays":[{"ip":"1.2.3.4","port":1}`)
	f.Fuzz(func(t *testing.T, a, b string) {
		memo := NewAnalyticsMemo()
		for _, obj := range []string{a, b, a} {
			checkAnalyticsIndex(t, []byte("ANALYTICS "+obj), memo)
		}
	})
}

// TestAnalyticsMemoSharesKeys: an event's parts taken from a memo hold
// the schema's keys as a parse gives them, so that a store meets each key
// at one address, and a key of the line's own bytes is right whatever
// becomes of them.
func TestAnalyticsMemoSharesKeys(t *testing.T) {
	memo := NewAnalyticsMemo()
	at := map[string]*byte{}
	for i := range 300 {
		line := fmt.Sprintf(`ANALYTICS {"user":{"email":"u%d@example.com","id":"%d"},"device":{"id":"%d","k%d":1}}`, i, i, i, i)
		for range 2 { // the second time from the memo
			b := []byte(line)
			r, fs, ok := AnalyticsIndex(b, nil, memo)
			if !ok || r.Err != "" {
				t.Fatalf("%s: %v %q", line, ok, r.Err)
			}
			copy(b, strings.Repeat("x", len(b))) // the line's bytes are reused
			for _, f := range fs {
				if want := fmt.Sprintf("device.k%d", i); strings.HasPrefix(f.Key, "device.k") && f.Key != want {
					t.Fatalf("key %q, want %q", f.Key, want)
				}
				if strings.HasPrefix(f.Key, "device.k") {
					continue // a key of its own for each event
				}
				if p, ok := at[f.Key]; ok && p != unsafe.StringData(f.Key) {
					t.Fatalf("event %d: key %q at another address than before", i, f.Key)
				}
				at[f.Key] = unsafe.StringData(f.Key)
			}
		}
	}
	var r Result
	var fs model.Fields
	for range 2 { // its key, "user", is the line's own
		b := []byte(`ANALYTICS {"user":"someone"}`)
		r, fs, _ = AnalyticsIndex(b, nil, memo)
		copy(b, strings.Repeat("x", len(b)))
	}
	if len(fs) != 1 || fs[0].Key != "user" || fs[0].Value != "someone" || r.Err != "" {
		t.Fatalf("fields %+v (%q), want user=someone", fs, r.Err)
	}
}

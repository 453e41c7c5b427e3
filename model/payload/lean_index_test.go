package payload

import (
	"bytes"
	"reflect"
	"testing"

	"connlog/model"
)

// checkServiceIndex fails unless ServiceIndex agrees with Parse on p: it
// claims exactly the lines ServiceResult claims, with the level Parse
// gives and the module and function fields Parse gives, in order, and no
// other; and it leaves p as it was.
func checkServiceIndex(t *testing.T, p []byte) {
	t.Helper()
	before := bytes.Clone(p)
	r, fs, _, ok := ServiceIndex(p, nil, nil)
	if _, claimed := ServiceResult(p); ok != claimed {
		t.Fatalf("%q: ServiceIndex claims %v, ServiceResult %v", p, ok, claimed)
	}
	if !bytes.Equal(p, before) {
		t.Fatalf("%q: ServiceIndex changed its input", before)
	}
	if !ok {
		return
	}
	full := Parse(p, nil)
	var want model.Fields
	for _, f := range full[0].Fields {
		if f.Key != model.KeyMessage {
			want = append(want, f)
		}
	}
	if r.Kind != model.KindService || r.Level != full[0].Level || len(fs) != len(want) {
		t.Fatalf("%q: ServiceIndex %v/%v %v; Parse %v/%v %v", p, r.Kind, r.Level, fs, full[0].Kind, full[0].Level, want)
	}
	for i := range want {
		if fs[i] != want[i] {
			t.Fatalf("%q: field %d is %+v, Parse gives %+v", p, i, fs[i], want[i])
		}
	}
}

func TestServiceIndex(t *testing.T) {
	for _, line := range []string{
		"[DEBUG] [libsdwan] [dns] dns_cache::lookup: a hit",
		"[INFO] [connector] run_state_machine: ok",
		"[ERROR] [connector] Failed to submit analytics events",
		"[WARNING] x",
		"[INFO]",
		"[TRACE] [a] [b] [c] [d] [e] [f] [g] [h] [i] j::k: l",
		"[DEBUG] [libsdwan] quic_session::on_ack:",
		"[msg] event_base_loop",
		"[{\"a\":1}]",
		"",
		"[INFO] \x1b[1m[connector]\x1b[0m run_state_machine: ok", // read without its colours, as Parse reads it
	} {
		checkServiceIndex(t, []byte(line))
	}
	// The values alias the line: the index copies what it keeps.
	p := []byte("[DEBUG] [libsdwan] quic::on_ack: x")
	_, fs, _, _ := ServiceIndex(p, nil, nil)
	p[9] = 'L'
	if fs[0].Value != "Libsdwan" {
		t.Errorf("module %q does not alias the line", fs[0].Value)
	}
	// A module of several groups is joined into join, after what it held.
	_, fs, join, _ := ServiceIndex([]byte("[INFO] [a] [b] x"), nil, []byte("kept"))
	if string(join) != "kepta/b" || fs[0].Value != "a/b" {
		t.Errorf("join %q, module %q", join, fs[0].Value)
	}
}

func FuzzServiceIndex(f *testing.F) {
	for _, s := range []string{"[DEBUG] [libsdwan] [quic] a::b: c", "[ERROR]", "[msg] x", "[ {", "[WARN ] x", "[FATAL]\x00\xff", "[CRITICAL]] [x]", "[INFO] [a][b] f(): m", "[WARN] \x1b[33m[a]\x1b[0m b::c: d"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		checkServiceIndex(t, p)
	})
}

// checkAnalyticsIndex fails unless AnalyticsIndex and ParseMemo agree with
// Parse on p, without a memo, with memo as earlier lines left it and with
// memo once p itself went through it.
func checkAnalyticsIndex(t *testing.T, p []byte, memo *AnalyticsMemo) {
	t.Helper()
	checkAnalyticsIndexWith(t, p, nil)
	checkAnalyticsIndexWith(t, p, memo)
	checkAnalyticsIndexWith(t, p, memo)
	want := Parse(p, nil)
	for range 2 {
		if got := ParseMemo(p, nil, memo); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n ParseMemo %+v\n Parse     %+v", p, got, want)
		}
	}
}

// checkAnalyticsIndexWith fails unless AnalyticsIndex with memo agrees with
// Parse on p: what it claims, Parse reads as that one result exactly; what
// it leaves, Parse does not read as an analytics event. Fields already in
// the list are kept, and p is left as it was.
func checkAnalyticsIndexWith(t *testing.T, p []byte, memo *AnalyticsMemo) {
	t.Helper()
	before := bytes.Clone(p)
	kept := model.Fields{model.Str("kept", "x")}
	r, fs, ok := AnalyticsIndex(p, kept, memo)
	if !bytes.Equal(p, before) {
		t.Fatalf("%q: AnalyticsIndex changed its input", before)
	}
	full := Parse(p, nil)
	parsedAsEvent := len(full) == 1 && full[0].Kind == model.KindAnalytics && bytes.HasPrefix(p, prefixAnalytics)
	if ok != parsedAsEvent {
		t.Fatalf("%q: AnalyticsIndex claims %v, Parse gives %d results (%v)", p, ok, len(full), full)
	}
	if !ok {
		return
	}
	if fs[0] != kept[0] || len(fs) != 1+len(r.Fields) {
		t.Fatalf("%q: the fields before the event were not kept: %v", p, fs)
	}
	if !reflect.DeepEqual(r, full[0]) {
		t.Fatalf("%q:\n AnalyticsIndex %+v\n Parse          %+v", p, r, full[0])
	}
}

func TestAnalyticsIndex(t *testing.T) {
	memo := NewAnalyticsMemo()
	for _, line := range []string{
		`ANALYTICS {"connection": {"client_ip": "1.2.3.4", "id": "a-1", "rx": 10}, "event_type": "closed_connection", "location": "{\"geoip\":{\"city\":\"New York\",\"country\":\"US\",\"lat\":40.7128}}", "relays": [{"ip":"1.2.3.4","port":1}], "timestamp": 1770710400297, "user": {"email": "a\u00e9@example.com"}}`,
		`ANALYTICS  {"event_type":"failed_to_connect","connection":{"error_message":"x \"y\""}}`,
		`ANALYTICS {"event_type":"established_connection"} trailing`,
		`ANALYTICS {"event_type":`,
		`ANALYTICS {}`,
		"ANALYTICS {\"event_type\": \"\x1b[31mfailed_to_connect\x1b[0m\"}", // read without its colours, as Parse reads it
		`ANALYTICS nothing`,
		`ACCESS START session=s`,
		``,
	} {
		checkAnalyticsIndex(t, []byte(line), memo)
	}
}

func FuzzAnalyticsIndex(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`ANALYTICS {"connection":{"id":"c","rx":1},"event_type":"closed_connection","location":"{\"geoip\":{\"city\":\"S\"}}","timestamp":1698356150045}`))
	memo := NewAnalyticsMemo() // shared by the inputs: each meets the parts of those before
	f.Fuzz(func(t *testing.T, p []byte) {
		checkAnalyticsIndex(t, p, memo)
	})
}

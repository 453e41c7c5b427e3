package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func TestLevelMix(t *testing.T) {
	lines, _ := generate(5, Options{TroubleEvery: 5 * time.Minute}, 200000)
	count := map[string]int{}
	for _, l := range lines {
		count[levelOf(l.text)]++
	}
	share := func(k string) float64 { return float64(count[k]) / float64(len(lines)) }
	checks := []struct {
		level    string
		min, max float64
	}{
		{"DEBUG", 0.80, 0.90},
		{"ANALYTICS", 0.06, 0.10},
		{"INFO", 0.02, 0.08},
		{"WARN", 0.003, 0.03},
		{"ERROR", 0.0005, 0.01},
		{"msg", 0, 0.01},
		{"", 0, 0.01}, // PubNub and bare library text
	}
	for _, c := range checks {
		if s := share(c.level); s < c.min || s > c.max {
			t.Errorf("%q lines are %.4f of the log, want %.4f..%.4f (counts %v)", c.level, s, c.min, c.max, count)
		}
	}
	for _, k := range []string{"msg", ""} {
		if count[k] == 0 {
			t.Errorf("no %q lines in %d: library lines should appear now and then", k, len(lines))
		}
	}
}

func TestAnalyticsEventTypes(t *testing.T) {
	lines, _ := generate(9, Options{}, 100000)
	types := map[string]int{}
	relayCounts := map[int]int{}
	for _, l := range lines {
		ev, ok := decodeAnalytics(t, l.text)
		if !ok {
			continue
		}
		types[ev.EventType]++
		relayCounts[len(ev.Relays)]++
		failure := ev.EventType == eventFailed || ev.EventType == eventDenied
		if failure != (ev.Connection.ErrorMessage != "") {
			t.Errorf("%s with error_message %q", ev.EventType, ev.Connection.ErrorMessage)
		}
		if (ev.Connection.TunnelPath == "relay") != (len(ev.Relays) > 0) {
			t.Errorf("tunnel_path %q with %d relays", ev.Connection.TunnelPath, len(ev.Relays))
		}
	}
	for _, et := range []string{eventEstablished, eventClosed, eventFailed, eventDenied} {
		if types[et] == 0 {
			t.Errorf("no %s events in %v", et, types)
		}
	}
	for n := 0; n <= 4; n++ {
		if relayCounts[n] == 0 {
			t.Errorf("no event with %d relays: %v", n, relayCounts)
		}
	}
}

// TestConnectionsEnd follows every connection id: each establishment is
// closed or failed exactly once, later, with a duration equal to the time
// between the two events, and nothing ends that never started, except a
// failure or denial standing alone.
func TestConnectionsEnd(t *testing.T) {
	const maxConn = 5 * time.Minute
	lines, g := generate(13, Options{MaxConnection: maxConn, RestartEvery: 15 * time.Minute, Rate: 40}, 120000)
	end := lines[len(lines)-1].at
	type state struct {
		est   analyticsEvent
		ended bool
	}
	conns := map[string]*state{}
	for i, l := range lines {
		ev, ok := decodeAnalytics(t, l.text)
		if !ok {
			continue
		}
		id := ev.Connection.ID
		s := conns[id]
		switch ev.EventType {
		case eventEstablished:
			if s != nil {
				t.Fatalf("line %d: id %s established twice", i, id)
			}
			conns[id] = &state{est: ev}
		case eventClosed, eventFailed, eventDenied:
			if s == nil {
				if ev.EventType == eventClosed {
					t.Fatalf("line %d: %s closed without being established", i, id)
				}
				conns[id] = &state{ended: true}
				continue
			}
			if s.ended {
				t.Fatalf("line %d: id %s ended twice", i, id)
			}
			s.ended = true
			checkSameConnection(t, s.est, ev)
		}
	}
	open, relayed := 0, 0
	for id, s := range conns {
		if s.ended {
			continue
		}
		open++
		if s.est.Connection.TunnelPath == "relay" {
			relayed++
		}
		if started := time.UnixMilli(s.est.Timestamp); end.Sub(started) > maxConn+time.Minute {
			t.Errorf("%s established at %v is still open at %v, past the %v limit", id, started, end, maxConn)
		}
	}
	if open != g.OpenConnections() || relayed != g.conns.relayed {
		t.Errorf("%d connections (%d relayed) left open by the log, the generator says %d (%d)",
			open, relayed, g.OpenConnections(), g.conns.relayed)
	}
}

func checkSameConnection(t *testing.T, est, end analyticsEvent) {
	t.Helper()
	a, b := est.Connection, end.Connection
	if a.ClientIP != b.ClientIP || a.ResourceIP != b.ResourceIP || a.ResourcePort != b.ResourcePort ||
		est.User != end.User || est.Resource != end.Resource || est.Location != end.Location {
		t.Errorf("%s changed between its events:\n%+v\n%+v", a.ID, est, end)
	}
	if end.Timestamp < est.Timestamp {
		t.Errorf("%s ends at %d before it starts at %d", a.ID, end.Timestamp, est.Timestamp)
	}
	if end.EventType != eventClosed {
		return
	}
	if b.Duration == nil || *b.Duration != end.Timestamp-est.Timestamp {
		t.Errorf("%s: duration %v, but the events are %d ms apart", a.ID, b.Duration, end.Timestamp-est.Timestamp)
	}
	if b.Rx == nil || b.Tx == nil || *b.Rx <= 0 || *b.Tx <= 0 {
		t.Errorf("%s: closed with rx %v tx %v", a.ID, b.Rx, b.Tx)
	}
}

func TestLocationIsJSONString(t *testing.T) {
	lines, _ := generate(17, Options{}, 100000)
	cityOf := map[string]string{}
	seen := 0
	for _, l := range lines {
		ev, ok := decodeAnalytics(t, l.text)
		if !ok {
			continue
		}
		seen++
		var loc struct {
			GeoIP map[string]json.RawMessage `json:"geoip"`
		}
		if err := json.Unmarshal([]byte(ev.Location), &loc); err != nil {
			t.Fatalf("location %q is not JSON: %v", ev.Location, err)
		}
		for _, k := range []string{"city", "country", "lat", "lon", "region"} {
			if _, ok := loc.GeoIP[k]; !ok || len(loc.GeoIP) != 5 {
				t.Fatalf("location %q lacks %q or has extra keys", ev.Location, k)
			}
		}
		var lat, lon float64
		if json.Unmarshal(loc.GeoIP["lat"], &lat) != nil || json.Unmarshal(loc.GeoIP["lon"], &lon) != nil ||
			lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			t.Fatalf("location %q has no usable coordinates", ev.Location)
		}
		if prev, ok := cityOf[ev.Connection.ClientIP]; ok && prev != ev.Location {
			t.Fatalf("client %s is in %s and in %s", ev.Connection.ClientIP, prev, ev.Location)
		}
		cityOf[ev.Connection.ClientIP] = ev.Location
	}
	if seen == 0 {
		t.Fatal("no ANALYTICS lines")
	}
}

// TestAnalyticsSpacing checks the vendor's serialisation: sorted keys and
// Python-json separators outside the nested location string.
func TestAnalyticsSpacing(t *testing.T) {
	lines, _ := generate(19, Options{}, 50000)
	for _, l := range lines {
		if !bytes.HasPrefix(l.text, analyticsPrefix) {
			continue
		}
		body := l.text[len(analyticsPrefix):]
		i := bytes.Index(body, []byte(`"location": "`))
		j := bytes.Index(body, []byte(`", "relays"`))
		if i < 0 || j < i {
			t.Fatalf("no location string in %s", l.text)
		}
		outside := append(bytes.Clone(body[:i]), body[j:]...)
		if bytes.Contains(outside, []byte(`":"`)) || bytes.Contains(outside, []byte(`,"`)) {
			t.Fatalf("compact separators outside location: %s", l.text)
		}
		checkSortedKeys(t, body)
	}
}

// sortedKeys reports the first object key, at any depth, that does not
// sort after the one before it.
func sortedKeys(raw []byte) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		prev := ""
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			if key := k.(string); key <= prev {
				return fmt.Errorf("key %q after %q", key, prev)
			} else {
				prev = key
			}
			if err := sortedValue(dec); err != nil {
				return err
			}
		}
	case json.Delim('['):
		for dec.More() {
			if err := sortedValue(dec); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortedValue(dec *json.Decoder) error {
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return err
	}
	return sortedKeys(v)
}

func checkSortedKeys(t *testing.T, body []byte) {
	t.Helper()
	if err := sortedKeys(body); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
}

func TestSortedKeysCatchesDisorder(t *testing.T) {
	for _, tc := range []struct {
		name string
		json string
		ok   bool
	}{
		{"sorted", `{"a": 1, "b": {"x": [{"m": 1, "n": 2}], "y": 2}}`, true},
		{"top level", `{"b": 1, "a": 2}`, false},
		{"nested", `{"a": {"y": 1, "x": 2}}`, false},
		{"in array", `{"a": [{"n": 1, "m": 2}]}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := sortedKeys([]byte(tc.json)); (err == nil) != tc.ok {
				t.Errorf("sortedKeys(%s) = %v", tc.json, err)
			}
		})
	}
}

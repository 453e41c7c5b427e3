package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"connlog/model"
)

// FuzzRenderEntry renders a hostile entry of every kind in the table and the
// detail pane: nothing may panic, no control sequence may reach the screen,
// and the screen keeps its size.
func FuzzRenderEntry(f *testing.F) {
	f.Add([]byte(hostileRaw), "\x1b]8;;x\x07", uint8(model.KindText), uint8(model.LevelError))
	f.Add([]byte(analyticsClosed), "alice@example.com", uint8(model.KindAnalytics), uint8(model.LevelInfo))
	f.Add([]byte(`ANALYTICS {"location": "{\"geoip\":"}`), "", uint8(model.KindAnalytics), uint8(model.LevelWarn))
	f.Add([]byte("\xff\xfe\x00\r\n\t\u2066\u202e"), "日本語👍", uint8(model.KindAudit), uint8(model.LevelCritical))
	f.Add([]byte(strings.Repeat("x", 70000)), strings.Repeat("界", 300), uint8(model.KindService), uint8(model.LevelDebug))
	f.Fuzz(func(t *testing.T, raw []byte, value string, kind, level uint8) {
		k := model.Kind(kind % uint8(len(model.Kinds())))
		e := model.Entry{Time: base, Kind: k, Level: model.Level(level % 8), Raw: raw, Payload: raw,
			Origin: model.Origin{Offset: -1, Host: value, Envelope: value},
			Fields: model.Fields{model.Str(model.KeyMessage, value), model.Str(model.KeyUserEmail, value),
				model.Str(model.KeyEventType, value), model.Str(model.KeyAccessGranted, "false"),
				model.Str(model.KeyStacktrace, value), model.Str(model.KeySrc, value), model.Str(model.KeyModule, value)}}
		st, _ := newFixtureStore(t, []model.Entry{e})
		m := newTestModel(t, st, 80, 24)
		for _, tab := range []string{"1", "2", "3", "4", "5"} {
			checkScreen(t, drive(t, m, keys(tab)...).View().Content, 24)
		}
		checkScreen(t, drive(t, m, keys("enter")...).View().Content, 24)
	})
}

func checkScreen(t *testing.T, v string, height int) {
	t.Helper()
	if strings.ContainsAny(v, "\x1b\x07\u009b\u202e") || !utf8.ValidString(v) {
		t.Fatalf("a control sequence or invalid UTF-8 reached the screen: %q", v)
	}
	if n := strings.Count(v, "\n") + 1; n != height {
		t.Fatalf("screen has %d lines; want %d", n, height)
	}
}

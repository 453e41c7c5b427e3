package detail

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/ui/theme"
)

// deepDepth is the nesting of the hostile ANALYTICS line that froze the
// detail pane: just under encoding/json's own limit of 10,000.
const deepDepth = 9990

// deepAnalytics is an ANALYTICS line with deepDepth nested arrays in the
// object (inLocation false) or in the location string (true).
func deepAnalytics(inLocation bool) *model.Entry {
	nest := strings.Repeat("[", deepDepth) + strings.Repeat("]", deepDepth)
	body := `{"connection": {"id": "deep-1", "client_ip": "192.0.2.1"}, "event_type": "established_connection", `
	if inLocation {
		body += `"location": "` + nest + `"}`
	} else {
		body += `"location": "{}", "x": ` + nest + `}`
	}
	raw := "ANALYTICS " + body
	return &model.Entry{Time: base, Kind: model.KindAnalytics, Level: model.LevelInfo, Raw: []byte(raw), Payload: []byte(body),
		Fields: model.Fields{model.Str(model.KeyConnID, "deep-1"), model.Str(model.KeyEventType, "established_connection")},
		Origin: model.Origin{Offset: -1}}
}

// BenchmarkDetailCardDeep builds the detail card of the deeply nested
// lines. Peak memory: run it alone under /usr/bin/time -v.
func BenchmarkDetailCardDeep(b *testing.B) {
	st := theme.Default()
	for _, c := range []struct {
		name       string
		inLocation bool
	}{{"object", false}, {"location", true}} {
		b.Run(c.name, func(b *testing.B) {
			in := Input{Entry: deepAnalytics(c.inLocation), Location: time.UTC}
			b.SetBytes(int64(len(in.Entry.Raw)))
			b.ReportAllocs()
			for range b.N {
				if s := BuildCard(&st, 100, in); s == "" {
					b.Fatal("empty card")
				}
			}
		})
	}
}

package payload

import (
	"testing"

	"connlog/model"
)

// TestParseFlowCutItemLeavesItsCountersUnknown: Tailscale omits a zero
// counter, so a whole item without txBytes sent nothing; but in an item
// cut short the counters not read (or cut in the middle of their number)
// are unknown, and are left out rather than shown as 0.
func TestParseFlowCutItemLeavesItsCountersUnknown(t *testing.T) {
	const head = `{"nodeId":"nF6CNTRL","start":"2026-12-05T10:05:00Z","end":"2026-12-05T10:05:05Z","virtualTraffic":[`
	for _, c := range []struct {
		name, line     string
		known          map[string]float64
		unknown        []string
		wantErr, whole bool
	}{
		{"cut before txBytes' value", head + `{"proto":6,"src":"100.64.0.1:5000","dst":"100.64.0.2:80","txBytes":`,
			nil, []string{model.KeyTxPkts, model.KeyTxBytes, model.KeyRxPkts, model.KeyRxBytes}, true, false},
		{"cut in txBytes' number", head + `{"proto":6,"src":"100.64.0.1:5000","dst":"100.64.0.2:80","txPkts":3,"txBytes":12`,
			map[string]float64{model.KeyTxPkts: 3}, []string{model.KeyTxBytes, model.KeyRxPkts, model.KeyRxBytes}, true, false},
		{"cut after the item", head + `{"proto":6,"src":"100.64.0.1:5000","dst":"100.64.0.2:80","txBytes":7}`,
			map[string]float64{model.KeyTxBytes: 7, model.KeyTxPkts: 0, model.KeyRxPkts: 0, model.KeyRxBytes: 0}, nil, true, true},
		{"whole message", head + `{"proto":6,"src":"100.64.0.1:5000","dst":"100.64.0.2:80","txBytes":7}]}`,
			map[string]float64{model.KeyTxBytes: 7, model.KeyTxPkts: 0, model.KeyRxPkts: 0, model.KeyRxBytes: 0}, nil, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			rs := Parse([]byte(c.line), nil)
			if len(rs) != 1 || rs[0].Kind != model.KindFlow {
				t.Fatalf("want one flow result, got %+v", rs)
			}
			r := rs[0]
			if (r.Err != "") != c.wantErr {
				t.Errorf("Err = %q, want an error: %v", r.Err, c.wantErr)
			}
			for k, want := range c.known {
				if got, ok := r.Fields.Num(k); !ok || got != want {
					t.Errorf("%s = %g (%v), want %g", k, got, ok, want)
				}
			}
			for _, k := range c.unknown {
				if f, ok := r.Fields.Get(k); ok {
					t.Errorf("%s = %q, want it absent: its value was not read", k, f.Value)
				}
			}
			if r.Fields.Value(model.KeyDst) != "100.64.0.2:80" {
				t.Errorf("dst = %q, want what was read before the cut", r.Fields.Value(model.KeyDst))
			}
		})
	}
}

package payload

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// flowLines reads flow.log, where each line is one message or body.
func flowLine(t *testing.T, k int) string {
	t.Helper()
	return fixtureLines(t, "flow.log")[k]
}

func TestParseFlowTestdataMessage(t *testing.T) {
	// Tailscale's own test message, verbatim: 10 physical and 25 virtual items.
	rs := Parse([]byte(flowLine(t, 0)), nil)
	if len(rs) != 35 {
		t.Fatalf("got %d results, want 35 (10 physical + 25 virtual)", len(rs))
	}
	start := rfc(t, "2024-04-08T21:39:11.099495616Z")
	common := map[string]string{model.KeyNodeID: "nQRJBE7CNTRL", model.KeyFlowStart: "2024-04-08T21:39:11.099495616Z",
		model.KeyFlowEnd: "2024-04-08T21:39:15.715291586Z"}
	// Items in the order of their lists in the message: physical comes first there.
	check(t, rs[0], want{kind: model.KindFlow, time: start, fields: merge(common, map[string]string{
		model.KeyTraffic: "physical", model.KeyFlowProto: "", model.KeySrc: "100.x.x.x:0", model.KeySrcIP: "100.x.x.x",
		model.KeyDst: "127.x.x.x:2", model.KeyDstIP: "127.x.x.x"}),
		nums:   map[string]float64{model.KeySrcPort: 0, model.KeyDstPort: 2, model.KeyTxBytes: 148, model.KeyTxPkts: 1, model.KeyRxBytes: 0, model.KeyRxPkts: 0},
		absent: []string{model.KeyFlowLogged, model.KeyNodeName}})
	check(t, rs[10], want{kind: model.KindFlow, time: start, fields: merge(common, map[string]string{
		model.KeyTraffic: "virtual", model.KeyFlowProto: "tcp", model.KeySrc: "100.x.x.x:22", model.KeyDst: "100.x.x.x:33008"}),
		nums: map[string]float64{model.KeySrcPort: 22, model.KeyDstPort: 33008, model.KeyTxBytes: 1260, model.KeyTxPkts: 10, model.KeyRxPkts: 0}})
	check(t, rs[11], want{kind: model.KindFlow, time: start, fields: merge(common, map[string]string{
		model.KeyTraffic: "virtual", model.KeyFlowProto: "icmp"}),
		nums: map[string]float64{model.KeyRxBytes: 420, model.KeyRxPkts: 5}})
}

func TestParseFlowLogtailUploads(t *testing.T) {
	// The receiver's three bodies, without its "Received Decompressed Body: "
	// label: arrays of messages wrapped with logtail metadata.
	cases := []struct {
		name string
		line string
		want []want
	}{
		{"exit and physical", flowLine(t, 1), []want{
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:03.665123895Z"),
				fields: map[string]string{model.KeyTraffic: "exit", model.KeyDst: "100.64.0.1:0", model.KeyFlowProto: "", model.KeyNodeID: "1"},
				nums:   map[string]float64{model.KeyTxPkts: 1, model.KeyTxBytes: 27, model.KeyRxPkts: 0},
				absent: []string{model.KeySrc, model.KeySrcIP, model.KeyFlowLogged}},
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:03.665123895Z"),
				fields: map[string]string{model.KeyTraffic: "physical", model.KeyDstIP: "192.168.1.2"},
				nums:   map[string]float64{model.KeyDstPort: 41641, model.KeyRxBytes: 208}},
		}},
		{"physical only", flowLine(t, 2), []want{
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:13.66691621Z"),
				fields: map[string]string{model.KeyTraffic: "physical"}, nums: map[string]float64{model.KeyTxPkts: 0, model.KeyRxPkts: 1}},
		}},
		{"virtual and physical", flowLine(t, 3), []want{
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:29.43977283Z"), fields: map[string]string{model.KeyFlowProto: "tcp", model.KeyDst: "100.64.0.1:32856"}},
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:29.43977283Z"), fields: map[string]string{model.KeyDst: "100.64.0.1:32846"}},
			{kind: model.KindFlow, time: rfc(t, "2025-02-14T00:50:29.43977283Z"), fields: map[string]string{model.KeyTraffic: "physical"}},
		}},
		{"with the receiver's label it is text", `Received Decompressed Body: [{"logtail":{"client_time":"2025-02-14T00:50:16.491717132Z","proc_id":2604043402,"proc_seq":83},"nodeId":"1","start":"2025-02-14T00:50:13.66691621Z","end":"2025-02-14T00:50:16.491625064Z","physicalTraffic":[{"src":"100.64.0.1:0","dst":"192.168.1.2:41641","rxPkts":1,"rxBytes":32}]}`,
			[]want{{kind: model.KindText, fields: map[string]string{model.KeyMessage: `Received Decompressed Body: [{"logtail":{"client_time":"2025-02-14T00:50:16.491717132Z","proc_id":2604043402,"proc_seq":83},"nodeId":"1","start":"2025-02-14T00:50:13.66691621Z","end":"2025-02-14T00:50:16.491625064Z","physicalTraffic":[{"src":"100.64.0.1:0","dst":"192.168.1.2:41641","rxPkts":1,"rxBytes":32}]}`}}}},
		{"the closing bracket alone", `]`, []want{{kind: model.KindText, fields: map[string]string{model.KeyMessage: "]"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkAll(t, Parse([]byte(tc.line), nil), tc.want) })
	}
}

// checkAll compares a multi-result parse with its expectations in order.
func checkAll(t *testing.T, rs []Result, ws []want) {
	t.Helper()
	if len(rs) != len(ws) {
		t.Fatalf("got %d results, want %d: %+v", len(rs), len(ws), rs)
	}
	for k := range ws {
		check(t, rs[k], ws[k])
	}
}

func merge(a, b map[string]string) map[string]string {
	out := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func TestParseFlowHEC(t *testing.T) {
	// The capture's two objects are adjacent on the wire; the sample file
	// shows them on two lines, so they are tested both ways.
	body := flowLine(t, 4)
	flow, audit, _ := strings.Cut(body, `}}{"time"`)
	flow, audit = flow+"}}", `{"time"`+audit
	flowWant := []want{
		{kind: model.KindFlow, time: rfc(t, "2026-06-03T15:32:54.272130712Z"), fields: map[string]string{
			model.KeyTraffic: "subnet", model.KeyFlowProto: "99", model.KeySrc: "10.0.0.254:0", model.KeyDst: "100.64.0.3:0",
			model.KeyNodeID: "n0001CNTRL", model.KeyNodeName: "gateway.example.ts.net",
			model.KeyFlowLogged: "2026-06-03T15:33:01.552946176Z", model.KeyFlowEnd: "2026-06-03T15:32:59.27411903Z"},
			nums: map[string]float64{model.KeyTxPkts: 8, model.KeyTxBytes: 216, model.KeyRxBytes: 0}, absent: []string{model.KeyNodeUser}},
		{kind: model.KindFlow, time: rfc(t, "2026-06-03T15:32:54.272130712Z"), fields: map[string]string{
			model.KeyTraffic: "physical", model.KeyDst: "192.0.2.40:8"}},
	}
	auditWant := want{kind: model.KindJSON, time: time.UnixMilli(1780500887356).UTC(), fields: map[string]string{
		"actor.id": "u0001CNTRL", "actor.type": "OAUTH_CLIENT", "actor.loginName": "", "target.name": "API access token",
		"action": "CREATE", "actionDetails": "scopes - all:read", "origin": "CONFIG_API", pathHECRecorded: "2026-06-03T15:34:47.809040387Z"}}
	t.Run("concatenated body", func(t *testing.T) {
		checkAll(t, Parse([]byte(body), nil), append(append([]want{}, flowWant...), auditWant))
	})
	t.Run("flow object alone", func(t *testing.T) { checkAll(t, Parse([]byte(flow), nil), flowWant) })
	t.Run("audit object alone", func(t *testing.T) { checkAll(t, Parse([]byte(audit), nil), []want{auditWant}) })
	t.Run("second object truncated", func(t *testing.T) {
		rs := Parse([]byte(body[:len(body)-20]), nil)
		if len(rs) != 3 || rs[2].Kind != model.KindJSON || rs[2].Err == "" || rs[0].Err != "" {
			t.Fatalf("want 2 clean flow results and a json one with Err, got %+v", rs)
		}
	})
}

func TestParseFlowCaptureAndAPI(t *testing.T) {
	t.Run("capture record with logged", func(t *testing.T) {
		checkAll(t, Parse([]byte(flowLine(t, 5)), nil), []want{
			{kind: model.KindFlow, time: rfc(t, "2026-06-02T18:59:54.278418352Z"), fields: map[string]string{
				model.KeyTraffic: "virtual", model.KeyFlowProto: "tcp", model.KeyNodeName: "node-a.example.ts.net",
				model.KeyFlowLogged: "2026-06-02T19:00:01.346001489Z", model.KeySrcIP: "100.64.0.11"},
				nums: map[string]float64{model.KeySrcPort: 22, model.KeyTxPkts: 51, model.KeyTxBytes: 6420}},
			{kind: model.KindFlow, time: rfc(t, "2026-06-02T18:59:54.278418352Z"), fields: map[string]string{model.KeyTraffic: "physical"},
				nums: map[string]float64{model.KeyRxBytes: 7004}},
		})
	})
	apiWant := func() want {
		return want{kind: model.KindFlow, time: rfc(t, "2025-10-28T22:39:51.890385065Z"), fields: map[string]string{
			model.KeyNodeID: "nBcdef1CNTRL", model.KeyNodeName: "pangolin.example.ts.net", model.KeyNodeUser: "joe@example.com",
			model.KeyFlowLogged: "2025-10-28T22:40:00.290605382Z"}}
	}
	for name, payload := range map[string]string{
		"compact API response": flowLine(t, 6),
		"pretty API response":  string(readTestdata(t, "tailscale-flow-api.json")),
	} {
		t.Run(name, func(t *testing.T) {
			rs := Parse([]byte(payload), nil)
			if len(rs) != 7 {
				t.Fatalf("got %d results, want 4 virtual + 3 physical", len(rs))
			}
			for _, r := range rs {
				check(t, r, apiWant())
			}
			check(t, rs[1], want{kind: model.KindFlow, time: apiWant().time, fields: map[string]string{
				model.KeyTraffic: "virtual", model.KeyDst: "100.44.55.66:2049", model.KeyDstIP: "100.44.55.66"},
				nums: map[string]float64{model.KeyDstPort: 2049, model.KeyTxBytes: 900, model.KeyRxBytes: 728}})
			check(t, rs[6], want{kind: model.KindFlow, time: apiWant().time, fields: map[string]string{
				model.KeyTraffic: "physical", model.KeySrc: "100.99.88.77:0", model.KeyDst: "143.110.111.222:41641"}})
		})
	}
	t.Run("IPv6 and exit", func(t *testing.T) {
		rs := Parse([]byte(flowLine(t, 7)), nil)
		if len(rs) != 3 {
			t.Fatalf("got %d results, want 3", len(rs))
		}
		check(t, rs[0], want{kind: model.KindFlow, time: rfc(t, "2026-06-02T18:59:59.279306235Z"), fields: map[string]string{
			model.KeyFlowProto: "udp", model.KeySrcIP: "fd7a:115c:a1e0::b", model.KeyDstIP: "fd7a:115c:a1e0::53",
			model.KeySrc: "[fd7a:115c:a1e0::b]:41641"}, nums: map[string]float64{model.KeySrcPort: 41641, model.KeyDstPort: 53}})
		check(t, rs[2], want{kind: model.KindFlow, time: rfc(t, "2026-06-02T18:59:59.279306235Z"),
			fields: map[string]string{model.KeyTraffic: "exit", model.KeyFlowProto: ""}})
	})
}

func TestParseFlowRules(t *testing.T) {
	runTable(t, []tableCase{
		{"message without traffic", `{"nodeId":"n1","start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:05Z"}`,
			want{kind: model.KindFlow, time: rfc(t, "2026-01-01T00:00:00Z"), fields: map[string]string{model.KeyNodeID: "n1"},
				absent: []string{model.KeyTraffic, model.KeyTxBytes}}},
		{"other proto and missing start", `{"nodeId":"n1","end":"2026-01-01T00:00:05Z","virtualTraffic":[{"proto":132,"src":"100.64.0.1:9","dst":"100.64.0.2:9"}]}`,
			want{kind: model.KindFlow, time: rfc(t, "2026-01-01T00:00:05Z"), fields: map[string]string{model.KeyFlowProto: "132"}}},
		{"address without port", `{"virtualTraffic":[{"proto":6,"src":"fd7a::1","dst":"100.64.0.2"}]}`,
			want{kind: model.KindFlow, fields: map[string]string{model.KeySrcIP: "fd7a::1", model.KeyDstIP: "100.64.0.2"},
				absent: []string{model.KeySrcPort, model.KeyDstPort}}},
		{"counter as a string", `{"virtualTraffic":[{"txBytes":"12","rxBytes":"lots"}]}`,
			want{kind: model.KindFlow, nums: map[string]float64{model.KeyTxBytes: 12, model.KeyTxPkts: 0},
				fields: map[string]string{model.KeyRxBytes: "lots", model.KeyTraffic: "virtual"}}},
		{"traffic not a list", `{"nodeId":"n1","start":"2026-01-01T00:00:00Z","virtualTraffic":{"proto":6}}`,
			want{kind: model.KindFlow, time: rfc(t, "2026-01-01T00:00:00Z"), absent: []string{model.KeyTraffic}}},
	})
}

// A message with more items than the budget yields the budget and says
// how many it left out.
func TestParseFlowItemBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"nodeId":"n","virtualTraffic":[`)
	total := maxResults + 5
	for k := 0; k < total; k++ {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"proto":6,"src":"100.64.0.1:` + strconv.Itoa(k%65536) + `","dst":"100.64.0.2:22","txPkts":1}`)
	}
	b.WriteString(`]}`)
	rs := Parse([]byte(b.String()), nil)
	if len(rs) != maxResults {
		t.Fatalf("got %d results, want %d", len(rs), maxResults)
	}
	if !strings.Contains(rs[len(rs)-1].Err, "5 more traffic items") {
		t.Errorf("last Err = %q, want it to count the 5 left out", rs[len(rs)-1].Err)
	}
	if rs[0].Err != "" {
		t.Errorf("first Err = %q, want none", rs[0].Err)
	}
}

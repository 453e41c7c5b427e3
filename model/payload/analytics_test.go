package payload

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

const docsAnalyticsLine = `ANALYTICS {"connection": {"cbct_freshness": -97, "client_ip": "192.0.2.0", "duration": 3034753, "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "1.2.3.4", "resource_port": 443, "rx": 234867, "tunnel_path": "direct", "tunnel_proto": "quic/udp", "tx": 23363}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "device": {"id": "200903"}, "event_type": "closed_connection", "location": "{\"geoip\":{\"city\":\"Seattle\",\"country\":\"US\",\"lat\":47.6062,\"lon\":-122.3321,\"region\":\"WA\"}}", "relays": [], "remote_network": {"id": "6938", "name": "AWS Network"}, "resource": {"address": "app.website.com", "applied_rule": "*.website.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "user@twingate.com", "id": "113256"}}`

const vectorK8sLine = `{"file":"/var/log/pods/default_twingate-passionate-wallaby-connector-65b6f7757c-nfhx4_5d927296-a205-4e9e-85c8-cf6a186e7e1c/connector/0.log","kubernetes":{"container_id":"containerd://532d2697f23bfa24db63469192a3f75552dbb7bfd8763f51b1fac475716f532a","container_image":"twingate/connector:1","container_name":"connector","namespace_labels":{"kubernetes.io/metadata.name":"default"},"node_labels":{"beta.kubernetes.io/arch":"amd64","beta.kubernetes.io/instance-type":"e2-small","beta.kubernetes.io/os":"linux","cloud.google.com/gke-boot-disk":"pd-balanced","cloud.google.com/gke-container-runtime":"containerd","cloud.google.com/gke-cpu-scaling-level":"2","cloud.google.com/gke-logging-variant":"DEFAULT","cloud.google.com/gke-max-pods-per-node":"110","cloud.google.com/gke-nodepool":"default-pool","cloud.google.com/gke-os-distribution":"cos","cloud.google.com/gke-provisioning":"standard","cloud.google.com/gke-stack-type":"IPV4","cloud.google.com/machine-family":"e2","failure-domain.beta.kubernetes.io/region":"europe-west2","failure-domain.beta.kubernetes.io/zone":"europe-west2-b","kubernetes.io/arch":"amd64","kubernetes.io/hostname":"gke-no-autopilot-test-default-pool-a021ca6b-q4z2","kubernetes.io/os":"linux","node.kubernetes.io/instance-type":"e2-small","topology.gke.io/zone":"europe-west2-b","topology.kubernetes.io/region":"europe-west2","topology.kubernetes.io/zone":"europe-west2-b"},"pod_ip":"xxx.xxx.xxx.xxx","pod_ips":["xxx.xxx.xxx.xxx"],"pod_labels":{"app.kubernetes.io/instance":"twingate-passionate-wallaby","app.kubernetes.io/name":"connector","pod-template-hash":"65b6f7757c"},"pod_name":"twingate-passionate-wallaby-connector-65b6f7757c-nfhx4","pod_namespace":"default","pod_node_name":"gke-no-autopilot-test-default-pool-a021ca6b-q4z2","pod_owner":"ReplicaSet/twingate-passionate-wallaby-connector-65b6f7757c","pod_uid":"5d927296-a205-4e9e-85c8-cf6a186e7e1c"},"message":{"connection":{"cbct_freshness":183,"client_ip":"xxx.xxx.xxx.xxx","duration":30124,"id":"2139eb38-eb7143eb-6-600000f-65044805-8a752","protocol":"udp","resource_ip":"xxx.xxx.xxx.xxx","resource_port":443,"rx":8310,"tx":5513},"connector":{"id":"152169","name":"passionate-wallaby"},"device":{"id":"200830"},"event_type":"closed_connection","relays":[{"ip":"xxx.xxx.xxx.xxx","name":"relaybalancer+https://relays.twingate.com","port":30010},{"ip":"xxx.xxx.xxx.xxx","name":"relaybalancer+https://relays.twingate.com","port":30009},{"ip":"34.147.237.117","name":"relaybalancer+https://relays.twingate.com","port":30018},{"ip":"xxx.xxx.xxx.xxx","name":"relaybalancer+https://relays.twingate.com","port":30005}],"remote_network":{"id":"64894","name":"vectortest"},"resource":{"address":"whatsmyip.com","applied_rule":"whatsmyip.com","id":"2326772"},"timestamp":1694779427692,"user":{"email":"xxx@xxx.com","id":"113312"}},"source_type":"kubernetes_logs","stream":"stderr","timestamp":"2023-09-15T12:03:47.692712516Z","timestamp_end":"2023-09-15T12:03:47.692712516Z"}`

// docsWant is what the documentation's example line says, field by field.
var docsWant = want{
	kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045),
	fields: map[string]string{
		model.KeyEventType: model.EventClosed, model.KeyConnID: "e755ba99988db558-24",
		model.KeyClientIP: "192.0.2.0", model.KeyResourceIP: "1.2.3.4", model.KeyProtocol: "tcp",
		model.KeyTunnelPath: "direct", model.KeyTunnelProto: "quic/udp",
		model.KeyConnectorID: "84014", model.KeyConnectorName: "nondescript-caterpillar", model.KeyDeviceID: "200903",
		model.KeyNetworkID: "6938", model.KeyNetworkName: "AWS Network",
		model.KeyResourceAddr: "app.website.com", model.KeyAppliedRule: "*.website.com", model.KeyResourceID: "2255492",
		model.KeyUserEmail: "user@twingate.com", model.KeyUserID: "113256",
		model.KeyCity: "Seattle", model.KeyCountry: "US", model.KeyRegion: "WA",
	},
	nums: map[string]float64{
		model.KeyRx: 234867, model.KeyTx: 23363, model.KeyDuration: 3034753, model.KeyResourcePort: 443,
		model.KeyCBCTFreshness: -97, model.KeyLat: 47.6062, model.KeyLon: -122.3321, model.KeyTimestamp: 1698356150045,
	},
	absent: []string{model.KeyRelayIP, keyLocationRaw, model.KeyErrorMessage},
}

func TestParseAnalyticsRealLines(t *testing.T) {
	k8sWant := want{
		kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1694779427692),
		fields: map[string]string{
			model.KeyEventType: model.EventClosed, model.KeyConnID: "2139eb38-eb7143eb-6-600000f-65044805-8a752",
			model.KeyProtocol: "udp", model.KeyConnectorName: "passionate-wallaby", model.KeyResourceAddr: "whatsmyip.com",
			model.KeyUserEmail: "xxx@xxx.com",
		},
		nums: map[string]float64{model.KeyRx: 8310, model.KeyTx: 5513, model.KeyDuration: 30124},
		all: map[string][]string{
			model.KeyRelayIP:   {"xxx.xxx.xxx.xxx", "xxx.xxx.xxx.xxx", "34.147.237.117", "xxx.xxx.xxx.xxx"},
			model.KeyRelayPort: {"30010", "30009", "30018", "30005"},
		},
		absent: []string{model.KeyTunnelPath, model.KeyCity, "kubernetes.pod_name"},
	}
	runTable(t, []tableCase{
		{"docs example", docsAnalyticsLine, docsWant},
		{"vector k8s record", vectorK8sLine, k8sWant},
	})
}

// The Datadog sample is the v1 shape, pretty-printed: the decoder joins its
// lines into one payload.
func TestParseAnalyticsV1Pretty(t *testing.T) {
	r := parseOne(t, string(readTestdata(t, "twingate-analytics-v1-datadog.json")))
	check(t, r, want{
		kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1666176817571),
		fields: map[string]string{
			model.KeyEventType: model.EventEstablished, model.KeyConnID: "ba8d113d-6226187c-a-5000100-634fd731-7dcd8",
			model.KeyCity: "London", model.KeyCountry: "GB", model.KeyRegion: "England",
			model.KeyClientIP: "137.220.73.91", model.KeyUserEmail: "chen@twingate.com",
			"connection.client_geo.country.name": "United Kingdom", "connection.client_geo.as.number": "AS56478",
			"connection.client_geo.timezone": "Europe/London", "journald._SYSTEMD_UNIT": "twingate-connector.service",
		},
		nums: map[string]float64{model.KeyLat: 51.5085, model.KeyLon: -0.1257, model.KeyResourcePort: 443},
		all:  map[string][]string{model.KeyRelayPort: {"30000", "30001", "30002"}},
		absent: []string{model.KeyRx, "connection.client_geo.city.name", "connection.client_geo.location.latitude",
			"connection.client_geo.country.iso_code"},
	})
}

func TestParseAnalyticsVariants(t *testing.T) {
	base := `"connection":{"id":"c1","rx":10},"timestamp":1698356150045`
	runTable(t, []tableCase{
		{"compact, other key order", `ANALYTICS {"timestamp":1698356150045,"event_type":"established_connection","connection":{"id":"c1"}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045),
				fields: map[string]string{model.KeyEventType: model.EventEstablished, model.KeyConnID: "c1"}}},
		{"no space after prefix", `ANALYTICS{"event_type":"closed_connection",` + base + `}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045), nums: map[string]float64{model.KeyRx: 10}}},
		{"tab and spaces", "ANALYTICS \t  {\"event_type\" :  \"closed_connection\" ,\n " + base + " }  ",
			want{kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045)}},
		{"failed is a warning", `ANALYTICS {"event_type":"failed_to_connect","connection":{"id":"c2","error_message":"DNS_ERROR"}}`,
			want{kind: model.KindAnalytics, level: model.LevelWarn,
				fields: map[string]string{model.KeyErrorMessage: "DNS_ERROR", model.KeyConnID: "c2"}}},
		{"denied is a warning", `ANALYTICS {"event_type":"denied_access","connection":{"id":"c3"}}`,
			want{kind: model.KindAnalytics, level: model.LevelWarn}},
		{"unknown event kept", `ANALYTICS {"event_type":"rerouted_connection","connection":{"id":"c4"}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, fields: map[string]string{model.KeyEventType: "rerouted_connection"}}},
		{"every field optional", `ANALYTICS {}`, want{kind: model.KindAnalytics, level: model.LevelInfo}},
		{"numeric ids", `ANALYTICS {"connector":{"id":84014},"user":{"id":8.4014e4},"device":{"id":-3},"connection":{"id":12}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, fields: map[string]string{
				model.KeyConnectorID: "84014", model.KeyUserID: "84014", model.KeyDeviceID: "-3", model.KeyConnID: "12"}}},
		{"numbers as strings", `ANALYTICS {"connection":{"rx":"12","tx":"n/a","resource_port":"443"},"timestamp":"1698356150045"}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045),
				nums:   map[string]float64{model.KeyRx: 12, model.KeyResourcePort: 443},
				fields: map[string]string{model.KeyTx: "n/a"}}},
		{"connection is an array", `ANALYTICS {"event_type":"closed_connection","connection":[],"user":{"email":"a@b.c"}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, fields: map[string]string{model.KeyUserEmail: "a@b.c"},
				absent: []string{model.KeyConnID}}},
		{"connection is a string", `ANALYTICS {"connection":"x"}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, fields: map[string]string{"connection": "x"}}},
		{"location not JSON", `ANALYTICS {"event_type":"closed_connection","location":"Seattle, WA","user":{"id":"1"}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo,
				fields: map[string]string{keyLocationRaw: "Seattle, WA", model.KeyUserID: "1"},
				absent: []string{model.KeyCity}, errHas: "location is not valid JSON"}},
		{"location truncated JSON", `ANALYTICS {"location":"{\"geoip\":{\"city\":\"Seattle\"","user":{"id":"1"}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo,
				fields: map[string]string{keyLocationRaw: `{"geoip":{"city":"Seattle"`, model.KeyUserID: "1"},
				absent: []string{model.KeyCity}, errHas: "location is not valid JSON"}},
		{"location as an object", `ANALYTICS {"location":{"geoip":{"city":"Oslo","country":"NO","lat":59.9,"lon":10.7,"region":"OS","postal":"0150"}}}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo,
				fields: map[string]string{model.KeyCity: "Oslo", model.KeyCountry: "NO", model.KeyRegion: "OS", "location.postal": "0150"},
				nums:   map[string]float64{model.KeyLat: 59.9, model.KeyLon: 10.7}}},
		{"empty location", `ANALYTICS {"location":""}`, want{kind: model.KindAnalytics, level: model.LevelInfo,
			absent: []string{keyLocationRaw}}},
		{"other scalars keep their path", `ANALYTICS {"connection":{"id":"c","new_field":{"a":1}},"schema":2,"tags":["x","y"]}`,
			want{kind: model.KindAnalytics, level: model.LevelInfo,
				fields: map[string]string{"connection.new_field.a": "1", "schema": "2"},
				all:    map[string][]string{"tags": {"x", "y"}}}},
		{"relay not an object", `ANALYTICS {"relays":["10.0.0.1"]}`, want{kind: model.KindAnalytics, level: model.LevelInfo,
			all: map[string][]string{"relays": {"10.0.0.1"}}}},
		{"truncated keeps what was read", `ANALYTICS {"event_type":"failed_to_connect","connection":{"id":"c9","rx":1`,
			want{kind: model.KindAnalytics, level: model.LevelWarn,
				fields: map[string]string{model.KeyConnID: "c9", model.KeyEventType: model.EventFailed}, errHas: "truncated"}},
		{"garbage after the object", `ANALYTICS {"event_type":"closed_connection"} trailing`,
			want{kind: model.KindAnalytics, level: model.LevelInfo, errHas: "after the event object"}},
		{"broken from the start is text", `ANALYTICS {oops}`, want{kind: model.KindText,
			fields: map[string]string{model.KeyMessage: `ANALYTICS {oops}`}, errHas: "invalid JSON"}},
		{"prefix without JSON is text", `ANALYTICS disabled by configuration`, want{kind: model.KindText,
			fields: map[string]string{model.KeyMessage: "ANALYTICS disabled by configuration"}}},
		{"bare object needs connection", `{"event_type":"closed_connection","user":{"id":"1"}}`, want{kind: model.KindJSON,
			fields: map[string]string{"event_type": "closed_connection", "user.id": "1"}}},
		{"bare object with connection", `{"event_type":"closed_connection","connection":{"id":"b1"}}`, want{
			kind: model.KindAnalytics, level: model.LevelInfo, fields: map[string]string{model.KeyConnID: "b1"}}},
	})
}

// A docs-shaped line with escapes and unicode in values decodes them.
func TestParseAnalyticsEscapes(t *testing.T) {
	line := strings.Replace(docsAnalyticsLine, `"AWS Network"`, `"AWS \"Prod\" \u00e9\ud83d\ude00 \/x"`, 1)
	check(t, parseOne(t, line), want{kind: model.KindAnalytics, level: model.LevelInfo, time: ms(1698356150045),
		fields: map[string]string{model.KeyNetworkName: "AWS \"Prod\" é😀 /x", model.KeyCity: "Seattle"}})
}

// A timestamp that cannot be when the event happened gives the event no
// time, whatever its form; the event is otherwise read as usual. The lean
// reader agrees.
func TestAnalyticsImplausibleTimestamp(t *testing.T) {
	farFuture := time.Now().AddDate(2, 0, 0).UnixMilli()
	soon := time.Now().Add(30 * 24 * time.Hour).Truncate(time.Millisecond)
	for _, tc := range []struct {
		name, stamp string
		want        time.Time
	}{
		{"zero", `0`, time.Time{}},
		{"negative", `-1698356150045`, time.Time{}},
		{"year 0 text", `"0000-01-01T00:00:00Z"`, time.Time{}},
		{"before 1990", `599616000000`, time.Time{}},
		{"1989 text", `"1989-12-31T23:59:59Z"`, time.Time{}},
		{"more than a year ahead", strconv.FormatInt(farFuture, 10), time.Time{}},
		{"year 9999 text", `"9999-12-31T23:59:59Z"`, time.Time{}},
		{"unparseable", `"yesterday"`, time.Time{}},
		{"null", `null`, time.Time{}},
		{"a clock a month fast is kept", strconv.FormatInt(soon.UnixMilli(), 10), soon.UTC()},
		{"1990 is kept", `631152000000`, ms(631152000000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line := `ANALYTICS {"event_type":"closed_connection","connection":{"id":"c1"},"timestamp":` + tc.stamp + `}`
			check(t, parseOne(t, line), want{kind: model.KindAnalytics, level: model.LevelInfo, time: tc.want,
				fields: map[string]string{model.KeyConnID: "c1"}})
			if r, ok := AnalyticsResult([]byte(line)); !ok || !r.Time.Equal(tc.want) {
				t.Errorf("lean read: time %v (claimed %v), want %v", r.Time, ok, tc.want)
			}
		})
	}
}

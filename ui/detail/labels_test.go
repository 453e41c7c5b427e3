package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/payload"
	"connlog/model/query"
	"connlog/ui/theme"
)

// labelledLines are records of every kind whose card labels its lines
// itself, parsed as connlog reads them.
var labelledLines = []string{
	`ANALYTICS {"connection": {"cbct_freshness": -97, "client_ip": "192.0.2.0", "duration": 3034753, "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "1.2.3.4", "resource_port": 443, "rx": 234867, "tunnel_path": "direct", "tunnel_proto": "quic/udp", "tx": 23363}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "device": {"id": "200903"}, "event_type": "closed_connection", "location": "{\"geoip\":{\"city\":\"Seattle\",\"country\":\"US\",\"lat\":47.6062,\"lon\":-122.3321,\"region\":\"WA\"}}", "relays": [], "remote_network": {"id": "6938", "name": "AWS Network"}, "resource": {"address": "app.website.com", "applied_rule": "*.website.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "user@twingate.com", "id": "113256"}}`,
	`ANALYTICS {"connection": {"client_ip": "192.0.2.7", "error_message": "no route to resource", "id": "abc-1", "protocol": "udp", "resource_ip": "10.0.0.9", "resource_port": 53, "tunnel_path": "relayed", "tunnel_proto": "tcp"}, "connector": {"id": "9", "name": "c9"}, "device": {"id": "77"}, "event_type": "failed_to_connect", "relays": [{"ip": "203.0.113.5", "name": "relay-1", "port": 30001}], "remote_network": {"id": "1", "name": "Office"}, "resource": {"address": "dns.internal", "id": "5"}, "timestamp": 1698356150045, "user": {"email": "bob@example.com", "id": "4"}}`,
	`{"id": "6a1d9e3b", "created_at": "2026-03-04T09:15:40.007Z", "hostname": "aqg-analyzer-01", "level": "warning", "log_type": "audit", "pid": 2113, "user_name": "mallory", "action": "login_attempt", "access_granted": false, "access_denied_reason": "no permission", "client_ip": "10.20.0.99", "forwarded_for_client_ip": "203.0.113.66"}`,
	`{"id": "0b5f7c1e", "created_at": "2026-03-04T09:15:02.418Z", "hostname": "aqg-analyzer-01", "level": "info", "log_type": "audit", "pid": 2113, "user_id": "42", "user_name": "alice", "action": "login_attempt", "access_granted": true, "client_ip": "10.20.0.15"}`,
	`ACCESS START session=4f9c2a7d1e8b3c60 resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`,
	`[INFO] [libsdwan/controller] State: Online`,
	`{"ts": "2026-11-20T08:00:00Z", "user": "bob", "event": "login", "x-request-id": "r 1", "my key": "v"}`,
}

// timeLabel heads every card; its query takes comparisons in another
// spelling (time>=2026-11-20T08:00), not label:value.
const timeLabel = "time"

// TestCardLabelsAreQueryNames: every label of a record's lines is a name
// the query language takes, shown whole, and label:value with a word of
// the value shown finds the entry, so that what the pane shows is what the
// user types.
func TestCardLabelsAreQueryNames(t *testing.T) {
	st := theme.Monochrome()
	for _, line := range labelledLines {
		r := payload.Parse([]byte(line), nil)[0]
		e := &model.Entry{Time: r.Time, Level: r.Level, Kind: r.Kind, Fields: r.Fields, Raw: []byte(line), Payload: []byte(line),
			Origin: model.Origin{Offset: -1}}
		card := ansi.Strip(BuildCard(&st, 130, Input{Entry: e, Location: time.UTC}))
		for _, l := range recordLines(card) {
			if l.label == timeLabel {
				continue
			}
			if _, err := query.Compile(l.label+":*", query.Options{}); err != nil {
				t.Errorf("%s: the label %q is no query name: %v", e.Kind, l.label, err)
				continue
			}
			if !anyWordFinds(e, l) {
				t.Errorf("%s: no word of %q finds the entry with %s:", e.Kind, l.value, l.label)
			}
		}
	}
}

// labelled is one line of a card: its label and the value beside it.
type labelled struct{ label, value string }

// recordLines reads the labelled lines of a card's first section, the
// record's own; a label on a line of its own takes the next line's value.
func recordLines(card string) []labelled {
	var out []labelled
	lines := strings.Split(card, "\n")
	for i := 1; i < len(lines) && lines[i] != ""; i++ {
		l := lines[i]
		if strings.TrimSpace(l[:min(len(l), theme.KeyColumn+2)]) == "" {
			continue // a value's wrapped line
		}
		if len(l) <= theme.KeyColumn+2 || l[theme.KeyColumn+1] != ' ' {
			out = append(out, labelled{strings.TrimSpace(l), strings.TrimSpace(lines[i+1])})
			i++
			continue
		}
		out = append(out, labelled{strings.TrimSpace(l[:theme.KeyColumn+1]), strings.TrimSpace(l[theme.KeyColumn+2:])})
	}
	return out
}

// anyWordFinds reports whether label:word finds e for a word of the value.
func anyWordFinds(e *model.Entry, l labelled) bool {
	words := append(strings.FieldsFunc(l.value, func(r rune) bool { return strings.ContainsRune(" ,();", r) }), l.value)
	for _, w := range words {
		for _, v := range []string{strings.TrimSuffix(w, ":"+lastPart(w)), w} {
			// The label is written as the query writes it; Term quotes the value.
			q, err := query.Compile(l.label+strings.TrimPrefix(query.Term(".x", v), ".x"), query.Options{})
			if err == nil && q.Match(e) {
				return true
			}
		}
	}
	return false
}

// lastPart is what follows the last colon of ip:port.
func lastPart(w string) string {
	if i := strings.LastIndexByte(w, ':'); i >= 0 {
		return w[i+1:]
	}
	return ""
}

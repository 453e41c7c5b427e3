package export

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/payload"
)

// parsedEntry is the first entry connlog reads from line.
func parsedEntry(line string) *model.Entry {
	r := payload.Parse([]byte(line), nil)[0]
	return &model.Entry{Time: r.Time, Level: r.Level, Kind: r.Kind, Fields: r.Fields, Err: r.Err,
		Raw: []byte(line), Payload: []byte(line)}
}

// TestSummaryOfAddressesSizesAndDurations: an IPv6 address joined with its
// port is bracketed, a size that rounds up moves to the next unit, and a
// duration keeps its sign and its unit however large it is.
func TestSummaryOfAddressesSizesAndDurations(t *testing.T) {
	for _, c := range []struct{ name, line, want string }{
		{"IPv6 resource and relay",
			`ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"v6","client_ip":"2001:db8::1","resource_ip":"fd00::10","resource_port":443,"protocol":"tcp","rx":1,"tx":1,"duration":1},"relays":[{"ip":"2001:db8::99","name":"r2","port":30019}]}`,
			"closed_connection → [fd00::10]:443 tcp from 2001:db8::1 rx 1B tx 1B 1ms"},
		{"IPv4 resource", `ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"v4","resource_ip":"1.2.3.4","resource_port":443}}`,
			"closed_connection → 1.2.3.4:443"},
		{"negative duration, rx just under a megabyte",
			`ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"d1","rx":999999,"duration":-30}}`,
			"closed_connection rx 1.0MB -30ms"},
		{"int64 max milliseconds",
			`ANALYTICS {"event_type":"closed_connection","timestamp":1796464802100,"connection":{"id":"d2","duration":9223372036854775807}}`,
			"closed_connection 1.1e+11d"},
		{"1e13 milliseconds",
			`ANALYTICS {"event_type":"closed_connection","timestamp":1796464803100,"connection":{"id":"d3","duration":10000000000000}}`,
			"closed_connection 115740d"},
		{"newt negative duration", `ACCESS END session=4f9c2a7d1e8b3c60 resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 duration=-1s`,
			"END tcp 100.90.128.5:38004 → 10.0.0.5:22 resource 35 -1.0s"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Summary(parsedEntry(c.line)); got != c.want {
				t.Errorf("Summary =\n %q\nwant\n %q", got, c.want)
			}
		})
	}
}

// A flow item cut short says nothing of the counters it did not read: no
// "tx 0B", and none in an NDJSON record.
const cutFlowHead = `{"nodeId":"nF6CNTRL","start":"2026-12-05T10:05:00Z","end":"2026-12-05T10:05:05Z","virtualTraffic":[{"proto":6,"src":"100.64.0.1:5000","dst":"100.64.0.2:80",`

func TestSummaryOfACutFlowItem(t *testing.T) {
	for _, c := range []struct{ name, line, want string }{
		{"cut before txBytes", cutFlowHead + `"txBytes":`, "virtual tcp 100.64.0.1:5000 → 100.64.0.2:80"},
		{"packets read, bytes cut", cutFlowHead + `"txPkts":3,"txBytes":12`, "virtual tcp 100.64.0.1:5000 → 100.64.0.2:80 tx ?/3p"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Summary(parsedEntry(c.line)); got != c.want {
				t.Errorf("Summary =\n %q\nwant\n %q", got, c.want)
			}
		})
	}
}

func TestNDJSONOfACutFlowItemHasNoCounters(t *testing.T) {
	e := parsedEntry(cutFlowHead + `"txBytes":`)
	e.Flags |= model.FlagParseError
	out := string(encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON}))
	for _, k := range []string{"txBytes", "txPkts", "rxBytes", "rxPkts"} {
		if strings.Contains(out, `"`+k+`"`) {
			t.Errorf("the record holds %s, which was not read:\n%s", k, out)
		}
	}
}

// TestCSVStatusOfACutEvent: the console's status is said only of an event
// read whole; a cut one is NORMAL to nobody, though its failure or denial,
// when its type was read, is said.
func TestCSVStatusOfACutEvent(t *testing.T) {
	cut := func(event string) *model.Entry {
		e := analyticsEntry()
		e.Flags |= model.FlagParseError
		e.Err = "invalid JSON at byte 35: unexpected end of input (truncated record?)"
		e.Fields = model.Fields{model.Str(model.KeyConnID, "c6")}
		if event != "" {
			e.Fields = append(e.Fields, model.Str(model.KeyEventType, event))
		}
		return e
	}
	noType := analyticsEntry()
	noType.Fields = model.Fields{model.Str(model.KeyConnID, "c7")}
	for _, c := range []struct {
		name string
		e    *model.Entry
		want string
	}{
		{"cut close", cut(model.EventClosed), ""},
		{"cut before its type", cut(""), ""},
		{"cut failure", cut(model.EventFailed), "CONNECTION_FAILED"},
		{"cut denial", cut(model.EventDenied), "DENIED_ACCESS"},
		{"whole event without a type", noType, ""},
		{"whole close", analyticsEntry(), "NORMAL"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := encode(t, []*model.Entry{c.e}, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindAnalytics}})
			_, rows := readCSV(t, out)
			if got := rows[0]["status"]; got != c.want {
				t.Errorf("status = %q, want %q", got, c.want)
			}
		})
	}
}

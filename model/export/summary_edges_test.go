package export

import (
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
			"closed_connection 106751991167d7h"},
		{"1e13 milliseconds",
			`ANALYTICS {"event_type":"closed_connection","timestamp":1796464803100,"connection":{"id":"d3","duration":10000000000000}}`,
			"closed_connection 115740d17h"},
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

package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/model/payload"
	"connlog/ui/theme"
)

// cardOf is the card of line, parsed as connlog reads it, without colour.
func cardOf(line string) string {
	st := theme.Monochrome()
	r := payload.Parse([]byte(line), nil)[0]
	e := &model.Entry{Time: r.Time, Level: r.Level, Kind: r.Kind, Fields: r.Fields, Raw: []byte(line), Payload: []byte(line),
		Origin: model.Origin{Offset: -1}}
	return ansi.Strip(BuildCard(&st, 130, Input{Entry: e, Location: time.UTC}))
}

// TestCardBracketsIPv6AndShowsDurationsWhole: the target and the relays
// bracket an IPv6 address before its port, and a duration keeps its sign
// and unit, however large.
func TestCardBracketsIPv6AndShowsDurationsWhole(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{`ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"v6","client_ip":"2001:db8::1","resource_ip":"fd00::10","resource_port":443,"protocol":"tcp","rx":999999,"duration":-30},"relays":[{"ip":"2001:db8::99","name":"r2","port":30019},{"ip":"203.0.113.5","name":"r1","port":30001}]}`,
			[]string{"[fd00::10]:443 tcp", "[2001:db8::99]:30019 (r2); 203.0.113.5:30001 (r1)", "-30 ms (-30ms)", "999999 (1.0MB)"}},
		{`ANALYTICS {"event_type":"closed_connection","timestamp":1796464802100,"connection":{"id":"d2","duration":9223372036854775807}}`,
			[]string{"9223372036854775807 ms (1.1e+11d)"}},
	} {
		card := cardOf(c.line)
		for _, w := range c.want {
			if !strings.Contains(card, w) {
				t.Errorf("card lacks %q:\n%s", w, card)
			}
		}
	}
}

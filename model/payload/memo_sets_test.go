package payload

import (
	"fmt"
	"testing"
)

// TestAnalyticsMemoKeepsPartsSharingTheirKey: relays listed in several
// orders share their first bytes, and so the place they are remembered
// in; taken in turn, each is still remembered the next time it comes.
func TestAnalyticsMemoKeepsPartsSharingTheirKey(t *testing.T) {
	memo := NewAnalyticsMemo()
	first := `{"ip":"35.188.149.148","name":"relaybalancer+https://relays.twingate.com","port":30001}`
	var lines []string
	for k := range memoWays {
		lines = append(lines, fmt.Sprintf(`ANALYTICS {"relays":[%s,{"ip":"10.0.0.%d","port":1}]}`, first, k))
	}
	for round := range 3 {
		for _, line := range lines {
			p := []byte(line)
			_, fs, ok := AnalyticsIndex(p, nil, memo)
			if !ok || len(fs) == 0 {
				t.Fatalf("%s: not read as an event", line)
			}
			for i := range p {
				p[i] = '#' // values taken from the line change with it
			}
			if fromMemo := fs[0].Value == "35.188.149.148"; fromMemo != (round > 0) {
				t.Fatalf("round %d, %s: taken from the memo %v", round, line, fromMemo)
			}
		}
	}
}

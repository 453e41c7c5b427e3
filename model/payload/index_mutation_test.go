package payload

import (
	"math/rand/v2"
	"testing"
)

// mutatedLines returns every line of the fixtures with each of n seeded
// changes: a byte replaced by one the parsers treat specially, removed, or
// the line cut, so that the index readers meet the near misses of real
// lines as well as the lines.
func mutatedLines(t *testing.T, n int, files ...string) [][]byte {
	r := rand.New(rand.NewPCG(7, 8))
	const special = "[] :_()\"{},\\.-0123456789AZaz\t\x1b"
	var out [][]byte
	for _, file := range files {
		for _, line := range fixtureLines(t, file) {
			out = append(out, []byte(line))
			for range n {
				p := []byte(line)
				if len(p) == 0 {
					break
				}
				k := r.IntN(len(p))
				switch r.IntN(3) {
				case 0:
					p[k] = special[r.IntN(len(special))]
				case 1:
					p = append(p[:k], p[k+1:]...)
				default:
					p = p[:k]
				}
				out = append(out, p)
			}
		}
	}
	return out
}

// TestServiceIndexMutated: on the fixtures' lines and thousands of near
// misses, ServiceIndex agrees with Parse (see checkServiceIndex).
func TestServiceIndexMutated(t *testing.T) {
	for _, p := range mutatedLines(t, 200, "service.log", "text.log") {
		checkServiceIndex(t, p)
	}
}

// TestAnalyticsIndexMutated: on the fixtures' events and thousands of near
// misses, AnalyticsIndex and ParseMemo agree with Parse, with a memo the
// lines before have filled (see checkAnalyticsIndex).
func TestAnalyticsIndexMutated(t *testing.T) {
	memo := NewAnalyticsMemo()
	for _, p := range mutatedLines(t, 100, "analytics.log") {
		checkAnalyticsIndex(t, p, memo)
	}
}

package query

import (
	"strings"

	"connlog/model"
)

// suggestField returns the known name closest to a mistyped one, or "" when
// nothing is close enough to be a plausible typo.
func suggestField(name string) string {
	lower := strings.ToLower(name)
	limit := 1
	if len(lower) > 4 {
		limit = 2
	}
	best, bestDist := "", limit+1
	try := func(candidate string) {
		if d := model.EditDistance(lower, strings.ToLower(candidate), bestDist); d < bestDist {
			best, bestDist = candidate, d
		}
	}
	for _, a := range aliasTable {
		try(a.Name)
	}
	try(keywordSince)
	try(keywordUntil)
	for _, k := range knownKeys {
		try(k)
	}
	return best
}

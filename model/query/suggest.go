package query

import (
	"strings"

	"connlog/model"
)

// suggestField returns the known name closest to a mistyped one, or "" when
// nothing is close enough to be a plausible typo: then the hint offers the
// exact form (.name) instead. A known name wins a tie over the parsers'
// keys (the aliases are tried first), and a name must keep most of its
// letters: "seq" is not "ses" with a typo, as "sess" is.
func suggestField(name string) string {
	lower := strings.ToLower(name)
	limit := 1
	if len(lower) > 4 {
		limit = 2
	}
	best, bestDist := "", limit+1
	try := func(candidate string) {
		if d := model.EditDistance(lower, strings.ToLower(candidate), bestDist); d < bestDist && keepsMost(d, lower, candidate) {
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

// keepsMost reports whether d edits leave most of the longer of two names:
// one edit in three letters makes another word, not a typo of it.
func keepsMost(d int, a, b string) bool { return 3*d < max(len(a), len(b)) }

package query

import "strings"

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
		if d := editDistance(lower, strings.ToLower(candidate)); d < bestDist {
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

// editDistance is the Levenshtein distance between a and b, in bytes. Field
// names are ASCII, so bytes are characters here.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return len(a) + len(b) // not a typo of a field name
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

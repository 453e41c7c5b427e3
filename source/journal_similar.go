package source

import (
	"sort"
	"strings"
)

// journalMaxSuggestions is how many similar names an error lists.
const journalMaxSuggestions = 5

// journalSimilarNames returns up to n names of have that look like name:
// one contains the other (ignoring case and a ".service" suffix), or they are
// a few edits apart. The closest come first.
func journalSimilarNames(name string, have []string, n int) []string {
	want := journalNameStem(name)
	if want == "" {
		return nil
	}
	type candidate struct {
		name string
		dist int
	}
	var found []candidate
	limit := max(2, len(want)/4)
	for _, h := range have {
		stem := journalNameStem(h)
		if stem == "" || h == name {
			continue
		}
		d := journalEditDistance(want, stem, limit+1)
		if strings.Contains(stem, want) || strings.Contains(want, stem) {
			d = min(d, limit)
		}
		if d <= limit {
			found = append(found, candidate{h, d})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].dist != found[j].dist {
			return found[i].dist < found[j].dist
		}
		return found[i].name < found[j].name
	})
	out := make([]string, 0, min(n, len(found)))
	for i := 0; i < len(found) && i < n; i++ {
		out = append(out, found[i].name)
	}
	return out
}

// journalNameStem lowers a unit name and drops its ".service" suffix.
func journalNameStem(name string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".service")
}

// journalEditDistance is the Levenshtein distance between a and b in bytes,
// or ceiling when it is at least ceiling: unit names are ASCII, and the ceiling keeps a
// long list of units cheap to compare.
func journalEditDistance(a, b string, ceiling int) int {
	if abs := len(a) - len(b); abs >= ceiling || -abs >= ceiling {
		return ceiling
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= ceiling {
			return ceiling
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], ceiling)
}

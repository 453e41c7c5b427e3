package source

import (
	"sort"
	"strings"

	"connlog/model"
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
		d := model.EditDistance(want, stem, limit+1)
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

package query

import (
	"strconv"
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

// maxKeysNamed bounds the keys a hint lists: "connection" is part of a dozen.
const maxKeysNamed = 3

// keysHolding returns the known dotted keys that name is one part of, in
// the order of knownKeys: a name read off a JSON object's nesting (device,
// email) is told the key the parsers store (device.id, user.email), which
// .name, an exact key, would not find.
func keysHolding(name string) []string {
	var out []string
	for _, k := range knownKeys {
		if !strings.Contains(k, ".") {
			continue
		}
		for _, part := range strings.Split(k, ".") {
			if strings.EqualFold(part, name) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// oneOf lists keys quoted, "a", "b" or "c", and says when there are more.
func oneOf(keys []string) string {
	shown := keys[:min(len(keys), maxKeysNamed)]
	q := make([]string, len(shown))
	for i, k := range shown {
		q[i] = strconv.Quote(k)
	}
	if len(keys) > len(shown) {
		return strings.Join(q, ", ") + " or another of " + strconv.Itoa(len(keys)) + " keys"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

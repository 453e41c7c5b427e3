package payload

import "connlog/model"

// A JSON document written after a level at the head of a payload, with no
// time before it — "[INFO] {…}" (a program that copies the connector's
// level tag), "INFO {…}", "warn: {…}", as such programs write behind
// journald or `docker logs -t`, which give the time — is the document's
// entry, at its own level or else the word's. Without a document after
// the level, or when the document does not parse, the line is read as it
// was: a service line or text.

// parseLevelledJSON reads such a line whose level is a word or a token
// other than a service line's tag (see parseServiceJSON).
func parseLevelledJSON(p []byte, out []Result) ([]Result, bool) {
	lvl, doc, ok := levelThenJSON(p)
	if !ok {
		return out, false
	}
	return levelledJSON(lvl, p, doc, out)
}

// parseServiceJSON reads such a line whose level is a service line's tag.
// The lean readers decline exactly these lines (see serviceResult), so
// the test must be theirs.
func parseServiceJSON(p []byte, out []Result) ([]Result, bool) {
	lvl, doc, ok := serviceTagThenJSON(p)
	if !ok {
		return out, false
	}
	return levelledJSON(lvl, p, doc, out)
}

// levelledJSON appends the results of doc, a part of p, at lvl when they
// have no level.
func levelledJSON(lvl model.Level, p, doc []byte, out []Result) ([]Result, bool) {
	n := len(out)
	out = parseJSON(doc, out)
	if len(out) == n || out[n].Kind == model.KindText {
		return out[:n], false
	}
	shiftPlaces(out[n:], p, doc)
	for i := n; i < len(out); i++ {
		if out[i].Level == model.LevelNone {
			out[i].Level = lvl
		}
	}
	return out, true
}

// levelThenJSON finds the level word or token that opens p and the JSON
// document that follows it.
func levelThenJSON(p []byte) (model.Level, []byte, bool) {
	lvl, next, ok := levelToken(p, 0) // "[warn]", "warn:", "WARN:"
	if !ok {
		lvl, next, ok = upperLevel(p, 0) // "INFO", "WRN"
	}
	if !ok {
		lvl, next, ok = lowerLevel(p, 0) // "info"
	}
	if !ok {
		return model.LevelNone, nil, false
	}
	doc := p[skipBlanks(p, next):]
	return lvl, doc, opensJSON(doc)
}

// serviceTagThenJSON finds the service line's level tag that opens p
// ("[INFO]") and the JSON document that follows it.
func serviceTagThenJSON(p []byte) (model.Level, []byte, bool) {
	lvl, next, ok := serviceTag(p)
	if !ok {
		return model.LevelNone, nil, false
	}
	return lvl, p[next:], opensJSON(p[next:])
}

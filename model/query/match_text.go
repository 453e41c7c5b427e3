package query

import (
	"regexp"
	"strings"
	"unsafe"

	"connlog/model"
	"connlog/model/payload"
)

// textMatcher finds a bare word or quoted phrase anywhere in the raw line,
// or in the line decoded when it writes its text as JSON (matchDecoded).
type textMatcher struct {
	word  string // as the user wrote it, for highlighting
	pat   pattern
	chars charSet // the bytes pat can find, for matchDecoded
	// asShown is set when the word holds a stand-in that the table shows
	// for a byte no one can type (␛, \x07, ‹U+202E›): it is looked for in
	// the line as shown, made inert (see inert.Sanitize), too.
	asShown bool
}

func (m *textMatcher) match(e *model.Entry) bool {
	return anyOwnText(e, m.matchText) || m.matchDecoded(e)
}

// matchText looks for the word in text, and in text as shown: without
// its colours and, for a word written with stand-ins, made inert.
func (m *textMatcher) matchText(text string) bool {
	if m.pat.contains(text) {
		return true
	}
	shown := text
	if hasEscape(text) {
		if shown = shownText(text); m.pat.contains(shown) {
			return true
		}
	}
	return m.asShown && inShown(shown, m.pat.contains)
}

// anyOwnText reports whether match holds for the text bare words and
// regular expressions search (searchText), or for one of its pieces, when
// the entry shares its line with others: its own parts, never the
// other entries' records (model.Entry.OwnText).
func anyOwnText(e *model.Entry, match func(string) bool) bool {
	if len(e.Others) == 0 {
		return match(searchText(e))
	}
	for piece := range e.OwnText() {
		if match(bytesAsString(piece)) {
			return true
		}
	}
	return false
}

// searchText is what bare words and regular expressions search: the raw
// line, or for a gap or boundary, which has none, the message that the
// table and the detail pane show for it.
func searchText(e *model.Entry) string {
	if e.IsMark() {
		return e.Fields.Value(model.KeyMessage)
	}
	return bytesAsString(e.Raw)
}

// hasEscape reports whether text holds an escape sequence, and so may show
// words its bytes do not hold as they are: a word coloured inside
// ("state=ESC[31mstalled") is shown, templated and summarised as
// "state=stalled". A line without one, the common case, is searched once.
func hasEscape(text string) bool { return strings.IndexByte(text, 0x1b) >= 0 }

// shownText is text without the colour sequences the table, the templates
// and the parsers leave out (payload.WithoutColour), for a second search
// of a line that holds escape sequences.
func shownText(text string) string {
	return bytesAsString(payload.WithoutColour(unsafe.Slice(unsafe.StringData(text), len(text))))
}

func (m *textMatcher) cost() int { return costText }

// regexMatcher runs an RE2 expression over the raw line, once the line
// holds one of the literals every match contains (see requiredPatterns),
// or over the line decoded when it writes its text as JSON (matchDecoded).
type regexMatcher struct {
	re        *regexp.Regexp
	must      []pattern
	mustChars []charSet // the bytes each of must can find
}

func (m *regexMatcher) match(e *model.Entry) bool {
	return anyOwnText(e, m.matchShown) || m.matchDecoded(e)
}

// matchShown runs the expression over text, and over text as shown.
func (m *regexMatcher) matchShown(text string) bool {
	return m.matchText(text) || hasEscape(text) && m.matchText(shownText(text))
}

// matchText runs the expression over text.
func (m *regexMatcher) matchText(text string) bool {
	return m.mayMatch(text) && m.re.MatchString(text)
}

func (m *regexMatcher) cost() int { return costRegex }

// bytesAsString views b as a string without copying, so that searching a raw
// line never allocates. The string is used only during the search and never
// kept, and the bytes are not modified meanwhile (an Entry's Raw is read-only
// to the query).
func bytesAsString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

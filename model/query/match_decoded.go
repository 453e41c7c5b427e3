package query

import (
	"sync"
	"unicode/utf8"

	"connlog/model"
	"connlog/model/envelope"
)

// A docker json-file record or a journalctl -o json line writes its text
// escaped: the table shows `processing "health" request`, the line holds
// `processing \"health\" request`. A word, a phrase or an expression that
// the line lacks is looked for again in the line decoded (its JSON values
// as they read), so that what is copied from the table finds its row. It
// is decoded only when one of its escapes gives a byte the term looks for
// (charSet): a docker record's only escape is most often the \n ending
// its log string, and a plain line is never decoded.

// charSet is a set of bytes.
type charSet [4]uint64

func (s *charSet) add(b byte)           { s[b>>6] |= 1 << (b & 63) }
func (s *charSet) meets(o charSet) bool { return s[0]&o[0]|s[1]&o[1]|s[2]&o[2]|s[3]&o[3] != 0 }

// addHigh adds every byte of a multi-byte UTF-8 sequence.
func (s *charSet) addHigh() { s[2], s[3] = ^uint64(0), ^uint64(0) }

// addRune adds the bytes of r's UTF-8 encoding; any rune past ASCII adds
// every such byte, a negative one every byte there is.
func (s *charSet) addRune(r rune) {
	switch {
	case r < 0:
		*s = charSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	case r < utf8.RuneSelf:
		s.add(byte(r))
	default:
		s.addHigh()
	}
}

// chars returns the bytes a text p finds can hold: its own, each letter's
// other case when it folds case, and every byte past ASCII when it folds
// by Unicode (the Kelvin sign folds to k).
func (p *pattern) chars() charSet {
	var s charSet
	for i := 0; i < len(p.text); i++ {
		c := p.text[i]
		s.add(c)
		if p.mode != caseExact && 'a' <= c|0x20 && c|0x20 <= 'z' {
			s.add(c ^ 0x20)
		}
	}
	if p.mode == caseUnicode {
		s.addHigh()
	}
	return s
}

// escapesOf returns the bytes the escapes of raw decode to.
func escapesOf(raw []byte) charSet {
	var s charSet
	envelope.EachJSONEscape(raw, s.addRune)
	return s
}

// decodable reports whether e's line is one whose text is written as JSON
// (envelope.WritesTextAsJSON) and whose own it all is.
func decodable(e *model.Entry) bool {
	return len(e.Others) == 0 && !e.IsMark() && envelope.WritesTextAsJSON(e.Origin.Envelope)
}

// decodedBuffers hold the lines being decoded: a Query is matched from
// several goroutines at once, and a line decoded allocates nothing once
// its buffer has grown.
var decodedBuffers = sync.Pool{New: func() any { return new(envelope.JSONDecoded) }}

// inDecoded reports whether match holds for e's line decoded.
func inDecoded(e *model.Entry, match func(string) bool) bool {
	d := decodedBuffers.Get().(*envelope.JSONDecoded)
	defer decodedBuffers.Put(d)
	return d.Decode(e.Raw) && match(bytesAsString(d.Text))
}

// matchDecoded is the second look of a word or a phrase: in e's line
// decoded, when its escapes give a byte of the word.
func (m *textMatcher) matchDecoded(e *model.Entry) bool {
	if !decodable(e) {
		return false
	}
	esc := escapesOf(e.Raw)
	return esc.meets(m.chars) && inDecoded(e, m.matchText)
}

// matchDecoded is the second look of an expression: in e's line decoded,
// unless the decoded line cannot hold any of the literals every match
// holds, as the line lacks them and its escapes give none of their bytes.
func (m *regexMatcher) matchDecoded(e *model.Entry) bool {
	if !decodable(e) {
		return false
	}
	esc := escapesOf(e.Raw)
	if esc == (charSet{}) {
		return false
	}
	if len(m.must) > 0 && !m.mayHoldDecoded(bytesAsString(e.Raw), esc) {
		return false
	}
	return inDecoded(e, m.matchShown)
}

// mayHoldDecoded reports whether raw decoded may hold one of the required
// literals: raw holds it, or an escape gives one of its bytes.
func (m *regexMatcher) mayHoldDecoded(raw string, esc charSet) bool {
	for i := range m.must {
		if esc.meets(m.mustChars[i]) || m.must[i].contains(raw) {
			return true
		}
	}
	return false
}

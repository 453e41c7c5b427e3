package query

import (
	"sync"

	"connlog/model"
	"connlog/model/inert"
)

// shownTest is a field term whose value holds a stand-in that the table
// and the detail pane show for a byte no one can type (␛, \x07,
// ‹U+202E›; see inert.HasStandIn): it passes a value as it is, or as it
// is shown, made inert (inert.Sanitize), so that user:evil␛]0;* copied
// from a row finds its row, as a word so written does (textMatcher). A
// term on a value without a stand-in is not wrapped, and so tests values
// at no extra cost.
type shownTest struct{ valueTest }

// asShown wraps test when value, the term's, holds a stand-in.
func asShown(test valueTest, value string) valueTest {
	if inert.HasStandIn(value) {
		return &shownTest{test}
	}
	return test
}

func (t *shownTest) field(f *model.Field) bool {
	return t.valueTest.field(f) || inShown(f.Value, t.valueTest.text)
}

func (t *shownTest) text(s string) bool { return t.valueTest.text(s) || inShown(s, t.valueTest.text) }

// mayHold: a raw line holds a message that passes as shown when the line
// as shown holds what the message shown must.
func (t *shownTest) mayHold(text string) bool {
	return t.valueTest.mayHold(text) || inShown(text, t.valueTest.mayHold)
}

// spans are where the parts that made a value pass lie in the value as it
// is, a stand-in on the byte it stands for, which the interface marks as
// it makes the value inert (theme.Marked.Clean).
func (t *shownTest) spans(v string) [][2]int {
	if t.valueTest.text(v) {
		return t.valueTest.spans(v)
	}
	out := t.valueTest.spans(inert.Sanitize(v))
	for i, sp := range out {
		out[i][0], out[i][1] = inert.RawSpan(v, sp[0], sp[1])
	}
	return out
}

// shownBuffers hold text being made inert: a Query is matched from several
// goroutines at once, and a buffer that has grown allocates nothing more.
var shownBuffers = sync.Pool{New: func() any { return new([]byte) }}

// inShown reports whether test passes s as it is shown, made inert, when
// that is not s itself (which the caller tests as it is).
func inShown(s string, test func(string) bool) bool {
	if inert.Plain(s) {
		return false
	}
	buf := shownBuffers.Get().(*[]byte)
	defer shownBuffers.Put(buf)
	*buf = inert.AppendSanitized((*buf)[:0], s)
	shown := bytesAsString(*buf)
	return shown != s && test(shown)
}

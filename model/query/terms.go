package query

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"

	"connlog/model/inert"
)

// compiler turns the parser's terms into matchers. It holds what times are
// resolved against.
type compiler struct {
	opt      Options // with its defaults filled in
	src      string  // the query's text, which the tokens' offsets are in
	usedDay  bool    // a time without a date was read
	dateless []Dateless
}

// textTerm compiles a bare word or quoted phrase.
func (c *compiler) textTerm(t token) matcher {
	pat := newPattern(t.text, true)
	return &textMatcher{word: t.text, pat: pat, chars: pat.chars(), asShown: inert.HasStandIn(t.text)}
}

// regexTerm compiles a /regex/.
func (c *compiler) regexTerm(t token) (matcher, *Error) {
	expr := t.text
	if t.fold {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		e := &Error{Pos: t.pos, Msg: "bad regex " + "/" + t.text + "/", Err: err}
		if se, ok := err.(*syntax.Error); ok {
			e.Hint = fmt.Sprintf("%s: %q", se.Code, se.Expr)
		} else {
			e.Hint = err.Error()
		}
		return nil, e
	}
	m := &regexMatcher{re: re, must: requiredPatterns(expr)}
	for i := range m.must {
		m.mustChars = append(m.mustChars, m.must[i].chars())
	}
	return m, nil
}

// fieldTerm compiles field<op>value.
func (c *compiler) fieldTerm(t token) (matcher, *Error) {
	if !t.literal && isTimeBound(t.text) {
		return c.boundTerm(t)
	}
	ref, err := resolveField(t)
	if err != nil {
		return nil, err
	}
	switch ref.attr {
	case AttrLevel:
		return levelTerm(t)
	case AttrKind:
		return kindTerm(t)
	case AttrTime:
		return c.timeTerm(t)
	}
	return valueTerm(ref, t, c.opt.Dir)
}

// valueTerm compiles a term on field values; dir is where the inputs were
// opened, which a file: term reads their paths from.
func valueTerm(ref fieldRef, t token, dir string) (matcher, *Error) {
	m := &fieldMatcher{keys: ref.keys, attr: ref.attr}
	if ref.attr == AttrFile {
		m.paths = newPathForms(dir, t.value, t.op != opGlob)
	}
	switch t.op {
	case opGlob:
		m.test = asShown(&globTest{g: newGlob(t.value, true), subModules: takesSubModules(t)}, t.value)
	case opEq, opNe:
		n, isNum := parseQuantity(t.value, ref.class)
		m.test = asShown(&exactTest{value: t.value, num: n, isNum: isNum}, t.value)
	default:
		n, ok := parseQuantity(t.value, ref.class)
		if !ok {
			return nil, quantityError(t.valuePos, t.value, ref.class)
		}
		m.test = &compareTest{op: t.op, n: n}
	}
	if t.op == opNe {
		return newNot(m), nil
	}
	return m, nil
}

// boundTerm compiles since:TIME and until:TIME.
func (c *compiler) boundTerm(t token) (matcher, *Error) {
	name := strings.ToLower(t.text)
	if t.op != opGlob {
		return nil, errHint(t.opPos, fmt.Sprintf("%s takes a time after \":\"", name),
			fmt.Sprintf("write %s:15m or %s:2026-11-20T08:00", name, name))
	}
	tm, err := c.parseTime(t)
	if err != nil {
		return nil, err
	}
	if name == keywordSince {
		return &timeMatcher{op: opGe, t: tm}, nil
	}
	return &timeMatcher{op: opLe, t: tm}, nil
}

// timeTerm compiles time<op>TIME.
func (c *compiler) timeTerm(t token) (matcher, *Error) {
	if t.op == opGlob {
		return nil, errHint(t.opPos, `time takes = != > >= < <=, not ":"`, "write time>=14:05, or since:14:05")
	}
	tm, err := c.parseTime(t)
	if err != nil {
		return nil, err
	}
	if t.op == opNe {
		return newNot(&timeMatcher{op: opEq, t: tm}), nil
	}
	return &timeMatcher{op: t.op, t: tm}, nil
}

// parseTime reads a term's value as a time.
func (c *compiler) parseTime(t token) (time.Time, *Error) {
	c.usedDay = c.usedDay || NeedsDay(t.value)
	tm, err := ParseTime(t.value, c.opt)
	if err != nil {
		if errors.Is(err, errTooLongAgo) {
			return time.Time{}, &Error{Pos: t.valuePos, Msg: fmt.Sprintf("%q is too long ago", t.value),
				Hint: "at most about 290 years", Err: err}
		}
		return time.Time{}, &Error{Pos: t.valuePos, Msg: fmt.Sprintf("%q is not a time", t.value), Hint: timeFormats, Err: err}
	}
	if NeedsDay(t.value) {
		c.dateless = append(c.dateless, Dateless{Term: c.src[t.pos:t.end], At: tm})
	}
	return tm, nil
}

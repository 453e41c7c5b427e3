package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// FuzzCompile: Compile never panics; a compiled query's String recompiles;
// matching never panics; and Not, And and Or mean what they say.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"", "timeout", `user:alice* level>=warn`, `event:closed_connection country:DE rx>1MB`,
		`(a or b) -c`, `"quoted \" phrase"`, `/re\/x/i`, `since:15m until:"2026-11-20 08:00:00"`, `."my key"=v`,
		`rx>10XB`, `((a)`, `level:w* kind!=text`, "\xff\x00", `time>=14:05 or -unit=newt`, `a - b`} {
		f.Add(s)
	}
	entries := testEntries()
	f.Fuzz(func(t *testing.T, src string) {
		q, err := Compile(src, testOpts)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) || qe.Pos < 0 || qe.Pos > len(src) {
				t.Fatalf("Compile(%q) error %v: not a *Error with a position in the input", src, err)
			}
			return
		}
		again, err := Compile(q.String(), testOpts)
		if err != nil {
			t.Fatalf("String() %q of a compiled query does not recompile: %v", q.String(), err)
		}
		neg, negErr := Compile(Not(src), testOpts)
		and, andErr := Compile(And(src, "level>=warn"), testOpts)
		or, orErr := Compile(Or(src, "level>=warn"), testOpts)
		warn := mustCompile(t, "level>=warn")
		for i := range entries {
			e := &entries[i].e
			m := q.Match(e)
			checkKeyDemands(t, q, e, m)
			checkRowDecisions(t, q, e, m)
			if again.Match(e) != m {
				t.Fatalf("%q: recompiled query disagrees on %s", src, entries[i].name)
			}
			if negErr == nil && strings.TrimSpace(src) != "" && neg.Match(e) == m {
				t.Fatalf("%q: Not %q agrees with it on %s", src, Not(src), entries[i].name)
			}
			if andErr == nil && and.Match(e) != (m && warn.Match(e)) {
				t.Fatalf("%q: And %q is wrong on %s", src, And(src, "level>=warn"), entries[i].name)
			}
			if orErr == nil && or.Match(e) != (m || warn.Match(e)) {
				t.Fatalf("%q: Or %q is wrong on %s", src, Or(src, "level>=warn"), entries[i].name)
			}
		}
		for _, err := range []error{negErr, andErr, orErr} {
			if err != nil && !strings.Contains(err.Error(), "nests too deeply") {
				t.Fatalf("%q: a builder made text that does not compile: %v", src, err)
			}
		}
	})
}

// FuzzMatch runs queries over random entries: never a panic, and a query and
// its negation never agree.
func FuzzMatch(f *testing.F) {
	f.Add("user:alice* level>=warn", "ANALYTICS {}", model.KeyUserEmail, "alice@x", uint8(5), uint8(2), int64(1763625600))
	f.Add("timeout", "TIMEOUT \xff", model.KeyMessage, "", uint8(0), uint8(0), int64(0))
	f.Add("rx>1MB", "", model.KeyRx, "1000001", uint8(9), uint8(200), int64(-1))
	f.Add("münchen or /a+/i", "MÜNCHEN", model.KeyCity, "München", uint8(3), uint8(7), int64(1e12))
	f.Add("msg:*time*OUT* -msg=x", "[WARN] relay TimeOUT k", model.KeyMessage, "relay TimeOUT", uint8(4), uint8(1), int64(0))
	f.Add("message:ǅ* or timeout", "ǆungla", model.KeyMessage, "ǆ", uint8(4), uint8(1), int64(0))
	f.Add(`user:evil␛* or msg:*\x07 ok`, "[INFO] login evil\x1b]0;pwned\x07 ok", model.KeyUserEmail, "evil\x1b]0;pwned\x07", uint8(4), uint8(1), int64(0))
	f.Add(`msg="pwned\x07 ok" -host=‹U+202E›`, "pwned\x07 ok", model.KeyMessage, "pwned\x07 ok", uint8(4), uint8(2), int64(0))
	f.Fuzz(func(t *testing.T, src, raw, key, value string, level, kind uint8, sec int64) {
		q, err := Compile(src, testOpts)
		if err != nil {
			return
		}
		e := model.Entry{
			Level: model.Level(level), Kind: model.Kind(kind), Raw: []byte(raw), Time: time.Unix(sec, 0),
			Fields: model.Fields{model.Str(key, value), model.Float(key, float64(len(value))), model.Str(model.KeyRelayIP, value)},
			Origin: model.Origin{Host: value, Unit: value + ".service", Journal: &model.JournalFields{Unit: raw}},
		}
		m := q.Match(&e)
		checkMarks(t, q, &e)
		checkKeyDemands(t, q, &e, m)
		checkFieldVerdicts(t, q, &e, m)
		checkRowDecisions(t, q, &e, m)
		in := withMessagesInRaw(e)
		checkRowDecisions(t, q, &in, q.Match(&in))
		if strings.TrimSpace(src) == "" {
			if !m {
				t.Fatal("the empty query must match everything")
			}
			return
		}
		neg, err := Compile(Not(src), testOpts)
		if err == nil && neg.Match(&e) == m {
			t.Fatalf("%q and %q agree on %+v", src, Not(src), e)
		}
	})
}

// checkMarks checks that each mark lies within the value it marks, a
// value found as shown (user:evil␛*) as well as one found as it is.
func checkMarks(t *testing.T, q *Query, e *model.Entry) {
	t.Helper()
	for _, mk := range q.FieldMarks(e) {
		if mk.Start < 0 || mk.Start > mk.End || mk.End > len(mk.Value) {
			t.Fatalf("%q marks %d:%d of %q", q.String(), mk.Start, mk.End, mk.Value)
		}
	}
}

// FuzzTerm: any field and value make a term that compiles and matches
// exactly the entries holding that value.
func FuzzTerm(f *testing.F) {
	for _, s := range [][2]string{{"user", "a b@x"}, {"resource", `*."quoted"*`}, {"x-request-id", "r-1"},
		{".event", "connection"}, {"my key", "v\\"}, {"", ""}, {"city", "München"}, {"msg", "(or)"}, {"port", "443"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, field, value string) {
		term := Term(field, value)
		q, err := Compile(term, testOpts)
		key, checkable := termKey(field)
		if !checkable {
			return // level, kind, time, since, until and unit take typed values or read no field
		}
		if err != nil {
			t.Fatalf("Term(%q, %q) = %s does not compile: %v", field, value, term, err)
		}
		hit := model.Entry{Fields: model.Fields{model.Str(key, value)}}
		miss := model.Entry{Fields: model.Fields{model.Str(key, value+"x")}}
		if !q.Match(&hit) || q.Match(&miss) {
			t.Fatalf("%s: match(%q) = %v, match(%q) = %v", term, value, q.Match(&hit), value+"x", q.Match(&miss))
		}
	})
}

// termKey returns the field key Term(field, …) reads first, and false for
// fields whose values are typed or that read no key.
func termKey(field string) (string, bool) {
	if key, ok := strings.CutPrefix(field, "."); ok {
		return key, true
	}
	if isTimeBound(field) {
		return "", false
	}
	if a, ok := lookupAlias(field); ok && isPlainName(field) {
		if a.Attr != AttrNone && a.Attr != AttrHost {
			return "", false
		}
		return a.Keys[0], true
	}
	return field, true
}

// FuzzParseTime: never a panic, the same answer twice, and a relative time
// never lies in the future.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"15m", "1h30m", "2026-11-20T08:00", "2026-11-20 08:00:00.5", "14:05", "@1763625600.5",
		"yesterday", "2026-11-20T08:00:00+02:00", "99999999999d", "1e308h", "-5m", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, errA := ParseTime(s, Options{Now: testNow, Location: time.UTC})
		b, errB := ParseTime(s, Options{Now: testNow, Location: time.UTC})
		if (errA == nil) != (errB == nil) || !a.Equal(b) {
			t.Fatalf("ParseTime(%q) is not deterministic", s)
		}
		if _, ok := parseDurationMS(s); ok && errA == nil && a.After(testNow) {
			t.Fatalf("ParseTime(%q) = %v is after now %v", s, a, testNow)
		}
	})
}

// FuzzParseQuantity: never a panic, and never NaN or infinite.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"10MB", "1.5GiB", "30s", "1h30m", "-97", "1e999", "10XB", "µs", ".5ms", "1e5m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, class := range []valueClass{classAny, classSize, classDuration} {
			if n, ok := parseQuantity(s, class); ok && (n != n || n > 1e308 || n < -1e308) {
				t.Fatalf("parseQuantity(%q, %d) = %g", s, class, n)
			}
		}
	})
}

// FuzzPatternIndex: the anchored case-insensitive search finds what trying
// every start finds.
func FuzzPatternIndex(f *testing.F) {
	for _, s := range [][2]string{{"timeout", "a TIMEOUT"}, {"münchen", "MÜNCHEN"}, {"ké", "\u212aÉ"}, {"\xbc", "ü"}, {"", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, needle, hay string) {
		p := newPattern(needle, true)
		if got, want := func() int { i, _ := p.index(hay); return i }(), naiveIndex(&p, hay); got != want {
			t.Fatalf("index(%q in %q, mode %d) = %d, naive %d", needle, hay, p.mode, got, want)
		}
	})
}

// checkKeyDemands holds NeedKeys and ReadKeys to what Match does on e (m):
// a match carries a key of every group needed, and the fields ReadKeys
// names decide alone.
func checkKeyDemands(t *testing.T, q *Query, e *model.Entry, m bool) {
	t.Helper()
	if need := q.NeedKeys(); m && !showsEveryGroup(e, need) {
		t.Fatalf("%q matches %+v, which lacks a group of NeedKeys %v", q.String(), e, need)
	}
	read := q.ReadKeys()
	some := *e
	some.Fields = slices.DeleteFunc(slices.Clone(e.Fields), func(f model.Field) bool { return !slices.Contains(read, f.Key) })
	if q.Match(&some) != m {
		t.Fatalf("%q decides %+v differently from the fields ReadKeys %v names", q.String(), e, read)
	}
}

// checkFieldVerdicts holds MayMatchFields to what Match does on e (m):
// asked of only some of e's fields, the others' keys unknown, it never
// rejects a match, whichever keys are unknown (those not among the
// filter's MaybeFields.Keys always are, as a view builder asks) and
// whatever the rest of the entry holds.
func checkFieldVerdicts(t *testing.T, q *Query, e *model.Entry, m bool) {
	t.Helper()
	var keys []string
	for _, f := range e.Fields {
		if !slices.Contains(keys, f.Key) {
			keys = append(keys, f.Key)
		}
	}
	mf := q.Filter().MaybeFields
	for subset := range 1 << len(keys) {
		unknown := func(k string) bool {
			i := slices.Index(keys, k)
			return i < 0 || subset&(1<<i) != 0 || mf.Ask != nil && !slices.Contains(mf.Keys, k)
		}
		known := model.Entry{Fields: slices.DeleteFunc(slices.Clone(e.Fields), func(f model.Field) bool { return unknown(f.Key) })}
		if m && !q.MayMatchFields(&known, unknown) {
			t.Fatalf("%q matches %+v, which MayMatchFields rejects knowing only %v", q.String(), e, known.Fields)
		}
	}
}

// checkRowDecisions checks what a view builder may decide without loading
// e, against m, q's answer on e whole: MayMatch never rejects a match,
// SureMatch never takes a miss, MayMatchUnparsed never rejects a match
// whose message is a part of its raw bytes, and a filter that says it reads only
// raw bytes decides a line without its fields.
func checkRowDecisions(t *testing.T, q *Query, e *model.Entry, m bool) {
	t.Helper()
	row := rowOf(e)
	if m && !q.MayMatch(&row) {
		t.Fatalf("%q matches %+v, which MayMatch rejects", q.String(), e)
	}
	if !m && q.SureMatch(&row) {
		t.Fatalf("%q does not match %+v, which SureMatch takes", q.String(), e)
	}
	if m && !e.IsMark() && messagesInRaw(e) && !q.MayMatchUnparsed(withoutMessages(e)) {
		t.Fatalf("%q matches %+v, whose message is in its raw bytes, but MayMatchUnparsed rejects it unparsed", q.String(), e)
	}
	if f := q.Filter(); f.RawOnly && !e.IsMark() {
		bare := *e
		bare.Fields = nil
		if q.Match(&bare) != m {
			t.Fatalf("%q says it reads only raw bytes, but decides %+v differently without its fields", q.String(), e)
		}
	}
}

// messagesInRaw reports whether every message field of e is a part of its
// raw bytes, as decode.MessageInRaw promises of the lines it accepts.
func messagesInRaw(e *model.Entry) bool {
	for _, f := range e.Fields {
		if f.Key == model.KeyMessage && !strings.Contains(string(e.Raw), f.Value) {
			return false
		}
	}
	return true
}

// withMessagesInRaw returns e with its raw bytes followed by each of its
// messages, so that they are parts of them.
func withMessagesInRaw(e model.Entry) model.Entry {
	raw := append([]byte(nil), e.Raw...)
	for _, f := range e.Fields {
		if f.Key == model.KeyMessage {
			raw = append(append(raw, ' '), f.Value...)
		}
	}
	e.Raw = raw
	return e
}

// withoutMessages returns e as an unparsed line is loaded: without the
// fields the index leaves out.
func withoutMessages(e *model.Entry) *model.Entry {
	u := *e
	u.Fields = nil
	for _, f := range e.Fields {
		if model.IsIndexed(f.Key) {
			u.Fields = append(u.Fields, f)
		}
	}
	return &u
}

package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"connlog/model"
	"connlog/model/query"
)

// maxFollowedTerms bounds the terms of a query followed through an export
// (each is matched twice against every entry); past it, the rest are
// written as typed, and the note says they were not checked. The filter
// the interface's compare view (C, enter) makes has about 24.
const maxFollowedTerms = 32

// A term of a bundle's query that holds no personal data of its own is
// written in the manifest as typed, yet the records may change what it
// selects in raw.log: a PATH record's name loses /home/carol where its
// event named carol (name:/home/carol/x), a PROCTITLE's hex is encoded
// again, a quoted "carol" becomes a pseudonym (the word carol), and a
// pseudonym may match a pattern (hostname:i* matches ip-7f3a91c2ab01).
// queryTerms follows each such term through the export, as wordAddrs
// follows addresses, comparing what it selects among the entries as read
// and as redacted, and decides it when the manifest is written:
//
//   - kept as typed when it selects the same entries of both;
//   - otherwise written with its value as the records rewrote it (the
//     records give nothing away that the query then says), exact when
//     every record that held the value rewrote it the same way and the
//     rewritten term selects the same entries;
//   - otherwise kept as typed (a pattern, a regex: no rewriting selects
//     what it did), and the note names the term and the entries it
//     gains or loses.
type queryTerms struct {
	r          *Redactor
	q          string          // the query as typed
	terms      []*followedTerm // in the order of the query
	unfollowed int             // terms past maxFollowedTerms
}

// followedTerm is one term of the query and what the records did with it.
type followedTerm struct {
	from, pos, end int    // its bytes in the query; its value from pos on
	value          string // its value or word decoded; "" when it cannot be rewritten (a regex)
	typed          *query.Query
	form           string       // the value as the first record that rewrote it wrote it
	formQ          *query.Query // the term with form for its value
	typedDiff      selectDiff   // as typed, in the redacted entries against the source's
	formDiff       selectDiff   // with form, likewise
}

// selectDiff counts the entries a term selects in one form and not in the
// other.
type selectDiff struct{ gained, lost int64 }

func (d *selectDiff) add(before, after bool) {
	switch {
	case after && !before:
		d.gained++
	case before && !after:
		d.lost++
	}
}

func (d selectDiff) none() bool { return d.gained == 0 && d.lost == 0 }

// newQueryTerms lists the terms of q that redactQuery keeps as typed: field
// terms on keys of no personal data, words and phrases without an address
// or an email (wordAddrs and the records' own replacement see to those),
// and regexes it does not blank. A query without one, or that does not
// parse, has no need of a list (nil).
func newQueryTerms(r *Redactor, q string) *queryTerms {
	values, err := query.FieldValues(q)
	if err != nil {
		return nil
	}
	texts, err := query.TextTerms(q)
	if err != nil {
		return nil
	}
	t := &queryTerms{r: r, q: q}
	for _, v := range values {
		if _, personal := personalClass(v); v.Keys != nil && !personal && replaceEmails(r, v.Value) == v.Value {
			t.follow(q, v.From, v.Pos, v.End, v.Value)
		}
	}
	for _, w := range texts {
		switch {
		case w.Regex && redactLoose(r, strings.ReplaceAll(w.Text, `\`, "")) == w.Text:
			t.follow(q, w.Pos, w.Pos, w.End, "")
		case !w.Regex && redactLoose(r, w.Text) == w.Text:
			t.follow(q, w.Pos, w.Pos, w.End, w.Text)
		}
	}
	if len(t.terms) == 0 {
		return nil
	}
	slices.SortFunc(t.terms, func(a, b *followedTerm) int { return cmp.Compare(a.from, b.from) })
	return t
}

func (t *queryTerms) follow(q string, from, pos, end int, value string) {
	if len(t.terms) >= maxFollowedTerms {
		t.unfollowed++
		return
	}
	typed, err := query.Compile(q[from:end], query.Options{})
	if err != nil {
		return
	}
	t.terms = append(t.terms, &followedTerm{from: from, pos: pos, end: end, value: value, typed: typed})
}

// observe compares what each term selects of one entry as read (orig) and
// as redacted with set, the personal data of its record, by r: the
// export's redactor as it stood at the record's turn (see knownView).
func (t *queryTerms) observe(r *Redactor, orig, red *model.Entry, set *secretSet) {
	for _, ft := range t.terms {
		ft.observe(r, t.q, orig, red, set)
	}
}

func (ft *followedTerm) observe(r *Redactor, q string, orig, red *model.Entry, set *secretSet) {
	before := ft.typed.Match(orig)
	ft.typedDiff.add(before, ft.typed.Match(red))
	if before && ft.value != "" {
		if f := redactedForm(r, orig, ft.value, set); f != ft.value {
			ft.rewrote(q, f)
		}
	}
	if ft.formQ == nil {
		// Not rewritten yet: the rewritten value, which holds a
		// pseudonym, is in none of the entries seen so far.
		ft.formDiff.add(before, false)
		return
	}
	ft.formDiff.add(before, ft.formQ.Match(red))
}

// rewrote notes that a record wrote the term's value as f. The first
// rewriting stands: a record that rewrote it otherwise holds another
// value, which formDiff counts as lost.
func (ft *followedTerm) rewrote(q, f string) {
	if ft.form != "" {
		return
	}
	if formQ, err := query.Compile(ft.text(q, f), query.Options{}); err == nil {
		ft.form, ft.formQ = f, formQ
	}
}

// text is the term of q with value for its own, quoted as it was.
func (ft *followedTerm) text(q, value string) string {
	if q[ft.pos] == '"' {
		value = query.Phrase(value)
	}
	return q[ft.from:ft.pos] + value
}

// redactedForm is a value of a query as the record whose personal data set
// holds would write it: a hex value of an audit record decoded, redacted and
// encoded again; a value that is one of the record's, or one the export
// learned, a pseudonym whole (a word is searched wherever the record holds
// it, quoted or not); any other text as the record's text.
func redactedForm(r *Redactor, e *model.Entry, v string, set *secretSet) string {
	if h, ok := redactAuditHex(r, e, v, set); ok {
		return h
	}
	for _, it := range set.items {
		if it.value == v {
			return it.pseudo
		}
	}
	if it, ok := r.known.id(v); ok {
		return it.pseudo
	}
	if p, ok := r.known.ip(canonicalAddr(v)); ok {
		return p
	}
	return redactText(r, v, set)
}

// rewrite writes each followed term of the query as the records decided it (see
// queryTerms) and returns the terms, as rewritten, that select other
// entries than they did, each with how many, and how many terms were past
// maxFollowedTerms, written as typed and not checked.
func (t *queryTerms) rewrite() (out string, inexact []string, unchecked int) {
	q := t.q
	var b strings.Builder
	last := 0
	for _, ft := range t.terms {
		text, diff := ft.decide(q)
		b.WriteString(q[last:ft.from])
		b.WriteString(text)
		last = ft.end
		if !diff.none() {
			inexact = append(inexact, fmt.Sprintf("%s (matches %s it did not, misses %d it did)", text, entries(diff.gained), diff.lost))
		}
	}
	b.WriteString(q[last:])
	return b.String(), inexact, t.unfollowed
}

func entries(n int64) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// decide returns the term as the manifest writes it, and how it selects
// otherwise in raw.log than the term as typed did in the source.
func (ft *followedTerm) decide(q string) (string, selectDiff) {
	if ft.typedDiff.none() || ft.form == "" {
		return q[ft.from:ft.end], ft.typedDiff
	}
	return ft.text(q, ft.form), ft.formDiff
}

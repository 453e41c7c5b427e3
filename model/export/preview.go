package export

import (
	"context"

	"connlog/model"
)

// Change is one replacement redaction would make.
type Change struct {
	Class string // "email", "ip", "user" or "device"
	// Where is the field key where it was found, "raw" for a pattern match
	// in the line, "host" for the entry's host and "source" for the name of
	// the input it was read from.
	Where  string
	Before string
	After  string
}

// Preview returns up to n distinct replacements that redacting entries
// would make, in the order they are met, so that the user can check what
// the export will hide before writing it: in their fields and lines, their
// hosts and the names of the inputs (sources, as the export is given them)
// they were read from. A value one entry's field reveals is listed again
// ("raw") where another entry's line names it, as the export replaces it
// there too. Use the same Redactor for the export to get the same
// pseudonyms; the preview learns nothing into it.
func (r *Redactor) Preview(entries []*model.Entry, sources []SourceInfo, n int) []Change {
	var out []Change
	// A value is listed once where it is met first, and once more where
	// another entry's line names it.
	type listed struct {
		before    string
		elsewhere bool
	}
	seen := map[listed]bool{}
	add := func(c Change, elsewhere bool) {
		if key := (listed{c.Before, elsewhere}); len(out) < n && !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	addChange := func(c Change) { add(c, false) }
	learned := r.Fresh()
	_ = learned.Learn(context.Background(), Slice(entries)) // past the bound, the first values are enough to show
	for _, e := range entries {
		if len(out) >= n {
			break
		}
		var set secretSet
		set.learn(r, e)
		for _, it := range set.items {
			addChange(Change{Class: it.class.String(), Where: fieldOf(e, it.value), Before: it.value, After: it.pseudo})
		}
		set.learnHost(r, &e.Origin)
		learned.known.lineChanges(string(e.Raw), &set, func(c Change) { add(c, true) })
		for _, h := range hostsOf(&e.Origin) {
			r.nameChanges(h, "host", addChange)
		}
		for _, s := range sources {
			if s.ID == e.Source {
				for _, name := range [...]string{s.Name, s.Path, s.Unit} {
					r.nameChanges(name, "source", addChange)
				}
			}
		}
		raw := string(e.Raw)
		eachEmail(raw, func(from, to int, email string) {
			// As the line writes it (alice%40corp.example), with the
			// pseudonym of its plain spelling.
			addChange(Change{Class: classEmail.String(), Where: "raw", Before: raw[from:to], After: r.pseudonym(classEmail, email)})
		})
	}
	return out
}

// lineChanges reports to add the learned values that line names and that
// are not the entry's own (own: listed by their field or host).
func (k knownView) lineChanges(line string, own *secretSet, add func(Change)) {
	replaceAddrs(line, k.hasIPv6() || own.hasIPv6(), func(canon string) (string, bool) {
		p, ok := k.ip(canon)
		if _, mine := own.ip(canon); ok && !mine {
			add(Change{Class: classIP.String(), Where: "raw", Before: canon, After: p})
		}
		return p, ok
	})
	k.eachID(line, func(it secret) {
		if !hasSecret(own.items, it) {
			add(Change{Class: it.class.String(), Where: "raw", Before: it.value, After: it.pseudo})
		}
	})
}

// nameChanges reports to add the values redactName replaces in name.
func (r *Redactor) nameChanges(name, where string, add func(Change)) {
	renameSecrets(name, func(c class, v string) string {
		p := r.pseudonym(c, v)
		add(Change{Class: c.String(), Where: where, Before: v, After: p})
		return p
	})
}

// fieldOf names the first personal-data field holding v.
func fieldOf(e *model.Entry, v string) string {
	for _, f := range e.Fields {
		if _, ok := classOf(e.Kind, f.Key); ok && (f.Value == v || fieldID(&f) == v || containsIP(f.Value, v)) {
			return f.Key
		}
	}
	return "raw"
}

func containsIP(field, ip string) bool {
	for _, x := range ipsIn(field) {
		if x == ip {
			return true
		}
	}
	return false
}

package triage

import (
	"connlog/model"
	"connlog/model/mask"
)

// tops are the top-N tables.
type tops struct {
	users, resources, ips, countries, failures, denied *counter
	modules                                            *counter // warnings and errors together
	moduleErrors                                       *counter // errors only, for the split
	reasonBuf                                          []byte
}

func newTops(max int) tops {
	return tops{users: newCounter(max), resources: newCounter(max), ips: newCounter(max),
		countries: newCounter(max), failures: newCounter(max), denied: newCounter(max),
		modules: newCounter(max), moduleErrors: newCounter(max)}
}

// add counts one entry's facts.
func (t *tops) add(e *model.Entry, f *facts) {
	t.users.addFrom(f.user, f.userSrc)
	t.resources.addFrom(f.resource, f.resourceSrc)
	t.ips.addFrom(f.ip, f.ipSrc)
	t.countries.add(f.country, 1)
	if f.failed {
		t.failures.add(t.normalise(f.reason), 1)
	}
	if f.denied {
		t.denied.addKeyed(deniedKey(f), 1, 0)
	}
	if f.module != "" {
		t.modules.addFrom(f.module, f.moduleSrc)
		if e.Level >= model.LevelError {
			t.moduleErrors.add(f.module, 1)
		}
	}
}

// normalise folds a failure reason into its template, so that "timeout
// after 3012ms" and "timeout after 2990ms" count as one reason.
func (t *tops) normalise(reason string) string {
	if reason == "" {
		return noReason
	}
	t.reasonBuf = mask.Line(t.reasonBuf[:0], []byte(reason))
	return string(t.reasonBuf)
}

// noReason stands for a failure that logged no reason.
const noReason = "(no reason given)"

// deniedKey is the key a denial is counted under (countKey) for who was
// denied what: the action of an audit record, a resource, or the object a
// Linux security module denied. A long one is shown with both of its parts
// cut, so that " → what" survives a long user.
func deniedKey(f *facts) string {
	who, what := f.user, or(f.action, f.resource, f.object)
	if who == "" {
		who = "(unknown user)"
	}
	if what == "" {
		what = "(unknown)"
	}
	whole := who + deniedArrow + what
	if len(whole) <= maxValueLen {
		return whole
	}
	// The object keeps what the user leaves, and a third at least; the
	// user the rest: the shown form is near maxValueLen bytes either way.
	budget := maxValueLen - len(deniedArrow)
	what, _ = cutText(what, max(budget/3, budget-len(who)))
	who, _ = cutText(who, budget-len(what))
	return countKey(whole, who+deniedArrow+what)
}

// deniedArrow joins who was denied and what in a denied access's value.
const deniedArrow = " → "

// Tops are the top-N tables of a report.
type Tops struct {
	Users     []Value `json:"users"`
	Resources []Value `json:"resources"`
	IPs       []Value `json:"ips"`
	Countries []Value `json:"countries"`
	Failures  []Value `json:"failures"`
	Denied    []Value `json:"denied"`
	// Modules ranks modules by their warnings and errors together; Errors
	// in each row says how many of them are errors.
	Modules []ModuleValue `json:"modules"`
}

// ModuleValue is a row of the modules table.
type ModuleValue struct {
	Value
	Errors int64 `json:"errors"`
}

func (t *tops) report(n int) Tops {
	out := Tops{Users: t.users.top(n), Resources: t.resources.top(n), IPs: t.ips.top(n),
		Countries: t.countries.top(n), Failures: t.failures.top(n), Denied: t.denied.top(n)}
	out.Modules = []ModuleValue{}
	for _, v := range t.modules.top(n) {
		out.Modules = append(out.Modules, ModuleValue{Value: v, Errors: t.moduleErrors.get(v.countedKey())})
	}
	return out
}

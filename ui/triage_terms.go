package ui

import (
	"strings"

	"connlog/model"
	"connlog/model/payload"
	"connlog/model/query"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

// pivotTerm is the query term that narrows the view to a value of table t,
// built as the pivot menu builds its terms; exact is false when the term
// is wider than the value (a failure reason is a masked template: the
// filter keeps its longest literal words). The "(other)" row, which counts
// many values, has no term.
func pivotTerm(t triageview.Table, v triage.Value) (term string, exact bool) {
	if v.Other {
		return "", false
	}
	switch t {
	case triageview.TopUsers:
		return triage.Term("user", v), true
	case triageview.TopResources:
		return triage.Term("resource", v), true
	case triageview.TopIPs:
		return triage.Term("ip", v), true
	case triageview.TopCountries:
		return query.Term("country", v.Value), true
	case triageview.TopFailures:
		return failureTerm(v.Value)
	case triageview.TopDenied:
		return deniedTerm(v.Value), true
	case triageview.TopModules:
		return query.And(triage.Term("module", v), "level>=warn"), true
	}
	return "", false
}

// linuxAuditFailedTerm matches the Linux audit records the tables count as
// failures (payload.AuditMarks): a failed result, in any case.
func linuxAuditFailedTerm() string {
	var results []string
	for _, k := range payload.AuditResultKeys {
		for _, v := range payload.AuditFailedResults {
			results = append(results, k+":"+v) // lower case: smart-case ignores case
		}
	}
	return query.And(query.Term("kind", model.KindAudit.String()), query.Or(results...))
}

// linuxAuditDeniedTerm matches the Linux audit records the tables count as
// denials (payload.AuditMarks): a denial by AppArmor, or an SELinux
// decision that is a warning.
func linuxAuditDeniedTerm() string {
	var terms []string
	for _, k := range payload.AuditDenialKeys {
		terms = append(terms, k+":"+payload.AuditDenied)
	}
	for _, typ := range payload.AuditAVCTypes {
		terms = append(terms, query.And(query.Term(model.KeyAuditType, typ), "level>=warn"))
	}
	return query.Or(terms...)
}

// failureNote says how a failure reason was turned into a filter.
const failureNote = "a failure reason is a template: filtered on its event and longest words"

// failureTerm filters to failed connections whose message holds the
// literal words of a masked reason (as phrases over the raw line); the
// row of failures that logged no reason has no words to look for.
func failureTerm(reason string) (string, bool) {
	terms := []string{query.Term("event", model.EventFailed)}
	if reason == triage.NoReason {
		return query.Or(terms[0], linuxAuditFailedTerm()), false
	}
	words := triage.LiteralWords(reason, 2)
	for _, w := range words {
		terms = append(terms, query.Phrase(w))
	}
	return query.And(terms...), false
}

// deniedTerm filters to the denials of one user on one resource: a denied
// analytics event, an audit record with access refused, or a Linux audit
// record of a denial.
func deniedTerm(v string) string {
	who, what, _ := strings.Cut(v, " → ")
	terms := []string{query.Or(query.Term("event", model.EventDenied), query.Term("granted", "false"), linuxAuditDeniedTerm())}
	if !strings.HasPrefix(who, "(unknown") {
		terms = append(terms, query.Term("user", who))
	}
	if !strings.HasPrefix(what, "(unknown") {
		// a resource, an audit record's action, or the object a Linux
		// security module denied
		terms = append(terms, query.Or(query.Term("resource", what), query.Term("action", what), query.Term(model.KeyAuditObject, what)))
	}
	return query.And(terms...)
}

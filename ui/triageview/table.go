package triageview

import "connlog/model/triage"

// Table names one table of the top-N view.
type Table uint8

// The tables, in the order the view lists them.
const (
	TopUsers Table = iota
	TopResources
	TopIPs
	TopCountries
	TopFailures
	TopDenied
	TopModules
	// TableCount is how many tables there are.
	TableCount
)

// String is the table's heading.
func (t Table) String() string {
	return [...]string{"users", "resources", "client IPs", "countries", "failure reasons",
		"denied accesses", "modules by errors and warnings"}[t]
}

// Values returns the rows of table t of a report.
func (t Table) Values(r *triage.Tops) []triage.Value {
	switch t {
	case TopUsers:
		return r.Users
	case TopResources:
		return r.Resources
	case TopIPs:
		return r.IPs
	case TopCountries:
		return r.Countries
	case TopFailures:
		return r.Failures
	case TopDenied:
		return r.Denied
	}
	out := make([]triage.Value, len(r.Modules))
	for i, m := range r.Modules {
		out[i] = m.Value
	}
	return out
}

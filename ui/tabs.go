package ui

import "connlog/model"

// Tab is one of the view switcher's families. Each tab shows its own columns
// and adds a kind condition to the filter.
type Tab uint8

// The tabs, numbered as their keys.
const (
	TabAll         Tab = iota // every entry, one summary column
	TabConnections            // Twingate ANALYTICS events
	TabService                // service lines and unstructured text
	TabAudit                  // AQtive Guard and Linux audit records
	TabFlows                  // Tailscale flows and Pangolin sessions
	tabCount
)

// String returns the tab's title.
func (t Tab) String() string {
	switch t {
	case TabConnections:
		return "Connections"
	case TabService:
		return "Service"
	case TabAudit:
		return "Audit"
	case TabFlows:
		return "Flows/Sessions"
	}
	return "All"
}

// tabKinds are the kinds each tab shows. Gaps and boundaries belong to every
// tab: a restart or a loss matters whatever family one is looking at.
var tabKinds = [tabCount][]model.Kind{
	TabAll:         nil,
	TabConnections: {model.KindAnalytics, model.KindGap, model.KindBoundary},
	TabService:     {model.KindService, model.KindText, model.KindJSON, model.KindGap, model.KindBoundary},
	TabAudit:       {model.KindAudit, model.KindGap, model.KindBoundary},
	TabFlows:       {model.KindFlow, model.KindSession, model.KindGap, model.KindBoundary},
}

// kindSet returns the tab's kinds as a lookup table, or nil for all kinds.
func (t Tab) kindSet() *[16]bool {
	ks := tabKinds[t]
	if ks == nil {
		return nil
	}
	var set [16]bool
	for _, k := range ks {
		set[k&0xf] = true
	}
	return &set
}

// Short returns the tab's title for narrow terminals.
func (t Tab) Short() string {
	switch t {
	case TabConnections:
		return "Conns"
	case TabService:
		return "Svc"
	case TabFlows:
		return "Flows"
	}
	return t.String()
}

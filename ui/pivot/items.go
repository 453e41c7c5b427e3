package pivot

import (
	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// Items builds the menu from an entry: this user, this resource, this
// connection, this client IP, this module, its level, this kind, this
// host. Keeping rows offers "this level and above"; excluding offers "this
// level" alone, since excluding a level and everything above it (on a DEBUG
// row, all but TRACE) empties the view by surprise. For the same reason the
// exclusion menu leaves out the row's kind when tabKinds (the kinds the
// view's tab shows; nil for every kind) hold only that kind.
func Items(e *model.Entry, exclude bool, tabKinds []model.Kind) []Item {
	var out []Item
	add := func(label, field, value string) {
		if value != "" {
			out = append(out, Item{Label: label + " " + theme.Clean(value), Term: query.Term(field, value)})
		}
	}
	// addFirst offers the first of several fields the entry has.
	addFirst := func(label, field string, keys ...string) {
		for _, k := range keys {
			if v := e.Fields.Value(k); v != "" {
				add(label, field, v)
				return
			}
		}
	}
	addFirst("user", "user", model.KeyUserEmail, model.KeyUserID, model.KeyAuditUserName,
		model.KeyAuditUserID, model.KeySessUserEmail, model.KeyNodeUser)
	addFirst("resource", "resource", model.KeyResourceAddr, model.KeyResourceName, model.KeySiteResource, model.KeyElement)
	addFirst("connection", "conn", model.KeyConnID, model.KeySessionID)
	addFirst("client IP", "ip", model.KeyClientIP, model.KeyAuditClientIP, model.KeySrcIP)
	addFirst("module", "module", model.KeyModule)
	switch {
	case e.Level == model.LevelNone:
	case exclude:
		add("level", "level", e.Level.String())
	default:
		out = append(out, Item{Label: "level " + e.Level.String() + " and above", Term: "level>=" + e.Level.String()})
	}
	if !exclude || !onlyKind(tabKinds, e.Kind) {
		add("kind", "kind", e.Kind.String())
	}
	add("host", "host", e.Origin.HostName())
	return out
}

// onlyKind reports whether k is the only kind of entry in kinds (besides
// the gaps and boundaries every tab shows).
func onlyKind(kinds []model.Kind, k model.Kind) bool {
	n, has := 0, false
	for _, tk := range kinds {
		if tk == model.KindGap || tk == model.KindBoundary {
			continue
		}
		n++
		has = has || tk == k
	}
	return n == 1 && has
}

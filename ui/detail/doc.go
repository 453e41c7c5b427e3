// Package detail is connlog's detail pane: the selected entry as a card —
// a structured view per kind (connection event, audit record, service
// line, fields), its connection's paired event, the payload's JSON pretty
// printed (the location string decoded), the raw line and where it came
// from — scrollable in a viewport of its own.
//
// The card is built in a Cmd, off the Update loop, when the entry arrives
// and again when the width or the zone changes; each build has a
// generation number and a build overtaken by a newer one is dropped. Every
// value is drawn through theme.Clean, and the card, its JSON and the raw
// line shown are bounded, whatever the entry holds.
package detail

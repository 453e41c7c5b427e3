// Package changed is the "what changed" view: two time windows of the
// current view compared, listing the error messages and templates that are
// new, the users and resources that started failing, the templates and
// failure reasons whose rate changed most (both counts and the ratio of
// the rates), and those that are gone. It is the first screen to look at
// when "it broke at 14:05".
//
// The comparison itself (model/triage) runs in a command the root starts;
// this package shows its progress and its result, moves a cursor over the
// rows and tells the root, through TakeChoice and TakeWindowsRequest, which
// row to pivot the filter to or that other windows were asked for. Every
// string from the log passes through theme.Clean before it is drawn.
package changed

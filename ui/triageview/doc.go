// Package triageview holds the triage views over the current view: the
// top-N tables (TopNView), the lines folded into templates (TemplatesView)
// and the connections one row each (SessionsView), with the frame they
// share (title, progress, error).
//
// The counting itself (model/triage) runs in a command the root starts;
// these views show its progress (Job) and its result (ResultMsg), move a
// cursor over the rows, and tell the root through Take* methods which row
// was chosen, so that the root pivots the filter or mutes a template.
// Every string from the log passes through theme.Clean before it is drawn.
package triageview

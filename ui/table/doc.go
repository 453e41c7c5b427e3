// Package table is connlog's entry table, written by hand because the view
// it shows may hold millions of rows: it loads and draws only the rows on
// screen (through a small cache of fully loaded entries), from a Data the
// root hands it before every update and render, so a library table that
// needs every row as strings is not a fit.
//
// Columns are given by the caller (a tab's); their widths follow the
// content on screen between each column's bounds, the least important go
// first on a narrow terminal, a column that only varies across hosts shows
// only when it does (or when the entries may come from several hosts: see
// Data.ManyHosts), and the table scrolls sideways by columns. The time
// column shows the date when it changes; gaps and restarts are drawn as
// rules; the cursor, marks and the visual range are drawn in the gutter.
// Every cell passes through theme.Clean.
package table

// Package exportdialog is connlog's export dialog: the choice of scope
// (selection, marked rows, filtered view, time window), format, compression,
// redaction and path; the plan made before writing (entry count, time span,
// estimated size, default name, redaction preview); the write itself, run
// in a Cmd with a progress bar and cancellable with esc; directory
// completion of the path; and the result or the error, with what to do.
//
// The dialog writes from a Source fixed when it opens, so what the user saw
// is what gets written; but the filtered view and a time window take every
// matching row of the input, so while a big file's head is still being
// indexed the caller refreshes the Source, and a write waits for the end
// of the indexing (see indexing.go). Its commands' results are its own messages: the
// root hands the dialog every message it does not handle itself. Abort
// cancels a running write and waits until its temp file is gone, for a
// program that quits in the middle of an export.
package exportdialog

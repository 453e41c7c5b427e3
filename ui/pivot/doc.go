// Package pivot is the small menu that = and - open under connlog's table:
// filters built from the selected row (this user, this resource, this
// connection, this client IP, this module, its level, its kind, its host),
// to AND into the filter in force or, with -, to exclude.
//
// The menu reports the term chosen through TakeChoice, right after the key,
// so that a key arriving in the same read acts on the new filter.
package pivot

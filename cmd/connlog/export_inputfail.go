package main

import (
	"errors"
	"fmt"
	"strings"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// inputsFailed is the error of inputs that failed while they were read
// (an I/O error, a file that became unreadable). What they held before
// the failure was read and handed on, and the other inputs went on.
type inputsFailed struct {
	msg string
	n   int // how many inputs failed
}

func (e inputsFailed) Error() string { return e.msg }

// sourceErrors reports sources that failed. A failed source does not stop
// the others, but the export must not look complete when it is not.
func sourceErrors(status []model.SourceStatus) error {
	var msgs []string
	for _, s := range status {
		if s.Err != "" {
			msgs = append(msgs, s.Err)
		}
	}
	switch len(msgs) {
	case 0:
		return nil
	case 1:
		return inputsFailed{msgs[0], 1}
	}
	return inputsFailed{fmt.Sprintf("%d inputs failed:\n  %s", len(msgs), strings.Join(msgs, "\n  ")), len(msgs)}
}

// keptAfterFailure ends a followed export whose inputs failed as a stop
// ends it: an export -f may have run for hours, and what it wrote is kept
// (a compressed stream closed, the file committed). The error still fails
// the export, says what failed, where what was written is, and that it
// lacks what the failed inputs held past their failure.
func keptAfterFailure(w export.Writer, out *output, failure error, written int64) error {
	err := w.Close()
	if err == nil {
		err = out.commit()
	}
	if err != nil && !errors.Is(err, export.ErrSavedElsewhere) {
		return fmt.Errorf("%w\nthen %w", failure, err)
	}
	where := "standard output"
	if out.file != nil {
		where = out.file.Name()
	}
	var fe *export.FileError
	if errors.As(err, &fe) { // the export is kept, under another name
		where = fe.Path
	}
	rest := "the rest of the failed input is not in it: check that it can be read, then export it again"
	if f := (inputsFailed{}); errors.As(failure, &f) && f.n > 1 {
		rest = "the rest of the failed inputs is not in it: check that they can be read, then export them again"
	}
	kept := fmt.Sprintf("%s holds the %s written; %s", where, theme.Plural(int64(written), "entry"), rest)
	if err != nil {
		return keptIncomplete{fmt.Errorf("%w\n%w\n%s", failure, err, kept)}
	}
	return keptIncomplete{fmt.Errorf("%w\n%s", failure, kept)}
}

// keptIncomplete is the error of an export whose output was kept though
// inputs failed (see keptAfterFailure): its gaps are told as a normal
// end tells them.
type keptIncomplete struct{ error }

func (e keptIncomplete) Unwrap() error { return e.error }

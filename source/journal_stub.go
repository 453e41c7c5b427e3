//go:build !linux || !cgo

package source

import (
	"context"
	"fmt"

	"connlog/model"
)

// Journal stands in for the journald source in builds that cannot call
// libsystemd (no cgo, or not Linux): Run always fails with
// ErrJournalUnsupported, which says how to pipe the journal in instead.
type Journal struct {
	id   model.SourceID
	opts JournalOptions
	name string
}

// NewJournal returns the stand-in source.
func NewJournal(id model.SourceID, opts JournalOptions) *Journal {
	return &Journal{id: id, opts: opts, name: journalName(opts)}
}

// Name is the units and identifiers that would have been read.
func (j *Journal) Name() string { return j.name }

// State says that this build cannot read the journal.
func (j *Journal) State() string {
	return fmt.Sprintf("journal: %s (%s)", j.name, journalUnsupported)
}

// Run returns ErrJournalUnsupported.
func (j *Journal) Run(ctx context.Context, out chan<- []model.Record) error {
	return fmt.Errorf("read the journal: %w", ErrJournalUnsupported)
}

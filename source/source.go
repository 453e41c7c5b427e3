// Package source reads logs where they live — the journal, files (followed
// across rotation, compressed rotations too), standard input and the built-in
// demo — and sends them on as batches of model.Record. Sources never parse;
// they frame lines and say what they lost.
package source

import (
	"context"

	"connlog/model"
)

// Source produces records from one input.
type Source interface {
	// Name is what the status line shows: the unit, the path, "stdin", "demo".
	Name() string
	// Run sends batches of records to out until the input ends (when not
	// following) or ctx is cancelled. Every Record.Raw in a batch is owned by
	// the receiver. Run returns nil at a clean end; an error says what the
	// user can do about it.
	Run(ctx context.Context, out chan<- []model.Record) error
}

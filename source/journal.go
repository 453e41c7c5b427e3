package source

import (
	"context"
	"time"

	"connlog/model"
)

// Journal reads journald: a backfill of the newest matching entries, then,
// when following, every new one. It implements Source. It reads the journal
// files itself unless the options ask for libsystemd. One goroutine (Run's)
// owns the reader, which is not safe for concurrent use.
type Journal struct {
	id     model.SourceID
	opts   JournalOptions
	name   string
	status journalStatus
	// onFollow, when set (by tests), is called once the backfill is done and
	// the source is positioned to follow.
	onFollow func()
	// pieceQuiet, when set (by tests), replaces partialLineTimeout: how long
	// a followed line's pieces may pause before it is sent as it stands.
	pieceQuiet time.Duration
}

// NewJournal returns a journald source; nothing is opened until Run.
func NewJournal(id model.SourceID, opts JournalOptions) *Journal {
	return &Journal{id: id, opts: opts, name: journalName(opts)}
}

// Name is the units and identifiers read, as the user wrote them.
func (j *Journal) Name() string { return j.name }

// State is the status line's text: "journal: twingate-connector: 1234
// entries loaded" while loading, "journal: twingate-connector (following)"
// once at the end. It is safe to call while Run works.
func (j *Journal) State() string { return j.status.text(j.name) }

// Run opens the journal, sends the backfill and, when following, every new
// matching entry until ctx is cancelled. It returns nil at a clean end
// (cancelled, or the end of the entries when not following).
func (j *Journal) Run(ctx context.Context, out chan<- []model.Record) error {
	j.status.set(journalOpening)
	s, err := openJournalSession(j.id, j.opts, out, &j.status)
	if err != nil {
		j.status.set(journalFailed)
		return err
	}
	defer s.close()
	s.onFollow = j.onFollow
	if j.pieceQuiet > 0 {
		s.pieceQuiet = j.pieceQuiet
	}
	if err := s.run(ctx); err != nil {
		j.status.set(journalFailed)
		return err
	}
	j.status.set(journalDone)
	return nil
}

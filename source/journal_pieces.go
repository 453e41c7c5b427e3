package source

import (
	"time"

	"connlog/model"
)

// Journal fields that say an entry is a piece of a longer line (see
// journalPiece).
const (
	journalFieldPartial   = "CONTAINER_PARTIAL_MESSAGE"
	journalFieldContainer = "CONTAINER_ID"
	journalFieldPartialID = "CONTAINER_PARTIAL_ID"
)

// journalFieldsOfPieces are read with every entry, the lean read's too: a
// raw export joins the pieces as well.
var journalFieldsOfPieces = []string{journalFieldPartial, journalFieldContainer, journalFieldPartialID}

// piece reads what the current entry says of its line's pieces. The
// container and the partial id matter only for a flagged entry or while a
// line is held: most entries cost one field. owner reads them always.
func (s *journalSession) piece(owner bool) journalPiece {
	p := journalPiece{partial: string(s.bytes(journalFieldPartial)) == "true"}
	if owner || p.partial || s.chains.holding() {
		p.container, p.partialID = s.bytes(journalFieldContainer), s.bytes(journalFieldPartialID)
	}
	return p
}

// streamFields reads the fields that name the current entry's stream
// besides its container (see journalStream), as consume reads them.
func (s *journalSession) streamFields() model.JournalFields {
	f := model.JournalFields{Identifier: s.value(journalFieldIdentifier)}
	if !s.lean() {
		f.Hostname, f.Unit = s.value(journalFieldHostname), s.value(journalFieldUnit)
	}
	return f
}

// addMark adds a gap or boundary record after the lines held for their
// pieces, sent as they stand: no line goes on across a loss or a new run.
func (s *journalSession) addMark(r model.Record, now time.Time) {
	s.chains.sendAll(&s.batch, now)
	s.batch.add(r, now)
}

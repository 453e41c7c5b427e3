package model

import "time"

// Pair describes an entry's place in its connection: the analytics events
// sharing a connection.id, or the newt/Pangolin records sharing a sessionId.
type Pair struct {
	// ID is the connection or session id.
	ID string
	// Partner is the Seq of the paired entry (the close of an established
	// connection, the establishment of a close), 0 when there is none yet.
	Partner int64
	// PartnerTime and PartnerEvent describe the partner when there is one.
	PartnerTime  time.Time
	PartnerEvent string
	// Open is true while an established connection has no close or failure.
	Open bool
	// Ended is true for failures and denials: "Error states will not have a
	// corresponding closed_connection event".
	Ended bool
}

// PairFinder answers pairing questions; the store implements it, and a
// streaming export uses a lighter one that knows only the past.
type PairFinder interface {
	PairOf(e *Entry) (Pair, bool)
}

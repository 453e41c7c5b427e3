package model

import "time"

// Eviction is what the memory budget cost a snapshot: the older lines that
// were evicted or never loaded, which every count, search and export of it
// leaves out. Each place that speaks of "everything" says so with it.
type Eviction struct {
	Lines  int64     // older lines evicted or not loaded (the front gap's count); 0 when none
	Before time.Time // the time of the oldest line held: the evicted lines came before it
	Held   int64     // the entries held after the front gap
	GapSeq int64     // the front gap entry's Seq, 0 when none
	// Earliest is the time of the earliest line read, evicted or held:
	// where the input begins, as far as connlog knows. It is zero when
	// some lines were counted without being read (a backfill that stopped
	// once the budget was full), whose times nobody knows.
	Earliest time.Time
}

// Partial reports whether the budget cost any line.
func (ev Eviction) Partial() bool { return ev.Lines > 0 }

// Eviction reads the front gap of the snapshot (see FrontGap): the zero
// Eviction when the budget cost nothing.
func (sn *Snapshot) Eviction() Eviction {
	seq, _ := sn.FrontGap()
	if seq == 0 {
		return Eviction{}
	}
	var e Entry
	if sn.Load(seq, &e, LoadIndex) != nil {
		return Eviction{}
	}
	n, _ := e.Fields.Num(KeyGapCount)
	return Eviction{Lines: int64(n), Before: e.Time, Held: int64(sn.Len() - 1), GapSeq: seq, Earliest: sn.earliest}
}

package source

import (
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// decodeStage turns one input's record batches into entry batches, in order.
// When the records end it flushes what the decoder holds and sends the final
// batch with the source's error. A quiet input's held partial line is shown
// after heldFlushAfter.
func decodeStage(i int, in Feed, records <-chan []model.Record, errc <-chan error, out chan<- decoded, free chan []model.Entry) {
	dec := decode.New(in.ID, in.Decode)
	quiet := time.NewTimer(heldFlushAfter)
	defer quiet.Stop()
	for {
		select {
		case batch, ok := <-records:
			if !ok {
				out <- decoded{input: i, entries: dec.Flush(nil), done: true, err: <-errc}
				return
			}
			es := entrySlice(free, len(batch))
			for r := range batch {
				es = dec.Decode(&batch[r], es)
			}
			if len(es) > 0 {
				out <- decoded{input: i, entries: es, front: len(batch) > 0 && batch[0].Backfill}
			}
			quiet.Reset(heldFlushAfter)
		case <-quiet.C:
			// A quiet input must not keep a partial line or an unfinished JSON
			// document hidden: show what is held, flagged partial.
			if es := dec.Flush(nil); len(es) > 0 {
				out <- decoded{input: i, entries: es}
			}
		}
	}
}

// entrySlice returns an empty slice for about n entries: one the merger has
// finished with when there is one, a new one otherwise.
func entrySlice(free chan []model.Entry, n int) []model.Entry {
	select {
	case es := <-free:
		if cap(es) >= n {
			return es
		}
	default:
	}
	return make([]model.Entry, 0, n)
}

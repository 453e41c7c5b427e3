// Package decode turns one source's records into entries: it removes each
// line's envelope (package envelope), joins the pieces of split lines and
// the lines of pretty-printed JSON documents, hands the payload to the
// payload parsers, and settles each entry's time, level and origin.
//
// A Decoder holds the little state a source needs (its envelope, the last
// time seen, a line being joined) and is used by one goroutine. Once its
// envelope is settled, the per-line work — envelope removal and payload
// parsing, nearly all of the cost — can be done by Preparers on other
// goroutines, a batch of records at a time, and the Decoder assembles the
// prepared batches in order (Assemble) with exactly the result Decode would
// give. With Options.LeanService and LeanAnalytics the commonest lines skip
// building their fields until Complete asks for them. Reparse is the
// stateless inverse the store uses to rebuild an entry from its raw bytes.
package decode

// Package decode turns one source's records into entries: it removes each
// line's envelope (package envelope), joins the pieces of split lines and
// the lines of pretty-printed JSON documents, hands the payload to the
// payload parsers, and settles each entry's time, level and origin.
//
// A Decoder holds the little state a source needs (its envelope, the last
// time seen, a line being joined) and is used by one goroutine. Reparse is
// the stateless inverse the store uses to rebuild an entry from its raw
// bytes.
package decode

package decode

// idle lets go of the blocks the next lines would be carved from. The
// entries already carved keep what they use, so this is safe at any time
// between lines; it costs the next lines fresh blocks and the next event a
// fresh memo. A block of fields holds values over the lines' own bytes,
// and with them the whole read buffer those lie in: an input gone quiet
// kept its last buffer alive through them, a few hundred KiB for each file
// followed. The other blocks and the memo hold copies, but cost up to
// 64 KiB (the slab), 70 KiB (the memo) and 48 KiB (the service lines'
// openings) a decoder, three decoders a file.
func (d *lineDecoder) idle() {
	d.index.fields, d.index.join, d.index.opens = nil, nil, nil
	d.slab.buf = nil
	d.memo = nil
}

// Idle lets go of the blocks the next lines would be carved from (see
// lineDecoder.idle): a Preparer whose source has no more lines for now
// must not keep the last ones' bytes alive.
func (p *Preparer) Idle() { p.ld.idle() }

// Idle is Preparer.Idle for a Decoder's own line decoding. What a Decoder
// holds for the lines to come (a split line, a JSON document or a block)
// stays: Flush sends it.
func (d *Decoder) Idle() { d.lineDecoder.idle() }

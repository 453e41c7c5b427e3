package export

// Flusher is implemented by the Writer New returns for every streaming
// format (all but bundle): Flush pushes what is buffered — in the format, in
// the compressor and in front of the destination — out to the io.Writer, so
// that a follow export feeding a pipeline shows each batch at once.
type Flusher interface {
	Flush() error
}

// streamFlusher is a format whose buffered output can be pushed out before
// the end.
type streamFlusher interface {
	flush() error
}

func (r *rawWriter) flush() error     { return r.w.Flush() }
func (t *textWriter) flush() error    { return t.w.Flush() }
func (n *ndjsonWriter) flush() error  { return n.w.Flush() }
func (j *journalWriter) flush() error { return j.w.Flush() }

func (c *csvWriter) flush() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.w.Flush()
}

// Flush implements Flusher. A bundle cannot be flushed before Close: its
// members are archived at the end, so Flush does nothing for it.
//
// A redacting export's record waits in its group for the record's next
// entry (see recordGroup): it is written first, or a followed export would
// hold its last line back until another came.
func (p *pipeline) Flush() error {
	if p.done {
		return errClosed
	}
	if p.err != nil {
		return p.err
	}
	if p.group != nil {
		if err := p.group.flush(); err != nil {
			return err
		}
	}
	f, ok := p.fw.(streamFlusher)
	if !ok {
		return nil
	}
	if err := f.flush(); err != nil {
		return writeError("write export", err)
	}
	if cf, ok := p.comp.(interface{ Flush() error }); ok {
		if err := cf.Flush(); err != nil {
			return writeError("flush compressed stream", err)
		}
	}
	return nil
}

var _ Flusher = (*pipeline)(nil)

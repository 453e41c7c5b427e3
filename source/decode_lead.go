package source

import (
	"connlog/model"
	"connlog/model/decode"
)

// maxLeadEntries is how many entries an input's forward read holds back
// while none has had a time of its own: a banner or a journalctl header of
// a few thousand lines still takes the first timed line's time (see
// decode.Decoder.SettleLead), and a log with no time at all is held for no
// longer than this many lines.
const maxLeadEntries = 1 << 16

// leadHold holds the entries of an input's forward read until the first
// one with a time of its own, however many jobs the lines before it span.
type leadHold struct {
	dec *decode.Decoder
	es  []model.Entry
}

// take settles a job's entries and returns those to send now: none while
// every entry so far is a lead and fewer than maxLeadEntries are held.
func (h *leadHold) take(es []model.Entry) []model.Entry {
	if len(h.es) == 0 {
		h.dec.SettleLead(es)
		if !h.dec.LeadOpen() || len(es) == 0 {
			return es
		}
		h.es = es // the job's own: assemble hands it over
	} else {
		h.es = append(h.es, es...)
		h.dec.SettleLead(h.es)
	}
	if h.dec.LeadOpen() && len(h.es) < maxLeadEntries {
		return nil
	}
	return h.release()
}

// held reports whether entries are held back.
func (h *leadHold) held() bool { return len(h.es) > 0 }

// release returns what is held, as it stands: at the end of the input, or
// once it has read what it holds, the leads keep the time they were read.
func (h *leadHold) release() []model.Entry {
	es := h.es
	h.es = nil
	return es
}

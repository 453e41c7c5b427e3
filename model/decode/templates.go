package decode

import (
	"encoding/binary"

	"connlog/model"
	"connlog/model/mask"
	"connlog/model/payload"
)

// maxTemplates bounds the templates one decoder folds lines into: a
// connector's service lines fold into a few hundred, so a source that
// keeps making new ones is not repeating itself, and its lines are left
// for the triage views to mask (Entry.Template "").
const maxTemplates = 4096

// templateFolder folds service lines into their templates while they are
// decoded (Options.Templates), on the goroutine that prepares them, so
// that the store keeps each line's template beside its fields and a count
// of templates need not read the lines again. One folder serves one
// goroutine: each Preparer has its own.
type templateFolder struct {
	known  map[string]string
	recent [recentSlots]string // templates of known, by recentSlot
	buf    []byte
}

// recentSlots is how many templates a folder finds without hashing the
// whole template for the map: a connector's service lines fold into a few
// hundred, which repeat.
const (
	recentBits  = 9
	recentSlots = 1 << recentBits
)

func newTemplateFolder(on bool) *templateFolder {
	if !on {
		return nil
	}
	return &templateFolder{known: map[string]string{}}
}

// fold sets e.Template when e is a service line with a payload: the
// template the triage views would make of it (ServiceTemplate), one shared
// string per template.
func (f *templateFolder) fold(e *model.Entry) { f.foldAfter(e, mask.Opening{}) }

// foldAfter is fold for an entry whose payload begins with bytes whose
// mask.Opening is o: masking starts past those o knows to hold nothing
// to mask. Those bytes are a remembered opening (see openings), which
// holds no colour and begins with a level tag, not a time: ServiceLine
// leaves them at the front of the line.
func (f *templateFolder) foldAfter(e *model.Entry, o mask.Opening) {
	if f == nil || e.Kind != model.KindService || len(e.Payload) == 0 {
		return
	}
	f.buf = mask.ServiceAfter(f.buf[:0], payload.ServiceLine(e.Payload), o)
	slot := &f.recent[recentSlot(f.buf)]
	if *slot == string(f.buf) && *slot != "" {
		e.Template = *slot
		return
	}
	if s, ok := f.known[string(f.buf)]; ok {
		e.Template, *slot = s, s
		return
	}
	if len(f.known) < maxTemplates {
		s := string(f.buf)
		f.known[s] = s
		e.Template, *slot = s, s
	}
}

// recentSlot picks the slot of f.recent a template may be found in, from
// its length and a few of its bytes: templates differ in their words and
// length, and a template that shares its slot is found in the map.
func recentSlot(t []byte) int {
	h := uint64(len(t))
	if len(t) >= 16 {
		h ^= binary.LittleEndian.Uint64(t[len(t)/2:]) ^ binary.LittleEndian.Uint64(t[len(t)-8:])*31
	}
	h *= 0x9E3779B97F4A7C15 // Fibonacci hashing: the high bits mix all of h
	return int(h >> (64 - recentBits))
}

// ServiceTemplate appends the template of a service entry's payload: the
// service line its parse reads (payload.ServiceLine: without colours, and
// without a time its writer put in front of it, which the entry's time
// says), masked without its level bracket (mask.Service). A connector's
// line has the same template whether its time came in an envelope or in
// the line itself.
func ServiceTemplate(dst, p []byte) []byte {
	return mask.Service(dst, payload.ServiceLine(p))
}

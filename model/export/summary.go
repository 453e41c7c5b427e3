package export

import (
	"strconv"
	"unicode/utf8"

	"connlog/model"
	"connlog/model/inert"
)

// Summary returns the one-line description of an entry that the text format
// and the UI's mixed-kind table show: for a connection its event, user,
// resource, client and traffic; for a service line its module and message;
// and so on for each kind. It is already sanitised (see Sanitize), so it is
// safe to print.
func Summary(e *model.Entry) string {
	return string(appendSummary(nil, e))
}

// SummaryHead is the start of Summary(e), cut once about limit bytes are
// written (never for 0), and whole reports whether it is all of it: what
// a table row can show of a summary with a 100 KB field costs what the
// row shows.
func SummaryHead(e *model.Entry, limit int) (head string, whole bool) {
	s := summary{limit: max(limit, 0)}
	s.build(e)
	return string(s.dst), !s.cut
}

// appendSummary appends Summary(e) to dst, for writers that reuse a buffer.
func appendSummary(dst []byte, e *model.Entry) []byte {
	s := summary{dst: dst}
	s.build(e)
	return s.dst
}

// build appends the summary of e to s.dst.
func (s *summary) build(e *model.Entry) {
	dst := s.dst
	switch e.Kind {
	case model.KindAnalytics:
		s.analytics(e)
	case model.KindService:
		s.service(e)
	case model.KindAudit:
		s.audit(e)
	case model.KindFlow:
		s.flow(e)
	case model.KindSession:
		s.session(e)
	case model.KindGap:
		s.gap(e)
	case model.KindBoundary:
		s.boundary(e)
	default:
		s.add(messageOrWhyNot(e))
	}
	if len(s.dst) == len(dst) && e.Flags.Has(model.FlagParseError) {
		// A record cut short (an ANALYTICS line truncated) has none of the
		// fields its kind shows: show what the line holds instead of a
		// blank row; the detail says what is wrong with it.
		s.add(string(e.Payload))
	}
}

// messageOrWhyNot is the entry's message or, when the entry could not be
// loaded in full (its raw bytes could not be read back, say) or its message
// could not be read from the journal, the reason, so that a row is never
// left blank without saying why.
func messageOrWhyNot(e *model.Entry) string {
	if m := e.Message(); m != "" {
		return m
	}
	return e.Problem()
}

// summary builds a line of space-separated, sanitised parts, skipping the
// empty ones so that a record missing a field reads naturally.
type summary struct {
	dst   []byte
	limit int  // of the parts' bytes read, 0 for none (see SummaryHead)
	cut   bool // a part was cut at limit: nothing more is added
}

// add appends the parts, sanitised, as one space-separated word group.
func (s *summary) add(parts ...string) {
	empty := true
	for _, p := range parts {
		if p != "" {
			empty = false
			break
		}
	}
	if empty || s.cut {
		return
	}
	if len(s.dst) > 0 {
		s.dst = append(s.dst, ' ')
	}
	for _, p := range parts {
		if s.limit > 0 && len(s.dst)+len(p) > s.limit {
			p, s.cut = p[:runeStart(p, max(s.limit-len(s.dst), 0))], true
		}
		s.dst = inert.AppendSanitized(s.dst, p)
		if s.cut {
			return
		}
	}
}

// addIf appends label and value only when value is set: "rx 1.2KB".
func (s *summary) addIf(label, value string) {
	if value != "" {
		s.add(label, value)
	}
}

func (s *summary) analytics(e *model.Entry) {
	f := e.Fields
	s.add(f.Value(model.KeyEventType))
	s.add(firstOf(f.Value(model.KeyUserEmail), f.Value(model.KeyUserID)))
	resource := firstOf(f.Value(model.KeyResourceAddr), f.Value(model.KeyResourceIP))
	s.addIf("→ ", model.HostPort(resource, f.Value(model.KeyResourcePort)))
	s.add(f.Value(model.KeyProtocol))
	if ip := f.Value(model.KeyClientIP); ip != "" {
		s.add("from ", ip)
		s.addIf("", paren(f.Value(model.KeyCountry)))
	}
	s.add(f.Value(model.KeyTunnelPath))
	s.addIf("rx ", model.FieldBytes(f, model.KeyRx))
	s.addIf("tx ", model.FieldBytes(f, model.KeyTx))
	s.add(model.FieldDuration(f, model.KeyDuration))
	s.addIf("error: ", f.Value(model.KeyErrorMessage))
}

func (s *summary) service(e *model.Entry) {
	f := e.Fields
	if m := firstOf(f.Value(model.KeyModule), f.Value(model.KeyLibrary)); m != "" {
		s.add("[", m, "]")
	}
	msg := messageOrWhyNot(e)
	if fn := f.Value(model.KeyFunction); fn != "" && !hasPrefix(msg, fn) {
		s.add(fn, ":")
	}
	s.add(msg)
}

func (s *summary) audit(e *model.Entry) {
	f := e.Fields
	if model.IsLinuxAudit(f) {
		s.auditd(f)
		return
	}
	s.add(f.Value(model.KeyLogType))
	s.add(f.Value(model.KeyAction))
	s.add(firstOf(f.Value(model.KeyAuditUserName), f.Value(model.KeyAuditUserID)))
	switch f.Value(model.KeyAccessGranted) {
	case "true":
		s.add("granted")
	case "false":
		s.add("denied")
		s.add(paren(f.Value(model.KeyDeniedReason)))
	}
	s.addIf("from ", f.Value(model.KeyAuditClientIP))
	s.add(f.Value(model.KeyMethod))
	s.add(f.Value(model.KeyPath))
	s.add(f.Value(model.KeyStatusCode))
	s.add(f.Value(model.KeyMessage))
}

// auditdKeys are the pairs of a Linux audit record that say what happened,
// in the order a summary shows them.
var auditdKeys = []string{"op", "operation", "apparmor", "acct", "comm", "exe", "name", "addr", "terminal", "key", "res", "success"}

// auditd summarises a Linux audit record: its type, the telling pairs as
// written, and the words that were not pairs (an AVC's "avc: denied …").
func (s *summary) auditd(f model.Fields) {
	s.add(f.Value(model.KeyAuditType))
	for _, k := range auditdKeys {
		if v, ok := f.Get(k); ok {
			s.add(k, "=", v.Value)
		}
	}
	s.add(f.Value(model.KeyMessage))
}

func (s *summary) flow(e *model.Entry) {
	f := e.Fields
	s.add(f.Value(model.KeyTraffic))
	s.add(f.Value(model.KeyFlowProto))
	s.add(f.Value(model.KeySrc))
	s.addIf("→ ", f.Value(model.KeyDst))
	s.addIf("tx ", counts(f, model.KeyTxBytes, model.KeyTxPkts))
	s.addIf("rx ", counts(f, model.KeyRxBytes, model.KeyRxPkts))
}

func (s *summary) session(e *model.Entry) {
	f := e.Fields
	s.add(f.Value(model.KeyPhase))
	s.add(f.Value(model.KeySessProtocol))
	s.add(f.Value(model.KeySourceAddr))
	s.addIf("→ ", f.Value(model.KeyDestAddr))
	s.addIf("resource ", firstOf(f.Value(model.KeyResourceName), f.Value(model.KeySiteResource)))
	s.add(f.Value(model.KeySessUserEmail))
	s.addIf("tx ", model.FieldBytes(f, model.KeyBytesTx))
	s.addIf("rx ", model.FieldBytes(f, model.KeyBytesRx))
	s.add(model.FieldDuration(f, model.KeySessDuration))
	s.add(paren(f.Value(model.KeyEndReason)))
}

func (s *summary) gap(e *model.Entry) {
	if m := e.Fields.Value(model.KeyMessage); m != "" {
		s.add(m)
		return
	}
	// A gap without its message (built by hand, or by an older store) is
	// worded from its reason and count, as the decoder words it.
	n, _ := e.Fields.Num(model.KeyGapCount)
	s.add(model.GapMessage(e.Fields.Value(model.KeyGapReason), int64(n)))
}

func (s *summary) boundary(e *model.Entry) {
	if m := e.Fields.Value(model.KeyMessage); m != "" {
		s.add(m)
		return
	}
	s.add(firstOf(e.Fields.Value(model.KeyBoundary), "boundary"))
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// counts formats bytes and packets of a flow direction: "1.6KB/16p";
// bytes that are not known (an item cut short) are "?", and a direction
// of which nothing is known is "".
func counts(f model.Fields, bytesKey, pktsKey string) string {
	b := model.FieldBytes(f, bytesKey)
	p, ok := f.Num(pktsKey)
	if !ok {
		return b
	}
	if b == "" {
		b = "?"
	}
	return b + "/" + strconv.FormatFloat(p, 'f', -1, 64) + "p"
}

// runeStart moves i back to the start of the character it falls in, so
// that a part cut there is cleaned as the start of the whole part is.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return min(i, len(s))
}

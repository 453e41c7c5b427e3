package export

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"connlog/internal/shellquote"
	"connlog/model"
)

// manifestVersion is bumped when manifest.json changes shape.
const manifestVersion = 1

// maxManifestGaps bounds the gap list, so that a range with a storm of
// losses keeps the manifest (built in memory) small; the rest are counted.
const maxManifestGaps = 1000

// manifest is manifest.json. Field order is the JSON key order.
type manifest struct {
	FormatVersion  int               `json:"format_version"`
	ConnlogVersion string            `json:"connlog_version"`
	Created        string            `json:"created"`
	Host           string            `json:"host,omitempty"` // left out when no host is known
	Query          string            `json:"query"`
	MutedTemplates []string          `json:"muted_templates,omitempty"`
	Redacted       bool              `json:"redacted"`
	TimeRange      timeRange         `json:"time_range"`
	EntriesRange   timeRange         `json:"entries_time_range"`
	Sources        []*manifestSource `json:"sources"`
	Entries        int64             `json:"entries"`
	Kinds          map[string]int64  `json:"kinds"`
	Levels         map[string]int64  `json:"levels"`
	Hosts          map[string]int64  `json:"hosts,omitempty"`
	Gaps           []manifestGap     `json:"gaps"`
	GapsOmitted    int64             `json:"gaps_omitted"`
	Members        []manifestMember  `json:"members"`
	Reopen         string            `json:"reopen"`
	Note           string            `json:"note,omitempty"`
	sources        map[model.SourceID]*manifestSource
	first, last    time.Time
	hostNamed      bool     // the caller named the host; else it is learned (hostSeen)
	seenHosts      []string // the entries' hosts, sorted in hostText
	hostOutsideRaw bool     // an entry's host is not in its line (a journal's, a log store's)
	redactor       *Redactor
	words          *wordAddrs        // the query's addresses, as the records kept or replaced them
	terms          *queryTerms       // the query's terms kept as typed, as the records selected them
	number         func(int64) int64 // the number a Seq is written as (Options.Number)
}

type timeRange struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// manifestSource is one input and the part of it the bundle holds: byte
// offsets for files, cursors for the journal.
type manifestSource struct {
	ID          int    `json:"id"`
	Name        string `json:"name"`
	Path        string `json:"path,omitempty"`
	Inode       uint64 `json:"inode,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Entries     int64  `json:"entries"`
	FirstOffset *int64 `json:"first_offset,omitempty"`
	LastOffset  *int64 `json:"last_offset,omitempty"`
	EndOffset   *int64 `json:"end_offset,omitempty"` // just past the last line and its newline
	FirstCursor string `json:"first_cursor,omitempty"`
	LastCursor  string `json:"last_cursor,omitempty"`
}

// manifestGap is a gap of the range. Its count is left out when the size
// of what is missing is unknown, as ndjson leaves out gap.count: 0 would
// read as nothing missing (model.GapFields).
type manifestGap struct {
	Seq     int64  `json:"seq"`
	Time    string `json:"time,omitempty"`
	Source  string `json:"source"`
	Reason  string `json:"reason"`
	Count   int64  `json:"count,omitempty"`
	Message string `json:"message"`
}

type manifestMember struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func newManifest(opts Options) *manifest {
	m := &manifest{
		FormatVersion: manifestVersion, ConnlogVersion: opts.Bundle.Version, Host: opts.Bundle.Host,
		Query: opts.Bundle.Query, MutedTemplates: opts.Bundle.Muted, Redacted: opts.Redact != nil,
		Kinds: map[string]int64{}, Levels: map[string]int64{}, Gaps: []manifestGap{},
		sources: map[model.SourceID]*manifestSource{}, hostNamed: opts.Bundle.Host != "",
		redactor: opts.Redact, words: opts.words, terms: opts.terms, number: opts.number,
	}
	if opts.Hosts {
		m.Hosts = map[string]int64{}
	}
	for _, s := range opts.Sources {
		ms := &manifestSource{ID: int(s.ID), Name: s.Name, Path: s.Path, Inode: s.Inode, Unit: s.Unit}
		m.sources[s.ID] = ms
		m.Sources = append(m.Sources, ms)
	}
	if m.Redacted {
		m.redact(opts.Redact)
	}
	return m
}

// redact replaces the personal data of the host and the muted templates
// as the members' is replaced, and says so in the note: the manifest must
// not give away what the members hide. The query is redacted at the end
// (redactQuery), once the records said what they replaced.
func (m *manifest) redact(r *Redactor) {
	m.Note = "redacted: personal data in raw.log and the other members was replaced, so raw.log is not byte-identical to the source"
	// The host the caller named, as the entries' hosts are.
	m.Host = redactName(r, m.Host)
	// A copy: the caller's list is the interface's own.
	m.MutedTemplates = slices.Clone(m.MutedTemplates)
	for i, t := range m.MutedTemplates {
		m.MutedTemplates[i] = redactLoose(r, t)
	}
}

// redactQuery replaces the personal data of the query with the pseudonyms
// the members hold, an address it searches as a word as the records
// decided it (see wordAddrs), and a term of no personal data of its own as
// the records rewrote it (see queryTerms), and says in the note whether
// reopen still selects the exported entries of raw.log, and if not, which
// terms select others.
func (m *manifest) redactQuery() {
	var words wordAddr
	if m.words != nil {
		words = m.words.word
	}
	typed, inexact, unchecked := m.Query, []string(nil), 0
	if m.terms != nil {
		// The terms it rewrites are pseudonyms and text that the
		// redaction of the rest does not change.
		typed, inexact, unchecked = m.terms.rewrite()
	}
	q, exact := redactQueryWords(m.redactor, typed, words)
	if q != m.Query {
		m.Note += "; the query's was replaced with the same pseudonyms"
		if exact && len(inexact) == 0 && unchecked == 0 {
			m.Note += ", so that reopen selects the same entries of " + m.reopened()
		}
	}
	if !exact {
		m.Note += "; a pattern on personal data was blanked, an id written as a number other than its digits " +
			"(with a point or an exponent) was given the pseudonym of its digits, or an address it searches as a word was replaced " +
			"in some records and not in others: reopen selects other entries than the export did"
	}
	if len(inexact) > 0 {
		m.Note += "; redaction changed what these terms of the query match, so reopen selects other entries of " + m.reopened() + " " +
			"than they did of the source: " + strings.Join(inexact, ", ")
	}
	if unchecked > 0 {
		terms := strconv.Itoa(unchecked) + " terms were"
		if unchecked == 1 {
			terms = "term was"
		}
		m.Note += "; the query's last " + terms + " not checked against the redaction (past its first " +
			strconv.Itoa(maxFollowedTerms) + "): where one matches text the redaction replaced, reopen selects other entries of " +
			m.reopened() + " than it did of the source"
	}
	m.Query = q
}

// observe counts e and extends its source's range.
func (m *manifest) observe(e *model.Entry) {
	m.Entries++
	m.Kinds[e.Kind.String()]++
	m.Levels[e.Level.String()]++
	m.hostSeen(e)
	if m.Hosts != nil {
		m.Hosts[e.Origin.HostName()]++
	}
	if !e.Time.IsZero() {
		if m.first.IsZero() || e.Time.Before(m.first) {
			m.first = e.Time
		}
		if e.Time.After(m.last) {
			m.last = e.Time
		}
	}
	if e.Kind == model.KindGap {
		m.addGap(e)
	}
	m.source(e.Source).extend(e)
}

// addSources lists inputs that joined the export as it ran.
func (m *manifest) addSources(infos []SourceInfo) {
	for _, s := range infos {
		ms := m.source(s.ID)
		ms.Name, ms.Path, ms.Inode, ms.Unit = s.Name, s.Path, s.Inode, s.Unit
	}
}

func (m *manifest) source(id model.SourceID) *manifestSource {
	s, ok := m.sources[id]
	if !ok {
		s = &manifestSource{ID: int(id)}
		m.sources[id] = s
		m.Sources = append(m.Sources, s)
	}
	return s
}

func (s *manifestSource) extend(e *model.Entry) {
	s.Entries++
	if off := e.Origin.Offset; off >= 0 {
		if s.FirstOffset == nil {
			s.FirstOffset = new(int64)
			*s.FirstOffset = off
		}
		last, end := off, lineEnd(e)
		s.LastOffset = &last
		// The furthest line's end, which a store's time order may not put last.
		if s.EndOffset == nil || end > *s.EndOffset {
			s.EndOffset = &end
		}
	}
	if j := e.Origin.Journal; j != nil && j.Cursor != "" {
		if s.FirstCursor == "" {
			s.FirstCursor = j.Cursor
		}
		// Where reading ended: a joined line's last piece, and the furthest
		// of the range's entries, which a store's time order may not put
		// last (a joined line sorts at its first piece, before the lines
		// read between its pieces). --after-cursor resumes there.
		end := j.Cursor
		if j.EndCursor != "" {
			end = j.EndCursor
		}
		if s.LastCursor == "" || !cursorBefore(end, s.LastCursor) {
			s.LastCursor = end
		}
	}
}

// lineEnd is the offset just past e's line in its file: past its newline,
// where the next line begins (tail -c +$((end_offset+1)) resumes there),
// but for a line that had none (the input's last, or one flushed partial).
func lineEnd(e *model.Entry) int64 {
	end := e.Origin.Offset + int64(len(e.Raw))
	if !e.Flags.Has(model.FlagNoNewline) && !e.Flags.Has(model.FlagPartial) {
		end++
	}
	return end
}

func (m *manifest) addGap(e *model.Entry) {
	if len(m.Gaps) >= maxManifestGaps {
		m.GapsOmitted++
		return
	}
	count, _ := e.Fields.Num(model.KeyGapCount)
	m.Gaps = append(m.Gaps, manifestGap{
		Seq: m.number(e.Seq), Time: rfc3339(e.Time), Source: m.source(e.Source).Name,
		Reason: e.Fields.Value(model.KeyGapReason), Count: int64(count), Message: Summary(e),
	})
}

// finish fills what is known only at the end.
func (m *manifest) finish(opts Options, members []manifestMember, now time.Time) {
	m.Created = rfc3339(now)
	m.Host = m.hostText()
	m.EntriesRange = timeRange{From: rfc3339(m.first), To: rfc3339(m.last)}
	m.TimeRange = m.EntriesRange
	if !opts.Bundle.From.IsZero() || !opts.Bundle.To.IsZero() {
		m.TimeRange = timeRange{From: rfc3339(opts.Bundle.From), To: rfc3339(opts.Bundle.To)}
	}
	m.Members = members
	if m.Redacted {
		m.redactQuery()
	}
	m.Reopen = reopenCommand(m.Query, m.reopened())
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// reopenCommand is the command that shows the same view from member of
// the extracted bundle, with the query quoted for a POSIX shell.
func reopenCommand(query, member string) string {
	if strings.TrimSpace(query) == "" {
		return "connlog " + member
	}
	return "connlog -q " + shellquote.Quote(query) + " " + member
}

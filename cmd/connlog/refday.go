package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source"
)

// tailProbeBytes is how much of the end of a plain file (or of the head
// of any) is read first to find its newest (oldest) entry: enough for many
// lines however long they are (a journal JSON line is a few KiB), little
// enough to cost nothing on a slow disk.
const tailProbeBytes = 256 << 10

// farProbeBytes is how far a probe reads on when the first bytes held no
// line with a time: a crash's goroutine dump at the end of a log, or a
// long banner at its head, runs to megabytes of lines without one.
const farProbeBytes = 16 << 20

// dayRule says how the day of a time written without a date was found.
type dayRule uint8

const (
	dayToday  dayRule = iota // a live journal or the demo: today, as journalctl does
	dayNewest                // the newest entry of the inputs, found before reading them
	dayFirst                 // standard input: the first batch read (a pipe cannot be read twice)
)

// dataDay is what a time written without a date is placed by: last, the
// newest entry's time, gives its day; first, the oldest entry's when it is
// known, lets a time that day puts outside the data fall on the day before
// or after (see query.Options.First). rule says how last was found.
type dataDay struct {
	first, last time.Time
	rule        dayRule
	stream      string // dayFirst: what the first lines are read from, as a note names it
}

// options gives opt the day of the data, and its span when both ends are known.
func (d dataDay) options(opt query.Options) query.Options {
	opt.Day = d.last
	if d.rule != dayToday && !d.first.IsZero() {
		opt.First, opt.Last = d.first, d.last
	}
	return opt
}

// referenceDay finds the day a time written without a date (--since 08:00,
// -q 'since:08:00') falls on: the day of the newest entry of the inputs. A
// live journal's newest entry is today's. Files are probed at their end
// (plain files) or read through (compressed ones, only when no plain file
// has an entry); standard input cannot be read twice, so its day is that of
// the first entry, settled as it arrives. A zero day means today. The
// oldest entry is found too, at the journal's head or the plain files'
// (the compressed files' when they were read through). A log store is asked
// for both (storeDay).
func referenceDay(ctx context.Context, cfg Config, stdin io.Reader) dataDay {
	switch {
	case cfg.Demo:
		return dataDay{rule: dayToday}
	case cfg.Remote.VictoriaLogs != "":
		return storeDay(ctx, cfg)
	case copiedJournal(cfg):
		t, _ := newestJournalEntry(ctx, cfg)
		if t.IsZero() {
			return dataDay{rule: dayNewest}
		}
		return dataDay{first: oldestJournalEntry(ctx, cfg), last: t, rule: dayNewest}
	case len(cfg.Files) == 0: // this machine's journal
		return dataDay{rule: dayToday}
	}
	inputs, err := source.ExpandInputs(cfg.Files, cfg.WithRotated)
	if err != nil {
		return dataDay{rule: dayToday} // buildFeeds reports the error
	}
	dec := decode.Options{Envelope: cfg.Envelope, Location: time.Local}
	var files []source.Feed // every file, its Source left for the probes
	var inputPaths []string
	var streams []string // standard input, a named pipe: read once, as they come
	for i, in := range inputs {
		if in.Path == source.StdinPath {
			streams = append(streams, "standard input")
			continue
		}
		if !regularFile(in.Path) {
			streams = append(streams, in.Path)
			continue
		}
		d := dec
		d.Reference = modTime(statInput(in.Path))
		files = append(files, source.Feed{ID: model.SourceID(i), Decode: d})
		inputPaths = append(inputPaths, in.Path)
	}
	return filesDay(ctx, files, inputPaths, streams)
}

// filesDay is referenceDay for files (paths, fed as feeds say): the
// newest entry at the end of the plain files, or, when none has one, of
// the compressed files read through; the oldest at the head of every file,
// a compressed one decompressed as far as its head, so that a night split
// over yesterday's rotated file and today's begins where yesterday's does.
func filesDay(ctx context.Context, feeds []source.Feed, paths []string, streams []string) dataDay {
	if last := probedEnd(ctx, feeds, paths, false); !last.IsZero() {
		// The heads are read only now that the tails gave the day.
		return dataDay{first: probedEnd(ctx, feeds, paths, true), last: last, rule: dayNewest}
	}
	var whole []source.Feed
	for i, f := range feeds {
		if source.StartsCompressed(paths[i]) {
			f.Source = source.NewInput(source.Input{Path: paths[i]}, f.ID, source.FileOptions{}, nil)
			whole = append(whole, f)
		}
	}
	if first, last, _ := spanOf(ctx, whole); !last.IsZero() {
		return dataDay{first: first, last: last, rule: dayNewest}
	}
	if len(streams) > 0 {
		return dataDay{rule: dayFirst, stream: strings.Join(streams, " and ")}
	}
	return dataDay{rule: dayToday}
}

// probedEnd is the oldest entry at the heads of the files (head), or the
// newest at their ends (a compressed file has none to probe); zero when
// none has one.
func probedEnd(ctx context.Context, feeds []source.Feed, paths []string, head bool) time.Time {
	var end time.Time
	for i, f := range feeds {
		t := fileEnd(ctx, f, paths[i], head)
		if !t.IsZero() && (end.IsZero() || head && t.Before(end) || !head && t.After(end)) {
			end = t
		}
	}
	return end
}

// fileEnd is the oldest entry at the head of the file at path (head), or
// the newest at its end, probed in its first (last) tailProbeBytes, and as
// far as farProbeBytes when those hold no line with a time; zero when
// there is none.
func fileEnd(ctx context.Context, f source.Feed, path string, head bool) time.Time {
	for _, size := range []int{tailProbeBytes, farProbeBytes} {
		if f.Source = probeSource(path, f.ID, head, size); f.Source == nil {
			return time.Time{}
		}
		first, last, _ := spanOf(ctx, []source.Feed{f})
		if head && !first.IsZero() {
			return first
		}
		if !head && !last.IsZero() {
			return last
		}
	}
	return time.Time{}
}

// regularFile reports whether path names a regular file (following a
// symlink), without opening it: a named pipe's open would wait for a
// writer, and its lines can be read only once.
func regularFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// datelessTimes reports whether the command line writes a time without a
// date, in -q, --since or --until, whose day must then be found.
func datelessTimes(cfg Config) bool {
	q, err := query.Compile(cfg.Query, cfg.timeOptions())
	return err == nil && q.NeedsDay() || query.NeedsDay(cfg.SinceText) || query.NeedsDay(cfg.UntilText)
}

// probeSource reads the first (head) or the last whole lines of a file,
// up to size bytes, as a stream, which reads the journal export format
// as a journal, as standard input does: a journal export file's tail
// begins at the first whole entry in it (its lines alone have no time).
// A compressed file has a head (decompressed) but no tail to probe: nil.
func probeSource(path string, id model.SourceID, head bool, size int) source.Source {
	buf, whole, ok := probeBytes(path, head, size)
	if !ok {
		return nil
	}
	cut := []byte{'\n'}
	if source.IsJournalExportFile(path) {
		cut = []byte("\n\n") // an entry ends with an empty line
	}
	switch {
	case whole:
	case head: // the last line is cut: end before it
		if i := bytes.LastIndex(buf, cut); i >= 0 {
			buf = buf[:i+len(cut)]
		}
	default: // the first line is cut: start after it
		if i := bytes.Index(buf, cut); i >= 0 {
			buf = buf[i+len(cut):]
		}
	}
	return source.NewInput(source.Input{Path: source.StdinPath}, id, source.FileOptions{}, bytes.NewReader(buf))
}

// probeBytes returns the first or the last size bytes a file holds (its
// head decompressed), and whether they are all it holds; ok is false when
// they cannot be read, or for the tail of a compressed file.
func probeBytes(path string, head bool, size int) (buf []byte, whole, ok bool) {
	if head {
		buf, _, err := source.HeadOf(path, size+1)
		if err != nil {
			return nil, false, false
		}
		return buf[:min(len(buf), size)], len(buf) <= size, true
	}
	if source.StartsCompressed(path) {
		return nil, false, false
	}
	f, err := source.OpenRegular(path)
	if err != nil {
		return nil, false, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, false, false
	}
	from := max(fi.Size()-int64(size), 0)
	buf = make([]byte, fi.Size()-from)
	n, _ := f.ReadAt(buf, from)
	return buf[:n], from == 0, true
}

// newestJournalEntry is the time and host of the newest entry of the
// journal cfg reads (copied from another host with -D or --file, or this
// machine's), of the units asked for, whatever the window.
func newestJournalEntry(ctx context.Context, cfg Config) (time.Time, string) {
	j := journalEndsOptions(cfg)
	j.Lines = 1
	dec := decode.Options{Envelope: cfg.Envelope, Location: time.Local}
	return newestOf(ctx, []source.Feed{{ID: 0, Source: source.NewJournal(0, j), Decode: dec}})
}

// newestOf reads feeds through and returns the time and host of the
// newest entry, zero and "" when there is none.
func newestOf(ctx context.Context, feeds []source.Feed) (newest time.Time, host string) {
	_, newest, host = spanOf(ctx, feeds)
	return newest, host
}

// spanOf reads feeds through and returns the times of the oldest and the
// newest entry, and the host of the newest; zero and "" when there is none.
func spanOf(ctx context.Context, feeds []source.Feed) (oldest, newest time.Time, host string) {
	if len(feeds) == 0 {
		return oldest, newest, host
	}
	source.Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
		for i := range es {
			// A time the line did not give (a file of untimed lines takes the
			// time it was read) says nothing of the day of the data.
			e := &es[i]
			if !datedEntry(e) {
				continue
			}
			if t := e.Time; t.After(newest) {
				newest, host = t, e.Origin.HostName()
			}
			if t := e.Time; oldest.IsZero() || t.Before(oldest) {
				oldest = t
			}
		}
	}, nil)
	return oldest, newest, host
}

// copiedJournal reports whether the inputs are journal files from
// elsewhere (-D, --file) rather than this machine's journal.
func copiedJournal(cfg Config) bool {
	return len(cfg.Files) == 0 && !cfg.Demo && (cfg.Directory != "" || len(cfg.JournalFile) > 0)
}

// startHost is the host the title names from the start: this machine's
// for its journal; none for a copied journal, whose own host is that of its
// newest entry, named once it is read (see sendCopiedHost).
func startHost(cfg Config) string {
	if copiedJournal(cfg) {
		return ""
	}
	h, _ := os.Hostname()
	return h
}

// newestHost is the host of the newest entry store holds, "" when it holds
// none or the entry names none.
func newestHost(store *model.Store) string {
	sn := store.Snapshot()
	newest := sn.End() - 1
	if newest == 0 {
		newest = -1 // Seqs skip 0: a store only prepended to ends at -1
	}
	var e model.Entry
	if !sn.Has(newest) || sn.Load(newest, &e, model.LoadIndex) != nil {
		return ""
	}
	return e.Origin.HostName()
}

// hasTime reports whether t is a real entry time (a line without one may
// carry the zero time or the Unix epoch).
func hasTime(t time.Time) bool { return t.Unix() > 0 }

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source"
)

// tailProbeBytes is how much of the end of a plain file is read to find its
// newest entry: enough for many lines however long they are (a journal
// JSON line is a few KiB), little enough to cost nothing on a slow disk.
const tailProbeBytes = 256 << 10

// dayRule says how the day of a time written without a date was found.
type dayRule uint8

const (
	dayToday  dayRule = iota // a live journal or the demo: today, as journalctl does
	dayNewest                // the newest entry of the inputs, found before reading them
	dayFirst                 // standard input: the first entry read (a pipe cannot be read twice)
)

// referenceDay finds the day a time written without a date (--since 08:00,
// -q 'since:08:00') falls on: the day of the newest entry of the inputs. A
// live journal's newest entry is today's. Files are probed at their end
// (plain files) or read through (compressed ones, only when no plain file
// has an entry); standard input cannot be read twice, so its day is that of
// the first entry, settled as it arrives. A zero day means today.
func referenceDay(ctx context.Context, cfg Config, stdin io.Reader) (time.Time, dayRule) {
	switch {
	case cfg.Demo:
		return time.Time{}, dayToday
	case copiedJournal(cfg):
		t, _ := newestJournalEntry(ctx, cfg)
		return t, dayNewest
	case len(cfg.Files) == 0: // this machine's journal
		return time.Time{}, dayToday
	}
	inputs, err := source.ExpandInputs(cfg.Files, cfg.WithRotated)
	if err != nil {
		return time.Time{}, dayToday // buildFeeds reports the error
	}
	dec := decode.Options{Envelope: cfg.Envelope, Location: time.Local}
	var plain, whole []source.Feed
	hasStdin := false
	for i, in := range inputs {
		d := dec
		d.Reference = modTime(statInput(in.Path))
		switch {
		case in.Path == source.StdinPath:
			hasStdin = true
		case in.Follow:
			if src := tailSource(in.Path, model.SourceID(i)); src != nil {
				plain = append(plain, source.Feed{ID: model.SourceID(i), Source: src, Decode: d})
			}
		default:
			src := source.NewInput(source.Input{Path: in.Path}, model.SourceID(i), source.FileOptions{}, nil)
			whole = append(whole, source.Feed{ID: model.SourceID(i), Source: src, Decode: d})
		}
	}
	for _, feeds := range [][]source.Feed{plain, whole} {
		if t, _ := newestOf(ctx, feeds); !t.IsZero() {
			return t, dayNewest
		}
	}
	if hasStdin {
		return time.Time{}, dayFirst
	}
	return time.Time{}, dayToday
}

// datelessTimes reports whether the command line writes a time without a
// date, in -q, --since or --until, whose day must then be found.
func datelessTimes(cfg Config) bool {
	q, err := query.Compile(cfg.Query, cfg.timeOptions())
	return err == nil && q.NeedsDay() || query.NeedsDay(cfg.SinceText) || query.NeedsDay(cfg.UntilText)
}

// tailSource reads the last whole lines of a plain file, up to
// tailProbeBytes, as a stream, which reads the journal export format as a
// journal, as standard input does: a journal export file's tail begins at
// the first whole entry in it (its lines alone have no time).
func tailSource(path string, id model.SourceID) source.Source {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	from := max(fi.Size()-tailProbeBytes, 0)
	buf := make([]byte, fi.Size()-from)
	n, _ := f.ReadAt(buf, from)
	buf = buf[:n]
	if from > 0 { // the first line is cut: start after it
		cut := []byte{'\n'}
		if source.IsJournalExportFile(path) {
			cut = []byte("\n\n") // an entry ends with an empty line
		}
		if i := bytes.Index(buf, cut); i >= 0 {
			buf = buf[i+len(cut):]
		}
	}
	return source.NewInput(source.Input{Path: source.StdinPath}, id, source.FileOptions{}, bytes.NewReader(buf))
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
	if len(feeds) == 0 {
		return newest, host
	}
	source.Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
		for i := range es {
			// A time the line did not give (a file of untimed lines takes the
			// time it was read) says nothing of the day of the data.
			e := &es[i]
			if t := e.Time; datedEntry(e) && t.After(newest) {
				newest, host = t, e.Origin.HostName()
			}
		}
	}, nil)
	return newest, host
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

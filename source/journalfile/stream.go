package journalfile

import "sync"

// Tuning of a Stream.
const (
	streamChunk = 256 // entries handed to a worker at a time
	streamAhead = 4   // chunks decoded ahead of the reader, per worker
)

// StreamEntry is one entry a Stream read: where it stands and the values
// of the wanted fields (nil when absent). Err, when set, says the entry
// could not be read (its file was truncated or corrupted). Unreadable
// counts its DATA objects that could not be read, as Collect does.
type StreamEntry struct {
	Loc        Location
	Vals       [][]byte
	Err        error
	Unreadable int
}

// streamChunkJob is a run of entries to decode; done is closed once out is
// filled.
type streamChunkJob struct {
	refs     []streamRef
	out      []StreamEntry
	problems []error // files the walk dropped before these entries
	done     chan struct{}
}

// streamRef is an entry chosen by the walk: its file, offset and location.
type streamRef struct {
	f   *File
	off uint64
	loc Location
}

// Stream reads a Journal forward from its position to the end, the walk
// (matching, interleaving) in one goroutine and the decoding of the entries'
// fields spread over workers, each with its own page and field caches. The
// Journal must not be used until Stop returns.
type Stream struct {
	j     *Journal
	order chan *streamChunkJob
	stop  chan struct{}
	wg    sync.WaitGroup
	cur   *streamChunkJob
	pos   int
	ended bool
}

// NewStream starts reading ahead with the given number of workers.
func (j *Journal) NewStream(names []string, workers int) *Stream {
	workers = max(workers, 1)
	s := &Stream{j: j, order: make(chan *streamChunkJob, workers*streamAhead), stop: make(chan struct{})}
	j.streaming = true
	work := make(chan *streamChunkJob, workers*streamAhead)
	s.wg.Add(1 + workers)
	go s.walk(work)
	for range workers {
		go s.decode(work, names)
	}
	return s
}

// walk chooses the entries in order and hands them out in chunks. A file
// lost during a Next is lost before the entry that Next found: a chunk
// ends before that entry, which begins the next chunk, after the loss.
func (s *Stream) walk(work chan<- *streamChunkJob) {
	defer s.wg.Done()
	defer close(work)
	defer close(s.order)
	var carried []streamRef
	for {
		job := &streamChunkJob{refs: carried, problems: s.j.Problems(), done: make(chan struct{})}
		carried = nil
		for len(job.refs) < streamChunk {
			ok, err := s.j.Next()
			if err != nil || !ok {
				break
			}
			m := s.j.cur
			ref := streamRef{f: m.f, off: m.f.EntryOffset(s.j.curIdx), loc: s.j.loc}
			if len(s.j.problems) > 0 {
				carried = []streamRef{ref}
				break
			}
			job.refs = append(job.refs, ref)
		}
		if len(job.refs) == 0 && len(job.problems) == 0 && carried == nil {
			if job.problems = s.j.Problems(); len(job.problems) == 0 {
				return
			}
		}
		select {
		case s.order <- job:
		case <-s.stop:
			return
		}
		select {
		case work <- job:
		case <-s.stop:
			close(job.done)
			return
		}
	}
}

// decode fills the chunks' entries with the wanted fields.
func (s *Stream) decode(work <-chan *streamChunkJob, names []string) {
	defer s.wg.Done()
	views := map[*File]*File{}
	cache := &pageCache{}
	var arena []byte
	spans := make([][2]int, len(names))
	var items []uint64
	for job := range work {
		job.out = make([]StreamEntry, len(job.refs))
		for i, r := range job.refs {
			v := views[r.f]
			if v == nil {
				v = r.f.view(cache)
				views[r.f] = v
			}
			if cap(arena)-len(arena) < 16<<10 {
				arena = make([]byte, 0, 256<<10)
			}
			e := &job.out[i]
			e.Loc = r.loc
			items, arena, e.Vals, e.Unreadable, e.Err = v.decodeEntry(r.off, names, spans, items, arena)
		}
		close(job.done)
	}
}

// view returns a reader of the same open file with its own caches, for a
// worker: pread on one descriptor is safe from several goroutines.
func (f *File) view(cache *pageCache) *File {
	v := &File{path: f.path, fh: f.fh, hdr: f.hdr, size: f.size, compact: f.compact}
	v.pages = pager{r: f.fh, cache: cache, serial: cache.newReaderSerial()}
	return v
}

// decodeEntry collects the wanted fields of the entry at off, and counts
// its objects that could not be read.
func (f *File) decodeEntry(off uint64, names []string, spans [][2]int, items []uint64, arena []byte) (
	[]uint64, []byte, [][]byte, int, error) {
	_, items, err := f.Entry(off, items[:0])
	if err != nil {
		return items, arena, nil, 0, err
	}
	for k := range spans {
		spans[k] = [2]int{-1, -1}
	}
	arena, unreadable, err := f.collect(items, names, spans, arena)
	if err != nil {
		return items, arena, nil, 0, err
	}
	vals := make([][]byte, len(names))
	for k, sp := range spans {
		if sp[0] >= 0 {
			vals[k] = arena[sp[0]:sp[1]:sp[1]]
		}
	}
	return items, arena, vals, unreadable, nil
}

// Next returns the next entry; false at the end. Problems are the files the
// walk dropped since the previous call.
func (s *Stream) Next() (e StreamEntry, problems []error, ok bool) {
	for s.cur == nil || s.pos >= len(s.cur.out) {
		if s.ended {
			return e, nil, false
		}
		job, open := <-s.order
		if !open {
			s.ended = true
			return e, problems, false // the losses after the last entry
		}
		<-job.done
		s.cur, s.pos = job, 0
		problems = append(problems, job.problems...)
	}
	e = s.cur.out[s.pos]
	s.pos++
	return e, problems, true
}

// Stop ends the stream and waits for its goroutines. atEnd reports whether
// every entry was handed out; otherwise the Journal stands somewhere past
// the last entry returned, and the caller must seek back to it.
func (s *Stream) Stop() (atEnd bool) {
	close(s.stop)
	for job := range s.order {
		<-job.done
	}
	s.wg.Wait()
	s.j.streaming = false
	for _, f := range s.j.closeLater {
		f.Close()
	}
	s.j.closeLater = nil
	return s.ended
}

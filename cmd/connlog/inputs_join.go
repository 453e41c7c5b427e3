package main

import (
	"fmt"
	"io"
	"sync"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/inert"
	"connlog/source"
)

// joinHooks are what a command does with the inputs that join while it
// follows.
type joinHooks struct {
	// decorate sets what the command adds to each input's decoding, as it
	// did to the first inputs'.
	decorate func(*source.Feed)
	// joined is called with the new inputs before any of their entries
	// reach the sink, on the goroutine that calls it.
	joined func([]source.Feed, []sourceInfo)
	// refused says, once, that a new file could not be added.
	refused func(note string)
}

// globJoiner adds to a running merge the files that the patterns given
// match once they are followed (see source.GlobWatch): the log of a
// container created since, read from its start with the options of the
// others. Find runs on a goroutine of its own; joined on the merge's.
type globJoiner struct {
	cfg    Config
	stdin  io.Reader
	watch  *source.GlobWatch
	hooks  joinHooks
	held   []source.Source // every input's source, by ID: Find's alone
	refuse sync.Once

	mu      sync.Mutex
	pending map[model.SourceID]sourceInfo // found, not joined yet
}

// newGlobJoiner returns the joining of the patterns among the files named,
// nil when they are not followed or none is a pattern. feeds and infos are
// the first inputs.
func newGlobJoiner(cfg Config, stdin io.Reader, follow bool, feeds []source.Feed, infos []sourceInfo, hooks joinHooks) *source.Joining {
	if !follow || len(cfg.Files) == 0 || cfg.Demo || cfg.Remote.VictoriaLogs != "" {
		return nil
	}
	paths := make([]string, 0, len(infos))
	for _, in := range infos {
		paths = append(paths, in.Path)
	}
	watch := source.NewGlobWatch(cfg.Files, paths, cfg.WithRotated)
	if watch == nil {
		return nil
	}
	j := &globJoiner{cfg: cfg, stdin: stdin, watch: watch, hooks: hooks, pending: map[model.SourceID]sourceInfo{}}
	for _, f := range feeds {
		j.held = append(j.held, f.Source)
	}
	return &source.Joining{Find: j.find, Joined: j.joined}
}

// find opens the new matches as inputs next, next+1…, as many as the
// SourceIDs left allow.
func (j *globJoiner) find(next model.SourceID) []source.Feed {
	inputs := j.watch.NewMatches(j.judge)
	if room := maxInputs - int(next); len(inputs) > room {
		j.sayRefused(inputs[room].Path)
		inputs = inputs[:room]
	}
	if len(inputs) == 0 {
		return nil
	}
	n := int(next) + len(inputs)
	// Each is read from its start, in order: it is new.
	cfg := j.cfg
	cfg.fileLines, cfg.fromLast = 0, false
	feeds := make([]source.Feed, 0, len(inputs))
	j.mu.Lock()
	defer j.mu.Unlock()
	for k, in := range inputs {
		f, info := fileFeed(cfg, in, next+model.SourceID(k), n, false, j.stdin, true, baseDecode(cfg))
		if j.hooks.decorate != nil {
			j.hooks.decorate(&f)
		}
		feeds = append(feeds, f)
		j.held = append(j.held, f.Source)
		j.pending[f.ID] = info
	}
	return feeds
}

// judge says whether a candidate is a new input. It is not when an input
// read its file, under another name or as the file a copy was made of
// (source.Recogniser), or when it is an export's own output, on its way
// (the headless export's, whose file is made once its inputs are open) or
// written (one saved from the interface beside the logs it follows); it
// may not be when an input says NotYet.
func (j *globJoiner) judge(c source.Candidate) source.Verdict {
	if j.cfg.Export && j.cfg.Output != "-" && export.IsTempOf(c.Path, j.cfg.Output) || export.IsOwnOutput(c.Path) {
		return source.NotNew
	}
	verdict := source.NewLog
	for _, src := range j.held {
		r, ok := src.(source.Recogniser)
		if !ok {
			continue
		}
		switch v := r.Recognises(c.File, c.Info); v {
		case source.NotNew:
			return v
		case source.NotYet:
			verdict = v
		}
	}
	return verdict
}

// joined hands the hooks the new inputs with their descriptions.
func (j *globJoiner) joined(feeds []source.Feed) {
	infos := make([]sourceInfo, 0, len(feeds))
	j.mu.Lock()
	for _, f := range feeds {
		infos = append(infos, j.pending[f.ID])
		delete(j.pending, f.ID)
	}
	j.mu.Unlock()
	if j.hooks.joined != nil {
		j.hooks.joined(feeds, infos)
	}
}

// sayRefused says once that the SourceIDs ran out, path first of the files
// left out.
func (j *globJoiner) sayRefused(path string) {
	j.refuse.Do(func() {
		note := fmt.Sprintf("%s and later new files matching the patterns are not read: connlog reads at most %d inputs",
			inert.Sanitize(path), maxInputs)
		if j.cfg.notes != nil {
			fmt.Fprintf(j.cfg.notes, "connlog: %s\n", note)
		}
		if j.hooks.refused != nil {
			j.hooks.refused(note)
		}
	})
}

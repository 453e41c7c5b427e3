package main

import (
	"context"
	"errors"
	"io"

	"connlog/model/inert"
	"connlog/source"
)

// buildFeedsFunc is buildFeeds; tests replace it with an opening that
// never returns.
var buildFeedsFunc = buildFeeds

// errInterruptedOpening is returned when a signal came while the inputs
// were being opened.
var errInterruptedOpening = errors.New("interrupted while the inputs were opened")

// openFeeds builds the feeds (see buildFeeds) unless ctx ends first.
// Opening an input reads its head to tell its format, and a file the
// kernel calls regular may never answer that read (tracefs's trace_pipe
// has nothing until an event is traced): a signal must not wait for it. The opening left
// behind has written nothing, and ends with the process.
func openFeeds(ctx context.Context, cfg Config, stdin io.Reader, follow bool) ([]source.Feed, []sourceInfo, error) {
	type opened struct {
		feeds []source.Feed
		infos []sourceInfo
		err   error
	}
	build := buildFeedsFunc
	done := make(chan opened, 1)
	go func() {
		feeds, infos, err := build(cfg, stdin, follow)
		done <- opened{feeds, infos, err}
	}()
	select {
	case o := <-done:
		return o.feeds, o.infos, o.err
	case <-ctx.Done():
		return nil, nil, errInterruptedOpening
	}
}

// nothingWritten is the error of an export interrupted before it opened
// its output, said as one interrupted later says it (see finish).
func nothingWritten(cfg Config) error {
	if cfg.Output == "" || cfg.Output == "-" {
		return errors.New("interrupted: nothing was written")
	}
	return errors.New("interrupted: nothing was written to " + inert.Sanitize(cfg.Output))
}

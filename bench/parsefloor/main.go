// Command parsefloor measures what the parse work of loading a docker-ts
// file costs on its own, without the pipeline and the store around it. The
// file is cut into blocks at line ends and the blocks are parsed on every
// CPU; each line's envelope is removed (envelope.DecodeAppend, with the
// stamp cache the decoder uses), its kind and level read, and a row of its
// time, offset, kind and level kept: the least index a load can build. Each
// further stage adds one part of what the TUI's decoder parses while
// loading, with the same functions: the analytics events' fields
// (payload.AnalyticsIndex), the service lines' templates (decode.ServiceTemplate) and
// their fields (payload.ServiceIndex).
//
// It prints, per stage, the lines, the wall time and the process's CPU
// time: the floor a design of the whole-file index (W9) cannot go under,
// and what each part of the parse adds to it.
//
// Usage: go run ./bench/parsefloor FILE
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"connlog/internal/cputime"
	"connlog/model"
	"connlog/model/decode"
	"connlog/model/envelope"
	"connlog/model/payload"
)

// stage is how much of the parse a run does: each includes the ones before.
type stage int

const (
	stageRows stage = iota
	stageAnalytics
	stageTemplates
	stageServiceFields
)

var stageNames = []string{
	stageRows:          "rows (envelope, kind, level)",
	stageAnalytics:     "+ analytics fields",
	stageTemplates:     "+ service templates",
	stageServiceFields: "+ service fields",
}

// blockBytes is how much of the file one block holds, as a backfill block.
const blockBytes = 2 << 20

// row is the least a load keeps per line.
type row struct {
	time int64
	meta uint64 // offset:48 | kind:8 | level:8
}

// block is a run of whole lines and the file offset of its first byte.
type block struct {
	off   int64
	lines []byte
	rows  []row
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor FILE (a docker logs -t file, as bench/gen writes)")
		os.Exit(2)
	}
	path := os.Args[1]
	// A first run, not shown, reads the file into the page cache and grows
	// the heap, which the first stage measured would pay alone.
	if _, _, _, err := measure(path, stageRows); err != nil {
		fmt.Fprintln(os.Stderr, "parsefloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%-30s %12s %9s %9s %12s\n", "stage", "lines", "wall", "cpu", "cpu ns/line")
	for s := stageRows; s <= stageServiceFields; s++ {
		lines, wall, cpu, err := measure(path, s)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsefloor:", err)
			os.Exit(1)
		}
		fmt.Printf("%-30s %12d %8.3fs %8.3fs %12d\n", stageNames[s], lines, wall.Seconds(), cpu.Seconds(), cpu.Nanoseconds()/max(int64(lines), 1))
	}
}

// measure parses the whole file up to stage s and returns the lines read,
// the wall time and the CPU time the process spent meanwhile.
func measure(path string, s stage) (int, time.Duration, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, 0, err
	}
	defer f.Close()
	cpu0, t0 := cputime.Process(), time.Now()
	blocks := make(chan *block, runtime.GOMAXPROCS(0))
	done := make(chan *block, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newParser(s)
			for b := range blocks {
				p.parse(b)
				done <- b
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	readErr := make(chan error, 1)
	go func() { readErr <- cutBlocks(f, blocks) }()
	lines := 0
	for b := range done {
		lines += len(b.rows)
	}
	if err := <-readErr; err != nil {
		return 0, 0, 0, err
	}
	return lines, time.Since(t0), cputime.Process() - cpu0, nil
}

// cutBlocks reads f in blocks of about blockBytes that end at a line end
// (the last block may not) and sends them, then closes out.
func cutBlocks(f *os.File, out chan<- *block) error {
	defer close(out)
	var off int64
	var carry []byte
	for {
		buf := make([]byte, len(carry), len(carry)+blockBytes)
		copy(buf, carry)
		n, err := io.ReadFull(f, buf[len(carry):cap(buf)])
		buf = buf[:len(carry)+n]
		end := len(buf)
		last := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !last {
			return err
		}
		if !last {
			if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
				end = i + 1
			}
		}
		if end > 0 {
			out <- &block{off: off, lines: buf[:end]}
		}
		off += int64(end)
		carry = buf[end:]
		if last {
			return nil
		}
	}
}

// parser is one goroutine's state: its stamp cache, template set, memo and
// scratch space, as each of the decoder's goroutines has its own.
type parser struct {
	stage     stage
	ctx       envelope.Context
	memo      *payload.AnalyticsMemo
	templates map[string]string
	tpl       []byte
	fields    model.Fields
}

func newParser(s stage) *parser {
	return &parser{stage: s, ctx: envelope.Context{Location: time.UTC, Stamps: &envelope.StampCache{}},
		memo: payload.NewAnalyticsMemo(), templates: map[string]string{}}
}

// parse fills b.rows from b.lines.
func (p *parser) parse(b *block) {
	b.rows = make([]row, 0, len(b.lines)/128)
	for pos := 0; pos < len(b.lines); {
		line := b.lines[pos:]
		next := len(b.lines)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], pos+i+1
		}
		b.rows = append(b.rows, p.line(line, b.off+int64(pos)))
		pos = next
	}
}

// line parses one line as far as the parser's stage goes.
func (p *parser) line(line []byte, off int64) row {
	env, _, ok := envelope.DecodeAppend(envelope.DockerTS, line, p.ctx, nil)
	if !ok {
		return row{meta: uint64(off) << 16}
	}
	kind, level := model.KindText, model.LevelNone
	switch {
	case bytes.HasPrefix(env.Payload, []byte("ANALYTICS ")):
		kind, level = model.KindAnalytics, model.LevelInfo
		if p.stage >= stageAnalytics {
			_, p.fields, _ = payload.AnalyticsIndex(env.Payload, p.fields[:0], p.memo)
		}
	default:
		if r, ok := payload.ServiceResult(env.Payload); ok {
			kind, level = r.Kind, r.Level
			p.service(env.Payload)
		}
	}
	return row{time: env.Time.UnixNano(), meta: uint64(off)<<16 | uint64(kind)<<8 | uint64(level)}
}

// service folds a service line into its template and parses its fields,
// as far as the parser's stage goes. The fold is the decoder's
// (templateFolder: decode.ServiceTemplate, one string per template, at most 4,096).
func (p *parser) service(pl []byte) {
	if p.stage >= stageTemplates {
		p.tpl = decode.ServiceTemplate(p.tpl[:0], pl)
		if _, ok := p.templates[string(p.tpl)]; !ok && len(p.templates) < 4096 {
			s := string(p.tpl)
			p.templates[s] = s
		}
	}
	if p.stage >= stageServiceFields {
		_, p.fields, _, _ = payload.ServiceIndex(pl, p.fields[:0], nil)
	}
}

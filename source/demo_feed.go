package source

import (
	"bytes"
	"time"

	"connlog/model"
	"connlog/source/synth"
)

// demoFeed turns generated lines into records as journald would deliver
// them, always holding the next line so that the live loop knows when it
// is due.
type demoFeed struct {
	id   model.SourceID
	gen  *synth.Generator
	line []byte
	at   time.Time
	meta synth.Meta
}

func newDemoFeed(id model.SourceID, g *synth.Generator) *demoFeed {
	f := &demoFeed{id: id, gen: g}
	f.pull()
	return f
}

func (f *demoFeed) pull() {
	f.line, f.at, f.meta = f.gen.Next(f.line[:0])
}

// nextAt is when the held line is due.
func (f *demoFeed) nextAt() time.Time { return f.at }

// add appends the held line's records to batch (a restart boundary first
// when the line starts a new connector process) and pulls the next line.
func (f *demoFeed) add(batch []model.Record) []model.Record {
	fields := f.journalFields()
	if f.meta.Restart {
		batch = append(batch, model.Record{
			Source: f.id, Offset: -1, Received: f.at, Journal: fields,
			Mark: model.MarkBoundary, Note: "restart",
		})
	}
	batch = append(batch, model.Record{
		Raw: bytes.Clone(f.line), Source: f.id, Offset: -1, Received: f.at, Journal: fields,
	})
	f.pull()
	return batch
}

// journalFields are the fields journald records for a service's stdout
// line; PID and invocation id change at each restart.
func (f *demoFeed) journalFields() *model.JournalFields {
	id := f.meta.Program.Identity()
	return &model.JournalFields{
		Hostname:     demoHostname,
		Unit:         id.Unit,
		Identifier:   id.Identifier,
		PID:          f.meta.PID,
		Priority:     6,
		BootID:       f.gen.BootID(),
		InvocationID: f.gen.InvocationID(f.meta.Program),
		Transport:    "stdout",
	}
}

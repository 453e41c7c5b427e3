package export

import (
	"archive/tar"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"connlog/model"
)

// Member names inside a bundle.
const (
	bundleRaw      = "raw.log"
	bundleNDJSON   = "entries.ndjson"
	bundleManifest = "manifest.json"
)

// bundleWriter writes each member to a temp file as entries arrive and, on
// close, archives them with the manifest into one tar stream.
type bundleWriter struct {
	out    io.Writer
	opts   Options
	stage  staging
	raw    *member
	rawW   *rawWriter
	nd     *member
	ndW    *ndjsonWriter
	csv    []*member // by kind, created when a kind first appears
	csvW   []*csvWriter
	man    *manifest
	now    func() time.Time
	closed bool
}

func newBundleWriter(out io.Writer, opts Options) (*bundleWriter, error) {
	stage := newStaging(opts)
	b := &bundleWriter{out: out, opts: opts, stage: stage, man: newManifest(opts), now: time.Now,
		csv: make([]*member, len(model.Kinds())), csvW: make([]*csvWriter, len(model.Kinds()))}
	var err error
	if b.raw, err = newMember(stage, bundleRaw, opts.Progress); err != nil {
		return nil, err
	}
	if b.nd, err = newMember(stage, bundleNDJSON, opts.Progress); err != nil {
		b.raw.remove()
		return nil, err
	}
	b.rawW = newRawWriter(b.raw.buf)
	b.ndW = newNDJSONWriter(b.nd.buf, opts)
	return b, nil
}

func (b *bundleWriter) write(e *model.Entry) (bool, error) {
	b.man.observe(e)
	if _, err := b.rawW.write(e); err != nil {
		return true, err
	}
	if _, err := b.ndW.write(e); err != nil {
		return true, err
	}
	cw, err := b.csvFor(e.Kind)
	if err != nil {
		return true, err
	}
	_, err = cw.write(e)
	return true, err
}

// csvFor returns the CSV writer of kind k, creating its member on first use.
func (b *bundleWriter) csvFor(k model.Kind) (*csvWriter, error) {
	if int(k) >= len(b.csvW) {
		k = model.KindText
	}
	if b.csvW[k] == nil {
		m, err := newMember(b.stage, k.String()+".csv", b.opts.Progress)
		if err != nil {
			return nil, err
		}
		opts := b.opts
		opts.Kinds = []model.Kind{k}
		b.csv[k] = m
		b.csvW[k] = newCSVWriter(m.buf, opts)
	}
	return b.csvW[k], nil
}

// members lists the members in archive order, the CSVs in kind order.
func (b *bundleWriter) members() []*member {
	out := []*member{b.raw, b.nd}
	for _, m := range b.csv {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

func (b *bundleWriter) close() error {
	if err := b.flushMembers(); err != nil {
		b.abort()
		return err
	}
	err := b.archive()
	b.abort()
	return err
}

func (b *bundleWriter) flushMembers() error {
	if err := b.rawW.close(); err != nil {
		return err
	}
	if err := b.ndW.close(); err != nil {
		return err
	}
	for _, cw := range b.csvW {
		if cw != nil {
			if err := cw.close(); err != nil {
				return err
			}
		}
	}
	return nil
}

// archive writes the tar: every member, then the manifest that lists them.
func (b *bundleWriter) archive() error {
	now := b.now().UTC()
	bw := bufio.NewWriterSize(b.out, bufSize)
	tw := tar.NewWriter(bw)
	var listed []manifestMember
	for _, m := range b.members() {
		if err := tw.WriteHeader(tarHeader(m.name, m.size, now)); err != nil {
			return writeError("archive bundle member "+m.name, err)
		}
		if err := m.copyTo(tw); err != nil {
			return err
		}
		listed = append(listed, manifestMember{Name: m.name, Size: m.size, SHA256: m.sum()})
	}
	b.man.finish(b.opts, listed, now)
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b.man); err != nil {
		return fmt.Errorf("encode bundle manifest: %w", err)
	}
	if err := tw.WriteHeader(tarHeader(bundleManifest, int64(js.Len()), now)); err != nil {
		return writeError("archive bundle manifest", err)
	}
	if _, err := tw.Write(js.Bytes()); err != nil {
		return writeError("archive bundle manifest", err)
	}
	if err := tw.Close(); err != nil {
		return writeError("finish bundle archive", err)
	}
	if err := bw.Flush(); err != nil {
		return writeError("write bundle archive", err)
	}
	return nil
}

func tarHeader(name string, size int64, mod time.Time) *tar.Header {
	return &tar.Header{Typeflag: tar.TypeReg, Name: name, Size: size, Mode: 0o600, ModTime: mod.Truncate(time.Second)}
}

// abort removes the temp files; close calls it too once they are archived.
func (b *bundleWriter) abort() {
	if b.closed {
		return
	}
	b.closed = true
	for _, m := range b.members() {
		m.remove()
	}
}

// NoteGap lists in the manifest a gap of the range that is not written.
func (b *bundleWriter) NoteGap(e *model.Entry) { b.man.addGap(e) }

// addSources implements sourceAdder: the members name the inputs, a CSV
// member made later too, and the manifest lists them.
func (b *bundleWriter) addSources(infos []SourceInfo) {
	b.opts.Sources = append(slices.Clip(b.opts.Sources), infos...)
	b.ndW.addSources(infos)
	for _, w := range b.csvW {
		if w != nil {
			w.addSources(infos)
		}
	}
	b.man.addSources(infos)
}

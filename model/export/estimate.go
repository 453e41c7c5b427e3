package export

import (
	"io"

	"connlog/model"
)

// tarOverhead approximates what a bundle adds beyond its members: a header
// block and padding per member, the end blocks and the manifest.
const (
	tarPerMember = 1024
	tarFixed     = 1024 + 4096
)

// Estimate predicts the size in bytes of exporting n entries like sample,
// with opts' format, compression and redaction, by encoding the sample in
// memory (nothing touches the disk). Compressed output is not proportional
// to its input: a compressor learns as it goes, so the sample's first half
// is encoded apart and the second half's extra cost, which already benefits
// from that learning, is what each further entry is taken to add. A short
// or very varied sample still errs on the large side.
func Estimate(sample []*model.Entry, n int64, opts Options) (int64, error) {
	if len(sample) == 0 || n <= 0 {
		return 0, nil
	}
	whole, err := sampleSize(sample, opts)
	if err != nil {
		return 0, err
	}
	l := int64(len(sample))
	if l < 4 || n <= l {
		return int64(float64(whole) * float64(n) / float64(l)), nil
	}
	half, err := sampleSize(sample[:l/2], opts)
	if err != nil {
		return 0, err
	}
	perEntry := float64(max(whole-half, 0)) / float64(l-l/2)
	return whole + int64(perEntry*float64(n-l)), nil
}

// sampleSize is the size of entries exported with opts.
func sampleSize(entries []*model.Entry, opts Options) (int64, error) {
	size, err := membersSize(entries, opts)
	if err == nil && opts.Format == FormatBundle {
		size += bundleOverhead(entries)
	}
	return size, err
}

// encodedSize is the compressed size of sample in opts.Format.
func encodedSize(sample []*model.Entry, opts Options) (int64, error) {
	w, err := New(io.Discard, opts)
	if err != nil {
		return 0, err
	}
	for _, e := range sample {
		if err := w.Write(e); err != nil {
			w.Abort()
			return 0, err
		}
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return opts.Progress.Bytes(), nil
}

// estimateBundle adds up the members a bundle would hold for sample,
// without creating its temp files.
func estimateBundle(sample []*model.Entry, opts Options) (size int64, err error) {
	parts := []Options{withFormat(opts, FormatRaw, nil), withFormat(opts, FormatNDJSON, nil)}
	for k := range kindsOf(sample) {
		parts = append(parts, withFormat(opts, FormatCSV, []model.Kind{k}))
	}
	for _, o := range parts {
		n, err := encodedSize(sample, o)
		if err != nil {
			return 0, err
		}
		size += n
	}
	return size, nil
}

// bundleOverhead is what a bundle of entries adds to its members: the
// archive's, which does not grow with the entries.
func bundleOverhead(entries []*model.Entry) int64 {
	return int64(tarFixed + (2+len(kindsOf(entries)))*tarPerMember)
}

// kindsOf is the set of the entries' kinds: a bundle has a CSV member
// for each.
func kindsOf(entries []*model.Entry) map[model.Kind]bool {
	kinds := map[model.Kind]bool{}
	for _, e := range entries {
		kinds[e.Kind] = true
	}
	return kinds
}

func withFormat(opts Options, f Format, kinds []model.Kind) Options {
	opts.Format = f
	opts.Kinds = kinds
	opts.Progress = &Progress{}
	return opts
}

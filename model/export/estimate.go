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
	if opts.Format == FormatBundle {
		size, fixed, err := estimateBundle(entries, opts)
		return size + fixed, err
	}
	opts.Progress = &Progress{}
	return encodedSize(entries, opts)
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
// without creating its temp files: their size for the sample, and the
// archive's overhead, which does not grow with the entries.
func estimateBundle(sample []*model.Entry, opts Options) (size, fixed int64, err error) {
	members := 2
	kinds := map[model.Kind]bool{}
	for _, e := range sample {
		kinds[e.Kind] = true
	}
	parts := []Options{withFormat(opts, FormatRaw, nil), withFormat(opts, FormatNDJSON, nil)}
	for k := range kinds {
		parts = append(parts, withFormat(opts, FormatCSV, []model.Kind{k}))
		members++
	}
	for _, o := range parts {
		n, err := encodedSize(sample, o)
		if err != nil {
			return 0, 0, err
		}
		size += n
	}
	return size, int64(tarFixed + members*tarPerMember), nil
}

func withFormat(opts Options, f Format, kinds []model.Kind) Options {
	opts.Format = f
	opts.Kinds = kinds
	opts.Progress = &Progress{}
	return opts
}

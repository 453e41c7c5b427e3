package export

import "connlog/model"

// LongLine is the raw length from which a line is estimated apart from the
// others (EstimateLong): a sample spread over a range rarely picks one of
// its few long lines (a dumped payload, a stack trace joined into one
// entry), and scaling a sample that did take one to every entry counts it
// hundreds of times; either way the estimate was off by its size.
const LongLine = 64 << 10

// EstimateLong predicts the output size of a range's long lines, of
// rawBytes raw bytes in all, from some of them (long): their own encoded
// size, scaled by the raw bytes when not all were loaded. A long line is
// estimated whole rather than as a marginal cost: it is its own bytes
// that fill the output, compressed as they compress.
func EstimateLong(long []*model.Entry, rawBytes int64, opts Options) (int64, error) {
	var loaded int64
	for _, e := range long {
		loaded += int64(len(e.Raw))
	}
	if loaded == 0 || rawBytes <= 0 {
		return 0, nil
	}
	size, err := membersSize(long, opts)
	if err != nil {
		return 0, err
	}
	return int64(float64(size) * float64(rawBytes) / float64(loaded)), nil
}

// membersSize is what entries add to an export, without a bundle's
// archive overhead, which Estimate counts once.
func membersSize(entries []*model.Entry, opts Options) (int64, error) {
	if opts.Format == FormatBundle {
		return estimateBundle(entries, opts)
	}
	opts.Progress = &Progress{}
	return encodedSize(entries, opts)
}

package exportdialog

import (
	"slices"

	"connlog/model"
	"connlog/model/export"
)

// longSampleBytes is how many raw bytes of a range's long lines the
// estimate reads at most; the rest are taken to encode as those do.
const longSampleBytes = 8 << 20

// estimate predicts the size of exporting seqs with opts: the ordinary
// lines from the sample spread over the range, its long lines (see
// export.LongLine) apart, from their own lengths, which the index holds,
// so that one the sample missed still counts, and one it took counts once.
func (src *Source) estimate(rows Rows, sample []*model.Entry, opts export.Options) (int64, error) {
	long, longBytes := src.longLines(rows)
	ordinary := slices.DeleteFunc(slices.Clone(sample), isLong)
	est, err := export.Estimate(ordinary, int64(rows.Len()-len(long)), opts)
	if err != nil || len(long) == 0 {
		return est, err
	}
	more, err := export.EstimateLong(src.loadSome(long, longSampleBytes), longBytes, opts)
	return est + more, err
}

func isLong(e *model.Entry) bool { return len(e.Raw) >= export.LongLine }

// longLines returns the entries of rows whose lines are long, and their
// raw bytes in all.
func (src *Source) longLines(rows Rows) (long []int64, bytes int64) {
	for seq := range rows.All() {
		if n := src.Snapshot.RawLen(seq); n >= export.LongLine {
			long = append(long, seq)
			bytes += int64(n)
		}
	}
	return long, bytes
}

// loadSome loads entries of seqs spread over them, until they hold about
// limit raw bytes.
func (src *Source) loadSome(seqs []int64, limit int64) []*model.Entry {
	var picks []int64
	var bytes int64
	step := max(len(seqs)/16, 1)
	for i := 0; i < len(seqs) && bytes < limit; i += step {
		picks = append(picks, seqs[i])
		bytes += int64(src.Snapshot.RawLen(seqs[i]))
	}
	return slices.Collect(src.entries(listRows(picks), nil))
}

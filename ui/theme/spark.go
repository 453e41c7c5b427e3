package theme

import "strings"

// sparkLevels are the eighths of a cell a sparkline is drawn with.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// Spark draws counts per time bucket as a sparkline exactly w cells wide:
// buckets are summed into w cells (or a short series is spread over them),
// each cell scaled against the fullest. An empty cell is a space, so that
// "nothing" and "a little" differ, and with no colour at all the shape
// still reads. The glyphs are block characters, one cell wide everywhere.
func Spark(counts []uint32, w int) string {
	if w <= 0 {
		return ""
	}
	cells := resample(counts, w)
	var top uint64
	for _, c := range cells {
		top = max(top, c)
	}
	var b strings.Builder
	for _, c := range cells {
		switch {
		case c == 0:
			b.WriteByte(' ')
		default:
			// 1..top onto 0..7: any count shows at least the lowest bar.
			b.WriteRune(sparkLevels[(c*uint64(len(sparkLevels))-1)/top])
		}
	}
	return b.String()
}

// resample sums counts into w cells: cell i holds the buckets whose
// position falls in its share of the series. With fewer buckets than cells,
// each bucket fills the cells it spans.
func resample(counts []uint32, w int) []uint64 {
	cells := make([]uint64, w)
	n := len(counts)
	if n == 0 {
		return cells
	}
	if n <= w {
		for i := range cells {
			cells[i] = uint64(counts[i*n/w])
		}
		return cells
	}
	for j, c := range counts {
		cells[j*w/n] += uint64(c)
	}
	return cells
}

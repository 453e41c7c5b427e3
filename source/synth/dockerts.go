package synth

import (
	"bufio"
	"io"
	"time"
)

// WriteDockerTS writes the generator's next n lines to w as `docker logs
// -t` prints them: each after its time in RFC 3339 with nanoseconds, the
// corpus the benchmarks load.
func (g *Generator) WriteDockerTS(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	var line, out []byte
	for range n {
		var at time.Time
		line, at, _ = g.Next(line[:0])
		out = AppendRFC3339(out[:0], at.UnixNano(), 9, false)
		out = append(append(append(out, ' '), line...), '\n')
		if _, err := bw.Write(out); err != nil {
			return err
		}
	}
	return bw.Flush()
}

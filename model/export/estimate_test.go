package export

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"connlog/model"
)

// repeatEntries makes n entries cycling through the mixed fixtures, each
// line and time a little different, as a long export of similar traffic.
func repeatEntries(n int) []*model.Entry {
	base := mixedEntries()
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]*model.Entry, 0, n)
	for i := range n {
		e := *base[i%len(base)]
		e.Seq = int64(i + 1)
		e.Origin.Offset = int64(i * 1000)
		e.Time = e.Time.Add(time.Duration(i) * 1700 * time.Millisecond)
		if e.Item == 0 && len(e.Raw) > 0 {
			e.Raw = fmt.Appendf(bytes.Clone(e.Raw), " req=%016x", rng.Uint64())
		}
		out = append(out, &e)
	}
	return out
}

func TestEstimate(t *testing.T) {
	sample := repeatEntries(len(mixedEntries()) * 3)
	const n = 2000
	full := repeatEntries(n)
	for _, f := range Formats() {
		for _, c := range Compressions() {
			t.Run(f.String()+"/"+c.String(), func(t *testing.T) {
				opts := Options{Format: f, Compress: c, TempDir: t.TempDir()}
				est, err := Estimate(sample, n, opts)
				if err != nil {
					t.Fatal(err)
				}
				actual := int64(len(encode(t, full, opts)))
				t.Logf("estimate %d, actual %d", est, actual)
				// Uncompressed output scales nearly linearly; compression of a
				// short sample is harder to extrapolate.
				low, high := actual*8/10, actual*12/10
				if c != CompressNone {
					low, high = actual/2, actual*2
				}
				if est < low || est > high {
					t.Errorf("estimate %d for an actual %d (want %d..%d)", est, actual, low, high)
				}
			})
		}
	}
}

func TestEstimateEmpty(t *testing.T) {
	if est, err := Estimate(nil, 100, Options{}); est != 0 || err != nil {
		t.Errorf("Estimate(nil) = %d, %v", est, err)
	}
}

func TestWriterAfterClose(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			w, err := New(&buf, Options{Format: f, TempDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			must(t, w.Write(serviceEntry()))
			must(t, w.Close())
			if err := w.Write(serviceEntry()); !errors.Is(err, errClosed) {
				t.Errorf("Write after Close = %v", err)
			}
			if err := w.Close(); !errors.Is(err, errClosed) {
				t.Errorf("second Close = %v", err)
			}
			w.Abort() // harmless after Close
		})
	}
}

// TestProgressIsReadableWhileWriting polls the counters from another
// goroutine during an export (run with -race).
func TestProgressIsReadableWhileWriting(t *testing.T) {
	p := &Progress{}
	entries := repeatEntries(5000)
	stop := make(chan struct{})
	polled := make(chan int64)
	go func() {
		var last int64
		for {
			select {
			case <-stop:
				polled <- last
				return
			default:
				if n := p.Entries(); n < last {
					panic("progress went backwards")
				} else {
					last = n
				}
				_ = p.Bytes()
			}
		}
	}()
	var buf bytes.Buffer
	st, err := Stream(t.Context(), &buf, Slice(entries), Options{Format: FormatNDJSON, Compress: CompressGzip, Progress: p})
	close(stop)
	last := <-polled
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 5000 || p.Entries() != 5000 || p.Bytes() != int64(buf.Len()) || last > 5000 {
		t.Errorf("stats %+v, progress %d entries %d bytes, buffer %d", st, p.Entries(), p.Bytes(), buf.Len())
	}
}

// EstimateLong scales what the long lines it was given encode to by the
// raw bytes of all of them, and says nothing without any.
func TestEstimateLong(t *testing.T) {
	long := serviceEntry()
	long.Raw = bytes.Repeat([]byte("0123456789abcdef"), LongLine/16)
	opts := Options{Format: FormatRaw}
	one, err := EstimateLong([]*model.Entry{long}, int64(len(long.Raw)), opts)
	if err != nil || one < int64(len(long.Raw)) || one > int64(len(long.Raw))+100 {
		t.Fatalf("one long line of %d bytes: %d, %v", len(long.Raw), one, err)
	}
	three, err := EstimateLong([]*model.Entry{long}, 3*int64(len(long.Raw)), opts)
	if err != nil || three != 3*one {
		t.Errorf("three times the bytes: %d, want %d (%v)", three, 3*one, err)
	}
	if none, err := EstimateLong(nil, 1<<20, opts); none != 0 || err != nil {
		t.Errorf("no line loaded: %d, %v", none, err)
	}
}

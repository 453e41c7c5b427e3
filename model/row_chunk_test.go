package model

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// TestRowChunkRoundTrip packs a chunk's rows, some sharing their fields,
// some with times far from the others (hours, years, the ends of int64),
// writing two chunks in turn from either end of the store, and unpacks
// every row as it was.
func TestRowChunkRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	times := []func(i int) int64{
		func(i int) int64 { return t0 + int64(i)*int64(time.Millisecond) },
		func(int) int64 { return t0 + rng.Int64N(int64(200*time.Hour)) - int64(100*time.Hour) },
		func(int) int64 { return t0 - int64(tickReach) },     // the base itself
		func(int) int64 { return t0 + int64(tickReach) - 2 }, // the last time that fits
		func(int) int64 { return t0 + int64(tickReach) - 1 }, // the first that does not
		func(int) int64 { return []int64{math.MinInt64, math.MaxInt64, 0}[rng.IntN(3)] },
	}
	var w rowWriter
	chunks := [2]*rowChunk{}
	refs := [2]*chunkRefs{}
	want := [2][]row{}
	for k := range chunks {
		c, m := newRowChunk()
		chunks[k], refs[k] = c, &chunkRefs{mem: m} // refs keeps the mapping alive
	}
	for i := range rowChunkRows {
		for k := range chunks {
			var r row
			if i == 0 {
				r.time = t0 // the base follows the first row
			} else {
				r.time = times[rng.IntN(len(times))](i)
			}
			r.raw = rng.Uint64()
			// The first chunk's rows share 16 pairs of fields and meta; the
			// second's draw from 16,384, which collide in the writer's 1,024
			// cache slots.
			n := 2 + 62*k
			r.attrs, r.meta = uint32(rng.IntN(4*n)), uint32(rng.IntN(n))<<4
			if rng.IntN(10) == 0 {
				r.attrs = rng.Uint32() // an event: fields of its own
			}
			// Either end may write either chunk, as a Prepend that crosses
			// a chunk boundary does.
			w.put(chunks[k], refs[k], int64(i), r, arenaSide(rng.IntN(2)))
			want[k] = append(want[k], r)
		}
	}
	for k, c := range chunks {
		for i, r := range want[k] {
			if got := c.get(uint64(i)); got != r {
				t.Fatalf("chunk %d row %d: got %+v, want %+v", k, i, got, r)
			}
		}
		if refs[k].dictLen > rowChunkRows {
			t.Fatalf("chunk %d: %d dictionary entries for %d rows", k, refs[k].dictLen, rowChunkRows)
		}
	}
}

// TestRowChunkSharesEntries: rows that differ only in time and raw bytes
// share a dictionary entry, so a chunk of service lines costs little more
// than its 12-byte rows.
func TestRowChunkSharesEntries(t *testing.T) {
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	var added int64
	for i := range rowChunkRows {
		r := row{time: t0 + int64(i)*int64(time.Second), raw: uint64(i) * 80, attrs: uint32(4 * (i % 8)), meta: uint32(i%2) << 4}
		added += w.put(c, refs, int64(i), r, sideFront)
	}
	if refs.dictLen > 16 || added != refs.dictLen*dictEntryBytes {
		t.Fatalf("%d dictionary entries (%d bytes counted) for 16 distinct field sets", refs.dictLen, added)
	}
}

// TestRowChunkPacksNearRows: a row within its block's reach of the time,
// offset and length limits is packed; one just beyond any limit gets a far
// entry of its own. Both share the dictionary entry of their fields. A
// block has two offset bases, so the lines of a second file read with the
// first are packed too, and only a third's get far entries. Every row reads
// back as written, in file or in memory, in the first block or the next.
func TestRowChunkPacksNearRows(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	const off0 = 1 << 30
	raw := func(inFile bool, off uint64, n int) uint64 { r, _ := packRaw(inFile, off, n); return r }
	cases := []struct {
		name string
		time int64
		raw  uint64
		far  bool
	}{
		{"the block's first row", t0, raw(true, off0, 180), false},
		{"a millisecond later, the next line", t0 + 1e6, raw(true, off0+181, 200), false},
		{"the earliest time that fits", t0 - tickReach, raw(true, off0, 180), false},
		{"just before it", t0 - tickReach - 1, raw(true, off0, 180), true},
		{"the latest time that fits", t0 + tickReach - 2, raw(true, off0, 180), false},
		{"just after it", t0 + tickReach - 1, raw(true, off0, 180), true},
		{"the lowest offset the first base reaches", t0, raw(true, off0-offReach, 180), false},
		{"the highest", t0, raw(true, off0+offReach-1, 180), false},
		{"a long line of another file, which does not take the second base", t0, raw(true, 1<<38, lenLimit), true},
		{"a line of a second file, which sets the second base", t0, raw(true, 1<<36, 180), false},
		{"its next line", t0 + 2e6, raw(true, 1<<36+181, 180), false},
		{"a line of a third file", t0, raw(true, 1<<37, 180), true},
		{"just below the first base's reach", t0, raw(true, off0-offReach-1, 180), true},
		{"just above it", t0, raw(true, off0+offReach, 180), true},
		{"the longest line that fits", t0, raw(true, off0, lenLimit-1), false},
		{"a byte longer", t0, raw(true, off0, lenLimit), true},
		{"a length kept with the fields", t0, raw(true, off0, rawLenMask+5), true},
		{"in memory", t0, raw(false, off0+7, 99), false},
		{"an empty line", t0, raw(true, off0, 0), false},
	}
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	var want []row
	for i, tc := range cases {
		r := row{time: tc.time, raw: tc.raw, attrs: 4, meta: 1 << 4}
		added := w.put(c, refs, int64(i), r, sideBack)
		if i == 0 {
			added -= dictEntryBytes // the fields' entry, which every row shares
		}
		if far := added == farRowBytes; far != tc.far || added != 0 && !far {
			t.Errorf("%s: added %d bytes, want a far entry %v", tc.name, added, tc.far)
		}
		want = append(want, r)
	}
	if refs.dictLen != 1 {
		t.Errorf("rows with the same fields took %d dictionary entries", refs.dictLen)
	}
	// The next block has bases of its own: a row near them is packed even
	// though it is far from the first block's.
	far := row{time: t0 + 100*tickReach, raw: raw(true, off0+1<<35, 180), attrs: 4, meta: 1 << 4}
	next := row{time: far.time + 1e6, raw: raw(true, off0+1<<35+181, 180), attrs: 4, meta: 1 << 4}
	w.put(c, refs, baseRows, far, sideBack)
	if added := w.put(c, refs, baseRows+1, next, sideBack); added != 0 {
		t.Errorf("a row near its own block's bases took %d bytes of entries", added)
	}
	for i, r := range want {
		if got := c.get(uint64(i)); got != r {
			t.Errorf("%s: got %+v, want %+v", cases[i].name, got, r)
		}
	}
	for i, r := range []row{far, next} {
		if got := c.get(uint64(baseRows + i)); got != r {
			t.Errorf("block 1 row %d: got %+v, want %+v", i, got, r)
		}
	}
}

// TestRowChunkTellsCollidingPairsApart writes rows whose (attrs, meta)
// pairs fall in the same cache slot, differing only in attrs or only in
// meta, and reads each back as written.
func TestRowChunkTellsCollidingPairsApart(t *testing.T) {
	var pairs [][2]uint32
	for m := uint32(1); len(pairs) < 2; m++ { // same attrs, another meta
		if dictSlot(7, m<<4) == dictSlot(7, 0) {
			pairs = append(pairs, [2]uint32{7, 0}, [2]uint32{7, m << 4})
		}
	}
	for a := uint32(8); len(pairs) < 4; a++ { // same meta, other attrs
		if dictSlot(a, 0) == dictSlot(7, 0) {
			pairs = append(pairs, [2]uint32{a, 0})
		}
	}
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	var want []row
	for i := range 64 {
		p := pairs[i%len(pairs)]
		r := row{time: int64(i), raw: uint64(i), attrs: p[0], meta: p[1]}
		w.put(c, refs, int64(i), r, sideBack)
		want = append(want, r)
	}
	for i, r := range want {
		if got := c.get(uint64(i)); got != r {
			t.Fatalf("row %d: got %+v, want %+v", i, got, r)
		}
	}
}

// TestRowChunkCacheOfAnotherChunk: a chunk mapped where an evicted one was
// has the writer cache's address but none of its entries; a row must not
// be given an entry the chunk has not written yet.
func TestRowChunkCacheOfAnotherChunk(t *testing.T) {
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	for i := range 8 { // the last row's fields and meta are 0: entry 7
		w.put(c, refs, int64(i), row{time: int64(i), attrs: uint32(7 - i)}, sideBack)
	}
	// The same memory as a fresh chunk: emptied, its writer state new.
	*c = rowChunk{}
	refs = &chunkRefs{mem: m}
	zero := row{time: 5} // fields and meta 0: what an unwritten entry holds
	w.put(c, refs, 0, row{time: 1, attrs: 9}, sideBack)
	w.put(c, refs, 1, zero, sideBack)
	for i := range 8 { // entries written after: one may land where a stale slot pointed
		w.put(c, refs, int64(2+i), row{time: int64(10 + i), attrs: uint32(100 + i)}, sideBack)
	}
	if got := c.get(1); got != zero {
		t.Fatalf("row 1: got %+v, want %+v", got, zero)
	}
}

// FuzzRowChunk packs rows made from the input into two chunks, from
// either end of the store, and requires every row back as it was.
func FuzzRowChunk(f *testing.F) {
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12"))
	f.Add(bytes.Repeat([]byte{0xff}, 19*40))
	f.Fuzz(func(t *testing.T, in []byte) {
		var w rowWriter
		var chunks [2]*rowChunk
		var refs [2]*chunkRefs
		for k := range chunks {
			c, m := newRowChunk()
			chunks[k], refs[k] = c, &chunkRefs{mem: m}
		}
		var want [2][]row
		// 19 bytes a row: chunk and side, time, raw, attrs and meta drawn
		// from few values so that rows share entries.
		for ; len(in) >= 19 && len(want[0])+len(want[1]) < 2*rowChunkRows; in = in[19:] {
			k, side := in[0]&1, arenaSide(in[0]>>1&1)
			if len(want[k]) == rowChunkRows {
				continue
			}
			r := row{time: int64(binary.LittleEndian.Uint64(in[1:])), raw: binary.LittleEndian.Uint64(in[9:]),
				attrs: uint32(in[17] & 0x1f), meta: uint32(in[18])}
			if in[0]&4 != 0 && len(want[k]) > 0 { // near the row before it
				r.time = want[k][len(want[k])-1].time + int64(in[1])
			}
			w.put(chunks[k], refs[k], int64(len(want[k])), r, side)
			want[k] = append(want[k], r)
		}
		for k, c := range chunks {
			for i, r := range want[k] {
				if got := c.get(uint64(i)); got != r {
					t.Fatalf("chunk %d row %d: got %+v, want %+v", k, i, got, r)
				}
			}
		}
		runtime.KeepAlive(refs)
	})
}

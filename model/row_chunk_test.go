package model

import (
	"bytes"
	"encoding/binary"
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
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
// share a dictionary entry, so a chunk of service lines, one after another
// in their file, costs little more than its packed rows.
func TestRowChunkSharesEntries(t *testing.T) {
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	var added int64
	for i := range rowChunkRows {
		raw, _ := packRaw(true, uint64(i)*80, 79)
		r := row{time: t0 + int64(i)*int64(time.Second), raw: raw, attrs: uint32(4 * (i % 8)), meta: uint32(i%2) << 4}
		added += w.put(c, refs, int64(i), r, sideFront)
	}
	if refs.dictLen > 16 || refs.farLen != 0 || added != refs.dictLen*dictEntryBytes {
		t.Fatalf("%d dictionary entries and %d far ones (%d bytes counted) for 16 distinct field sets", refs.dictLen, refs.farLen, added)
	}
}

// TestRowChunkPacksNearRows: a row within its group's reach of the time
// and length limits, whose offset follows the line before it, is packed;
// one beyond any limit gets a far entry of its own, and the lines after it
// follow it. All share the dictionary entry of their fields. A block has
// two offset streams, so the lines of a second file read with the first,
// or the bytes of joined lines held in memory, are packed too; a third's
// get far entries. Every row reads back as written, in the first block or
// the next.
func TestRowChunkPacksNearRows(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	const off0, off1 = 1 << 30, 1 << 36
	raw := func(inFile bool, off uint64, n int) uint64 { r, _ := packRaw(inFile, off, n); return r }
	next := func(prev uint64, gap uint64, n int) uint64 { // the line after prev
		return raw(prev&rawInFile != 0, prev&rawOffMask+prev>>rawLenShift&rawLenMask+gap, n)
	}
	type rowCase struct {
		name string
		time int64
		raw  func(prev []uint64) uint64 // from the rows before it
		far  bool
	}
	after := func(back, gap uint64, n int) func([]uint64) uint64 {
		return func(prev []uint64) uint64 { return next(prev[uint64(len(prev))-back], gap, n) }
	}
	at := func(r uint64) func([]uint64) uint64 { return func([]uint64) uint64 { return r } }
	lastFits := t0 + tickReach - rowChunkRows - 1
	block0 := []rowCase{
		{"the block's first row", t0, at(raw(true, off0, 180)), false},
		{"the next line", t0 + 1e6, after(1, 1, 200), false},
		{"the earliest time that fits", t0 - tickReach, after(1, 1, 180), false},
		{"just before it", t0 - tickReach - 1, after(1, 1, 180), true},
		{"the line after a far row", t0, after(1, 1, 180), false},
		{"the latest time that fits", lastFits, after(1, 1, 180), false},
		{"just after it", lastFits + 1, after(1, 1, 180), true},
		{"a line after one not read", t0, after(1, 40, 180), true},
		{"the line after it", t0, after(1, 1, 180), false},
		{"the longest line that fits", t0, after(1, 1, lenLimit-1), false},
		{"a byte longer", t0, after(1, 1, lenLimit), true},
		{"a length kept with the fields", t0, after(1, 1, rawLenMask+5), true},
		{"the line after the line before it, which the chain steps over", t0, after(2, 1, 90), false},
		{"a line of a second file, which sets the second stream", t0, at(raw(true, off1, 180)), false},
		{"the first file's next line", t0, after(2, 1, 30), false},
		{"the second file's next line", t0 + 2e6, after(2, 1, 180), false},
		// The next group: each stream's first row is its anchor.
		{"the first file's line in a new group", t0, after(2, 1, 80), false},
		{"a line of a third file", t0, at(raw(true, 1<<37, 180)), true},
		{"the second file's line in the new group", t0, after(3, 1, 70), false},
		{"the first file's, two groups on", t0, after(3, 1, 0), false},
		{"an empty line", t0, after(1, 1, 0), false},
		{"a line beyond the first stream's reach", t0, at(raw(true, off0+offReach, 180)), true},
		{"the first stream's next line, the chain stepping over it", t0, after(2, 1, 10), false},
	}
	// Block 1's rows have bases of their own: a row near them is packed
	// even though it is far from block 0's.
	t1, off2 := t0+100*tickReach, uint64(off0+1<<35)
	block1 := []rowCase{
		{"a row far from the first block", t1, at(raw(true, off2, 180)), false},
		{"a long line of another file, which does not take the second stream", t1, at(raw(true, 1<<38, lenLimit)), true},
		{"a line held in memory, which takes it", t1, at(raw(false, off2+7, 99)), false},
		{"the next held line", t1, after(1, 0, 50), false},
		{"the file's next line, from the other stream", t1, after(4, 1, 99), false},
		{"one that lies over it in memory", t1, at(raw(false, off2+7+99+50-1, 50)), true},
	}
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	check := func(first int, cases []rowCase) {
		var raws []uint64
		var want []row
		for n, tc := range cases {
			r := row{time: tc.time, raw: tc.raw(raws), attrs: 4, meta: 1 << 4}
			raws = append(raws, r.raw)
			added := w.put(c, refs, int64(first+n), r, sideBack)
			if first+n == 0 {
				added -= dictEntryBytes // the fields' entry, which every row shares
			}
			if far := added == farRowBytes; far != tc.far || added != 0 && !far {
				t.Errorf("%s: added %d bytes, want a far entry %v", tc.name, added, tc.far)
			}
			want = append(want, r)
		}
		inOrder := map[int]row{}
		for n, r := range want {
			if got := c.get(uint64(first + n)); got != r {
				t.Errorf("%s: got %+v, want %+v", cases[n].name, got, r)
			}
			inOrder[first+n] = r
		}
		readInOrder(t, c, inOrder)
	}
	check(0, block0)
	check(baseRows, block1)
	if refs.dictLen != 1 {
		t.Errorf("rows with the same fields took %d dictionary entries", refs.dictLen)
	}
}

// TestRowChunkGroupTimes: a group's time base is set by its first row
// within its block's reach of the block's first time (±4.9 hours), and a
// row within ±68 s of it is packed. A group whose first rows are beyond
// the block's reach gets far entries until one is within.
func TestRowChunkGroupTimes(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	lastInBlock := t0 + blockReach + tickReach - 1<<groupTimeShift - 1
	firstInBlock := t0 - blockReach + tickReach
	groups := [][]struct {
		name string
		time int64
		far  bool
	}{
		{{"the block's first row", t0, false}, {"a minute later", t0 + int64(time.Minute), false}},
		{{"a group four hours later", t0 + 4*int64(time.Hour), false}, {"a minute after it", t0 + 4*int64(time.Hour) + int64(time.Minute), false}},
		{{"the latest first time the block reaches", lastInBlock, false}, {"the same", lastInBlock, false}},
		{{"a nanosecond later", lastInBlock + 1, true}, {"then one the block reaches", t0 + 1, false}, {"and again one it does not", lastInBlock + 1, true}},
		{{"the earliest first time the block reaches", firstInBlock, false}},
		{{"a nanosecond earlier", firstInBlock - 1, true}, {"a minute before the block's first row", t0 - int64(time.Minute), false}},
		{{"a row", t0, false}, {"68 s later", t0 + tickReach - rowChunkRows - 1, false}, {"a moment more", t0 + tickReach - rowChunkRows, true},
			{"68 s before the first", t0 - tickReach, false}, {"a nanosecond before that", t0 - tickReach - 1, true}},
	}
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	want := map[uint64]row{}
	for g, rows := range groups {
		for n, tc := range rows {
			i := uint64(g*groupRows + n)
			r := row{time: tc.time, attrs: 4}
			far := refs.farLen
			w.put(c, refs, int64(i), r, sideBack)
			if got := refs.farLen > far; got != tc.far {
				t.Errorf("%s: a far entry %v, want %v", tc.name, got, tc.far)
			}
			want[i] = r
		}
	}
	for i, r := range want {
		if got := c.get(i); got != r {
			t.Errorf("row %d: got %+v, want %+v", i, got, r)
		}
	}
}

// TestRowChunkChainsBothWays writes groups outward from a row in their
// middle, as a store that grows at both ends does: lines of a file with
// newlines or CRLFs between, and held lines whose bytes are appended to
// the arena in the order they are written, to a chunk of each end's own,
// so that the lines written at the front lie later in memory the earlier
// they are. Every row is packed and reads back.
func TestRowChunkChainsBothWays(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name   string
		inFile bool
		gap    uint64
	}{{"file lines", true, 1}, {"CRLF lines", true, 2}, {"held lines", false, 0}} {
		c, m := newRowChunk()
		refs := &chunkRefs{mem: m}
		var w rowWriter
		want := make([]row, 4*groupRows)
		start := 2*groupRows + 5
		// In the file, row i's line lies before row i+1's; in memory, in
		// the order written.
		fileOff := make([]uint64, len(want)+1)
		fileOff[0] = 5000
		lens := make([]int, len(want))
		for i := range lens {
			lens[i] = rng.IntN(300)
			fileOff[i+1] = fileOff[i] + uint64(lens[i]) + tc.gap
		}
		memOff := [2]uint64{9000, 9000 + arenaChunkBytes} // by side
		write := func(i int, side arenaSide) {
			off := fileOff[i]
			if !tc.inFile {
				off, memOff[side] = memOff[side], memOff[side]+uint64(lens[i])
			}
			raw, _ := packRaw(tc.inFile, off, lens[i])
			want[i] = row{time: t0 + int64(i), raw: raw, attrs: 4}
			w.put(c, refs, int64(i), want[i], side)
		}
		write(start, sideBack)
		for d := 1; start-d >= 0 || start+d < len(want); d++ {
			if start+d < len(want) {
				write(start+d, sideBack)
			}
			if start-d >= 0 {
				write(start-d, sideFront)
			}
		}
		if refs.farLen != 0 {
			t.Errorf("%s: %d far rows", tc.name, refs.farLen)
		}
		for i, r := range want {
			if got := c.get(uint64(i)); got != r {
				t.Errorf("%s: row %d: got %+v, want %+v", tc.name, i, got, r)
			}
		}
		readInOrder(t, c, maps.Collect(slices.All(want)))
		runtime.KeepAlive(refs)
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

// TestRowChunkRowsWrittenOutOfTurn: a row written past rows not yet
// written reads back as written once they are, though its chain would have
// stepped over them as over empty lines.
func TestRowChunkRowsWrittenOutOfTurn(t *testing.T) {
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	held := func(off uint64, n int) uint64 { r, _ := packRaw(false, off, n); return r }
	want := map[uint64]row{}
	for _, r := range []struct {
		i   uint64
		raw uint64
	}{
		{10, held(1000, 10)},
		{13, held(1010, 5)}, // right after row 10's bytes, two rows on
		{11, held(1015, 7)},
		{12, held(1022, 3)},
		{6, held(1025, 4)}, // the same at the front
		{8, held(1029, 2)},
		{9, held(1031, 6)},
		{7, held(1037, 1)},
	} {
		want[r.i] = row{time: t0, raw: r.raw, attrs: 4}
		w.put(c, refs, int64(r.i), want[r.i], sideBack)
	}
	for i, r := range want {
		if got := c.get(i); got != r {
			t.Errorf("row %d: got %+v, want %+v", i, got, r)
		}
	}
	inOrder := map[int]row{}
	for i, r := range want {
		inOrder[int(i)] = r
	}
	readInOrder(t, c, inOrder)
}

// FuzzRowChunk packs rows made from the input into two chunks, outward from
// a row in the middle as a store grows at both ends, and requires every row
// back as it was. Most rows are lines that follow the line written before
// them at their end, as a store's rows do; the others lie anywhere. Some
// are written out of turn, a few rows beyond the rows written or in a hole
// between them, which a store never does: they must read back too.
func FuzzRowChunk(f *testing.F) {
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12"))
	f.Add(bytes.Repeat([]byte{0xff}, 19*40))
	f.Add(lineSeed(0x0c, 1))   // lines of a file, written at the back
	f.Add(lineSeed(0x0e, 2))   // at the front, CRLFs between
	f.Add(lineSeed(0x1e, 0))   // held at the front
	f.Add(lineSeed(0x0c|3, 1)) // of the second chunk, at either end
	f.Add(lineSeed(0x2e, 0))   // held, some written out of turn
	f.Fuzz(func(t *testing.T, in []byte) {
		// Every row is written twice: by a writer that places rows beside
		// the last it chained by its cursor, and by one that walks from
		// each; their chunks must be the same to the byte.
		var w rowWriter
		walked := rowWriter{noCursor: true}
		var chunks, twins [2]*rowChunk
		var refs, twinRefs [2]*chunkRefs
		for k := range chunks {
			c, m := newRowChunk()
			chunks[k], refs[k] = c, &chunkRefs{mem: m}
			c, m = newRowChunk()
			twins[k], twinRefs[k] = c, &chunkRefs{mem: m}
		}
		var want [2]map[int]row
		var ends [2][2]int // per chunk: the lowest row written, one past the highest
		var last [2][2]row // per chunk and side: the row written last
		for k := range want {
			want[k] = map[int]row{}
			start := rowChunkRows/2 + 7*k
			ends[k] = [2]int{start, start}
		}
		// 19 bytes a row: chunk, side and shape, time, raw, attrs and meta
		// drawn from few values so that rows share entries.
		for ; len(in) >= 19; in = in[19:] {
			k, side := in[0]&1, arenaSide(in[0]>>1&1)
			i := ends[k][1]
			if side == sideFront {
				i = ends[k][0] - 1
			}
			if in[0]&32 != 0 { // not next to the rows written: a row the chain must not count on
				i = outOfTurn(i, side, in[2], ends[k])
			}
			if _, done := want[k][i]; done || i < 0 || i >= rowChunkRows {
				continue
			}
			r := row{time: int64(binary.LittleEndian.Uint64(in[1:])), raw: binary.LittleEndian.Uint64(in[9:]),
				attrs: uint32(in[17] & 0x1f), meta: uint32(in[18])}
			prev, ok := last[k][side], len(want[k]) > 0
			if in[0]&4 != 0 && ok { // near the row before it
				r.time = prev.time + int64(in[1])
			}
			if in[0]&8 != 0 && ok && prev.raw>>rawLenShift&rawLenMask < rawLenMask {
				r.raw = followingRaw(prev, side, in[0]&16 != 0, in[9]&0x3f, int(in[10])|int(in[11]&0x1f)<<8)
			}
			w.put(chunks[k], refs[k], int64(i), r, side)
			walked.put(twins[k], twinRefs[k], int64(i), r, side)
			want[k][i], last[k][side] = r, r
			ends[k] = [2]int{min(ends[k][0], i), max(ends[k][1], i+1)}
		}
		for k, c := range chunks {
			if !sameRowsWritten(c, twins[k], want[k], refs[k], twinRefs[k]) {
				t.Fatalf("chunk %d: the rows placed by the cursor differ from those placed by their walks", k)
			}
			for i, r := range want[k] {
				if got := c.get(uint64(i)); got != r {
					t.Fatalf("chunk %d row %d: got %+v, want %+v", k, i, got, r)
				}
			}
			readInOrder(t, c, want[k])
		}
		runtime.KeepAlive(refs)
		runtime.KeepAlive(twinRefs)
	})
}

// sameRowsWritten reports whether chunks a and b, each written with the
// rows of want, hold the same words for them: packed words, bases, group
// times and anchors, dictionary and far entries. It reads only what the
// rows wrote: a whole chunk's pages would all be mapped in.
func sameRowsWritten(a, b *rowChunk, want map[int]row, ra, rb *chunkRefs) bool {
	if ra.dictLen != rb.dictLen || ra.farLen != rb.farLen || a.based != b.based ||
		!slices.Equal(a.dict[:ra.dictLen], b.dict[:rb.dictLen]) || !slices.Equal(a.far[:ra.farLen], b.far[:rb.farLen]) {
		return false
	}
	for i := range want {
		blk, g := i/baseRows, i/groupRows
		if a.ticks[i] != b.ticks[i] || a.timeBase[blk] != b.timeBase[blk] || a.offBase[blk] != b.offBase[blk] ||
			a.groupTime[g] != b.groupTime[g] || a.anchors[g] != b.anchors[g] {
			return false
		}
	}
	return true
}

// readInOrder reads the rows of want in order, as a view's scan does, each
// after the last read (rowChunk.getAfter): every row, then two in three,
// and requires each as written.
func readInOrder(t *testing.T, c *rowChunk, want map[int]row) {
	t.Helper()
	rows := slices.Sorted(maps.Keys(want))
	for skip := range 2 {
		var cur rowCursor
		for _, i := range rows {
			if skip == 1 && i%3 == 0 {
				continue
			}
			if got := c.getAfter(uint64(i), &cur); got != want[i] {
				t.Fatalf("row %d read in order: got %+v, want %+v", i, got, want[i])
			}
		}
	}
}

// followingRaw returns the raw word of an n-byte line written after prev at
// the given end of the store, gap bytes from it: in a file, a line written
// at the front lies before the one written before it; in memory (or with
// held), after it.
func followingRaw(prev row, side arenaSide, held bool, gap byte, n int) uint64 {
	inFile := prev.inFile() && !held
	off := prev.offset() + uint64(prev.raw>>rawLenShift&rawLenMask) + uint64(gap)
	if inFile && side == sideFront {
		off = prev.offset() - uint64(n) - uint64(gap)
	}
	raw, _ := packRaw(inFile, off, n)
	return raw
}

// lineSeed is an input of FuzzRowChunk: a 100-byte line at offset 1,000,
// then 300 lines of the shape shape/8 says, each following the one
// before it with gap bytes between (every seventh, 40), alternately at the
// back and the end shape&2 says.
func lineSeed(shape byte, gap byte) []byte {
	var in []byte
	first, _ := packRaw(shape&16 == 0, 1000, 100)
	for n := range 301 {
		r := make([]byte, 19)
		binary.LittleEndian.PutUint64(r[9:], first)
		if n > 0 {
			r[0] = shape &^ (2 * byte(n%2)) // the back every other line
			r[9], r[10], r[11] = gap, byte(40+n), byte(n%3)
			if n%7 == 0 {
				r[9] = 40
			}
		}
		r[1], r[17], r[18] = byte(n), byte(n%5), byte(n%3)
		in = append(in, r...)
	}
	return in
}

// outOfTurn returns a row a few rows (by b) beyond i at the given end, or
// for an odd b one in the rows between ends.
func outOfTurn(i int, side arenaSide, b byte, ends [2]int) int {
	if b&1 != 0 && ends[1] > ends[0] {
		return ends[0] + int(b>>1)%(ends[1]-ends[0])
	}
	if side == sideFront {
		return i - int(b>>1&7)
	}
	return i + int(b>>1&7)
}

// BenchmarkRowChunkGet unpacks every row of a chunk of lines that follow
// one another in their file, appended in turn, each on its own (get) and
// each after the last (getAfter), as a view's scan reads them.
func BenchmarkRowChunkGet(b *testing.B) {
	c, m := newRowChunk()
	refs := &chunkRefs{mem: m}
	var w rowWriter
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC).UnixNano()
	off := uint64(1 << 20)
	for i := range rowChunkRows {
		n := 120 + i%90
		raw, _ := packRaw(true, off, n)
		off += uint64(n) + 1
		w.put(c, refs, int64(i), row{time: t0 + int64(i)*1e6, raw: raw, attrs: uint32(4 * (i % 8))}, sideBack)
	}
	if refs.farLen != 0 {
		b.Fatalf("%d far rows", refs.farLen)
	}
	var sum uint64
	b.Run("get", func(b *testing.B) {
		for range b.N {
			for i := range uint64(rowChunkRows) {
				sum += c.get(i).raw
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rowChunkRows), "ns/row")
	})
	b.Run("getAfter", func(b *testing.B) {
		for range b.N {
			var cur rowCursor
			for i := range uint64(rowChunkRows) {
				sum += c.getAfter(i, &cur).raw
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rowChunkRows), "ns/row")
	})
	runtime.KeepAlive(refs)
	_ = sum
}

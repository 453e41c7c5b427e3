package model

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"
)

var t0 = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

func analytics(id, event string, at time.Time) Entry {
	raw := fmt.Sprintf(`ANALYTICS {"event_type": %q, "connection": {"id": %q}}`, event, id)
	lvl := LevelInfo
	if event == EventFailed {
		lvl = LevelWarn
	}
	return Entry{Time: at, Kind: KindAnalytics, Level: lvl, Raw: []byte(raw), Origin: Origin{Offset: -1, Host: "h1"},
		Fields: Fields{Str(KeyEventType, event), Str(KeyConnID, id), Str(KeyUserEmail, "alice@example.com"),
			Int(KeyRx, 234867), Float(KeyLat, 47.6062), Str(KeyCity, "Seattle")}}
}

func service(msg string, at time.Time) Entry {
	return Entry{Time: at, Kind: KindService, Level: LevelDebug, Raw: []byte("[DEBUG] [libsdwan] " + msg),
		Origin: Origin{Offset: -1}, Fields: Fields{Str(KeyModule, "libsdwan"), Str(KeyMessage, msg)}}
}

func TestPackedRowSize(t *testing.T) {
	var c rowChunk
	if got := unsafe.Sizeof(c.ticks[0]); got != 8 {
		t.Fatalf("a packed row is %d bytes, want 8: the per-entry index must stay fixed and small", got)
	}
	if got := unsafe.Sizeof(c.ticks) + unsafe.Sizeof(c.groupTime) + unsafe.Sizeof(c.anchors); got != rowChunkBytes {
		t.Fatalf("a chunk's rows, time bases and anchors are %d bytes, the account says %d", got, rowChunkBytes)
	}
	if got := unsafe.Sizeof(dictEntry{}); got != dictEntryBytes {
		t.Fatalf("a dictionary entry is %d bytes, the account says %d", got, dictEntryBytes)
	}
	if got := unsafe.Sizeof(farRow{}); got != farRowBytes {
		t.Fatalf("a far entry is %d bytes, the account says %d", got, farRowBytes)
	}
}

func TestStoreRoundTrip(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := []Entry{analytics("c1", EventEstablished, t0), service("hello", t0.Add(time.Second))}
	es[0].Origin.Journal = &JournalFields{Cursor: "s=abc;i=1", Unit: "twingate-connector.service", PID: 42, Priority: 6}
	es[0].Origin.Received = t0.Add(1500 * time.Microsecond) // the journal stamped it after the payload's own time
	s.Append(es)
	if es[0].Seq != 1 || es[1].Seq != 2 {
		t.Fatalf("seqs = %d, %d; want 1, 2", es[0].Seq, es[1].Seq)
	}
	sn := s.Snapshot()
	var e Entry
	if err := sn.Load(1, &e, LoadRaw); err != nil {
		t.Fatal(err)
	}
	if !e.Time.Equal(t0) || e.Kind != KindAnalytics || e.Level != LevelInfo || string(e.Raw) != string(es[0].Raw) {
		t.Errorf("loaded %+v", e)
	}
	for _, f := range es[0].Fields {
		got, ok := e.Fields.Get(f.Key)
		if !ok || got.Value != f.Value || got.IsNum != f.IsNum || got.Num != f.Num {
			t.Errorf("field %s: got %+v, want %+v", f.Key, got, f)
		}
	}
	if e.Origin.Journal == nil || e.Origin.Journal.Cursor != "s=abc;i=1" || e.Origin.Journal.PID != 42 {
		t.Errorf("journal fields lost: %+v", e.Origin.Journal)
	}
	if d := e.Origin.Received.Sub(t0.Add(1500 * time.Microsecond)).Abs(); d > time.Microsecond {
		t.Errorf("receive time off by %v", d)
	}
	if _, ok := e.Fields.Get(keyReceived); ok {
		t.Error("the receive time leaked into the fields")
	}
	if err := sn.Load(2, &e, LoadIndex); err != nil {
		t.Fatal(err)
	}
	if _, ok := e.Fields.Get(KeyMessage); ok {
		t.Errorf("message is not indexed, but an index load returned it")
	}
	if e.Fields.Value(KeyModule) != "libsdwan" {
		t.Errorf("module = %q", e.Fields.Value(KeyModule))
	}
}

func TestStoreFullLoadReparses(t *testing.T) {
	reparsed := 0
	s := NewStore(StoreOptions{Reparse: func(e *Entry) {
		reparsed++
		e.Fields = append(e.Fields, Str(KeyMessage, strings.TrimPrefix(string(e.Raw), "[DEBUG] [libsdwan] ")))
	}})
	s.Append([]Entry{service("resetting configuration", t0)})
	var e Entry
	if err := s.Snapshot().Load(1, &e, LoadFull); err != nil {
		t.Fatal(err)
	}
	if reparsed != 1 || e.Message() != "resetting configuration" {
		t.Errorf("reparsed %d times, message %q", reparsed, e.Message())
	}
}

type fakeFile struct{ data []byte }

func (f fakeFile) ReadRaw(off int64, n int, buf []byte) ([]byte, error) {
	if off+int64(n) > int64(len(f.data)) {
		return nil, errors.New("file shrank")
	}
	return append(buf, f.data[off:off+int64(n)]...), nil
}

func TestStoreFileBackedRaw(t *testing.T) {
	data := []byte("line one\nline two\n")
	s := NewStore(StoreOptions{})
	s.SetRawReader(3, fakeFile{data})
	e1 := Entry{Source: 3, Raw: data[0:8], Origin: Origin{Offset: 0}}
	e2 := Entry{Source: 3, Raw: data[9:17], Origin: Origin{Offset: 9}}
	s.Append([]Entry{e1, e2})
	if s.Stats().MemBytes > rowChunkBytes+1024 {
		t.Errorf("file-backed raw bytes should not be held in memory: %d bytes used", s.Stats().MemBytes)
	}
	var e Entry
	if err := s.Snapshot().Load(2, &e, LoadRaw); err != nil || string(e.Raw) != "line two" || e.Origin.Offset != 9 {
		t.Fatalf("raw %q offset %d err %v", e.Raw, e.Origin.Offset, err)
	}
	s.SetRawReader(3, fakeFile{data[:4]})
	if err := s.Snapshot().Load(2, &e, LoadRaw); err == nil {
		t.Fatal("a file that shrank must be reported, not read as other bytes")
	}
}

func TestStoreEvictsOverBudgetAndCounts(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 3 * rowChunkBytes})
	batch := make([]Entry, 1000)
	for i := 0; i < 200; i++ {
		for j := range batch {
			batch[j] = service(strings.Repeat("x", 64), t0)
		}
		s.Append(batch)
	}
	st := s.Stats()
	if st.Evicted == 0 {
		t.Fatal("nothing was evicted although the budget was exceeded")
	}
	if st.Loss.ByKind[GapEvictionReason] != st.Evicted {
		t.Errorf("ledger says %d evicted, store says %d", st.Loss.ByKind[GapEvictionReason], st.Evicted)
	}
	// The evictions keep one gap entry (one ledger event) at the front.
	if st.Entries+st.Evicted != 200000+st.Loss.Events || st.Appended != 200000+st.Loss.Events {
		t.Errorf("held %d + evicted %d != appended 200000 + %d gap entries (stored %d)", st.Entries, st.Evicted, st.Loss.Events, st.Appended)
	}
	sn := s.Snapshot()
	var e Entry
	if err := sn.Load(sn.FirstLine(), &e, LoadRaw); err != nil || len(e.Raw) == 0 {
		t.Errorf("oldest held line unreadable: %v", err)
	}
	if err := sn.Load(1, &e, LoadIndex); err == nil {
		t.Error("an evicted entry loaded without error")
	}
}

func TestPairing(t *testing.T) {
	s := NewStore(StoreOptions{})
	es := []Entry{analytics("c1", EventEstablished, t0), analytics("c2", EventFailed, t0),
		analytics("c1", EventClosed, t0.Add(time.Minute))}
	s.Append(es)
	p, ok := s.PairOf(&es[0])
	if !ok || p.Open || p.Partner != es[2].Seq || p.PartnerEvent != EventClosed {
		t.Errorf("established: %+v", p)
	}
	p, _ = s.PairOf(&es[2])
	if p.Partner != es[0].Seq || !p.PartnerTime.Equal(t0) {
		t.Errorf("closed: %+v", p)
	}
	p, _ = s.PairOf(&es[1])
	if !p.Ended || p.Partner != 0 {
		t.Errorf("failure must end a connection with no partner: %+v", p)
	}
	s.Append([]Entry{analytics("c3", EventEstablished, t0)})
	var e Entry
	_ = s.Snapshot().Load(4, &e, LoadIndex)
	if p, _ := s.PairOf(&e); !p.Open {
		t.Errorf("an established connection with no close is open: %+v", p)
	}
}

func TestViewIncrementalEqualsRebuild(t *testing.T) {
	s := NewStore(StoreOptions{})
	warn := Filter{Match: func(e *Entry) bool { return e.Level >= LevelWarn }}
	v, err := BuildView(context.Background(), s.Snapshot(), warn)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		batch := []Entry{service("a", t0), analytics(fmt.Sprint(i), EventFailed, t0), service("b", t0)}
		s.Append(batch)
		v.Extend(s.Snapshot(), warn)
	}
	full, _ := BuildView(context.Background(), s.Snapshot(), warn)
	if v.Len() != 50 || full.Len() != 50 {
		t.Fatalf("incremental %d, rebuilt %d, want 50", v.Len(), full.Len())
	}
	for i := 0; i < v.Len(); i++ {
		if v.At(i) != full.At(i) || s.Snapshot().Level(v.At(i)) != LevelWarn {
			t.Fatalf("row %d: incremental %d vs rebuilt %d", i, v.At(i), full.At(i))
		}
	}
	all, _ := BuildView(context.Background(), s.Snapshot(), Filter{})
	if all.Len() != 150 || all.At(0) != 1 || all.Index(100) != 99 {
		t.Errorf("match-all view: len %d first %d", all.Len(), all.At(0))
	}
}

func TestBuildViewCancelled(t *testing.T) {
	s := NewStore(StoreOptions{})
	batch := make([]Entry, 20000)
	for i := range batch {
		batch[i] = service("x", t0)
	}
	s.Append(batch)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildView(ctx, s.Snapshot(), Filter{Match: func(*Entry) bool { return true }}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func BenchmarkStoreAppend(b *testing.B) {
	s := NewStore(StoreOptions{})
	batch := make([]Entry, 1024)
	for i := range batch {
		if i%12 == 0 {
			batch[i] = analytics(fmt.Sprint("c", i), EventEstablished, t0)
		} else {
			batch[i] = service("listen::channel_event: something happened", t0)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		j := i % len(batch)
		s.Append(batch[j : j+1])
	}
	b.ReportMetric(float64(s.Stats().MemBytes)/float64(s.Stats().Entries), "bytes/entry")
}

// A snapshot taken before an eviction must go on reading what it holds: the
// UI may be filtering it on another goroutine while the writer evicts.
func TestSnapshotSurvivesEviction(t *testing.T) {
	s := NewStore(StoreOptions{MaxMemory: 3 * rowChunkBytes})
	batch := make([]Entry, 1000)
	fill := func() {
		for j := range batch {
			batch[j] = service(strings.Repeat("y", 64), t0)
		}
		s.Append(batch)
	}
	fill()
	old := s.Snapshot()
	done := make(chan struct{})
	go func() {
		defer close(done)
		var e Entry
		for seq := old.First(); seq < old.End(); seq++ {
			if err := old.Load(seq, &e, LoadRaw); err != nil || string(e.Raw) != "[DEBUG] [libsdwan] "+strings.Repeat("y", 64) {
				t.Errorf("seq %d: %q, %v", seq, e.Raw, err)
				return
			}
		}
	}()
	for i := 0; i < 200; i++ {
		fill()
	}
	<-done
	if s.Stats().Evicted == 0 {
		t.Fatal("the test did not evict anything")
	}
}

// A Maybe pre-test only skips work: the view is the same with or without it.
func TestViewMaybeSkipsWithoutChangingTheResult(t *testing.T) {
	s := NewStore(StoreOptions{})
	for i := 0; i < 300; i++ {
		s.Append([]Entry{service("x", t0), analytics(fmt.Sprint(i), EventFailed, t0)})
	}
	match := func(e *Entry) bool {
		return e.Level >= LevelWarn && e.Fields.Value(KeyUserEmail) == "alice@example.com"
	}
	asked := 0
	maybe := func(e *Entry) bool { asked++; return e.Level >= LevelWarn }
	with, _ := BuildView(context.Background(), s.Snapshot(), Filter{Match: match, Maybe: maybe})
	without, _ := BuildView(context.Background(), s.Snapshot(), Filter{Match: match})
	if with.Len() != 300 || without.Len() != 300 || asked == 0 {
		t.Fatalf("with Maybe %d, without %d, asked %d", with.Len(), without.Len(), asked)
	}
	for i := 0; i < with.Len(); i++ {
		if with.At(i) != without.At(i) {
			t.Fatalf("row %d differs", i)
		}
	}
}

// The receive time of a line whose event time differs (an ANALYTICS event's
// millisecond timestamp under a nanosecond docker-ts prefix) comes back to
// the nanosecond: it is kept as an integer, not a float64, which would round
// today's Unix nanoseconds to a multiple of 256.
func TestReceivedTimeKeptToTheNanosecond(t *testing.T) {
	s := NewStore(StoreOptions{})
	e := analytics("c1", EventEstablished, t0)
	e.Origin.Received = t0.Add(297080733) // .297080733, not a multiple of 256 ns
	s.Append([]Entry{e})
	var got Entry
	if err := s.Snapshot().Load(1, &got, LoadIndex); err != nil {
		t.Fatal(err)
	}
	if !got.Origin.Received.Equal(e.Origin.Received) {
		t.Fatalf("received %v, want %v", got.Origin.Received.Format(time.RFC3339Nano), e.Origin.Received.Format(time.RFC3339Nano))
	}
}

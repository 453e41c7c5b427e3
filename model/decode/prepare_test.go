package decode

import (
	"reflect"
	"testing"

	"connlog/model"
)

// assembleAll decodes recs in batches of size n the way the ingest stage
// does: through Decode until the envelope is settled, then through a
// Preparer and Assemble. With whole set, each batch is assembled into an
// empty slice, so that Assemble may hand over the batch's own entries.
func assembleAll(opts Options, recs []model.Record, n int, whole bool) []model.Entry {
	d := New(1, opts)
	var out []model.Entry
	for len(recs) > 0 {
		batch := recs[:min(n, len(recs))]
		recs = recs[len(batch):]
		p := d.Preparer()
		if p == nil {
			for i := range batch {
				out = d.Decode(&batch[i], out)
			}
			continue
		}
		var b Batch
		p.Clone().Prepare(&b, batch, nil)
		if whole {
			out = append(out, d.Assemble(&b, nil)...)
		} else {
			out = d.Assemble(&b, out)
		}
	}
	return d.Flush(out)
}

// checkAssembled fails unless preparing and assembling recs in batches of
// every size gives exactly what Decode gives.
func checkAssembled(t *testing.T, opts Options, recs []model.Record) {
	t.Helper()
	want := decodeAll(opts, recs)
	for _, n := range []int{1, 2, 3, 7, 1024} {
		for _, whole := range []bool{false, true} {
			got := assembleAll(opts, recs, n, whole)
			if len(got) != len(want) {
				t.Fatalf("batches of %d (whole %v): %d entries, want %d", n, whole, len(got), len(want))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("batches of %d (whole %v): entry %d differs:\n got %+v\nwant %+v", n, whole, i, got[i], want[i])
				}
			}
		}
	}
}

func TestAssembleMatchesDecode(t *testing.T) {
	for _, ff := range fixtureFiles {
		for _, env := range []string{"", ff.envelope} {
			t.Run(ff.file+"/"+env, func(t *testing.T) {
				checkAssembled(t, Options{Envelope: env, Reference: readTime}, fileRecords(fixture(t, ff.file)))
			})
		}
	}
	cases := []struct {
		name  string
		lines []string
	}{
		{"pieces of a split line", []string{
			`{"log":"[INFO] a ","stream":"stdout","time":"2026-02-10T08:00:00.1Z"}`,
			`{"log":"b\n","stream":"stdout","time":"2026-02-10T08:00:00.2Z"}`,
			`{"log":"[ERROR] c\n","stream":"stdout","time":"2026-02-10T08:00:00.3Z"}`}},
		{"a JSON document over lines", []string{"{", `  "level": "error",`, `  "msg": "x"`, "}", "after"}},
		{"times inherited from the line before", []string{"2026-02-10T08:00:00Z [INFO] a", "no time here", "nor here"}},
		{"no time at all", []string{"plain", "text"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs := lineRecords(tc.lines...)
			checkAssembled(t, Options{Reference: readTime}, recs)
			checkAssembled(t, Options{Reference: readTime, LeanService: true, LeanAnalytics: true}, recs)
			checkAssembled(t, Options{Reference: readTime, Unparsed: keepOdd}, recs)
			checkAssembled(t, Options{Reference: readTime, Unparsed: keepOdd, UnparsedFields: true}, recs)
			checkAssembled(t, Options{Reference: readTime, Unparsed: keepOdd, UnparsedAnalytics: true}, recs)
		})
	}
}

func TestPreparerWaitsForTheEnvelope(t *testing.T) {
	d := New(1, Options{})
	if d.Preparer() != nil {
		t.Fatal("a Preparer before any line settled the envelope")
	}
	recs := lineRecords("2026-02-10T08:00:00.002634600Z [INFO] a")
	d.Decode(&recs[0], nil)
	if d.Preparer() == nil {
		t.Fatal("no Preparer once a docker-ts line settled the envelope")
	}
	if New(1, Options{Envelope: "bare"}).Preparer() == nil {
		t.Fatal("no Preparer for a forced envelope")
	}
}

// FuzzAssemble: whatever the lines, marks and batch sizes, preparing and
// assembling gives what Decode gives.
func FuzzAssemble(f *testing.F) {
	for _, name := range []string{"docker-json.log", "cri.log", "syslog.log", "journal-json.log"} {
		lines := fixtureLines(f, name)
		f.Add([]byte(lines[0]+"\n"+lines[1]+"\n"+lines[len(lines)-1]+"\n"), uint8(0), true, uint8(2))
	}
	f.Add([]byte("{\n  \"a\": [1,\n\"]\"\n}\n[ERROR] x\nx"), uint8(0), false, uint8(1))
	f.Add([]byte("2016-10-06T00:17:09.669794202Z stdout P a\n2016-10-06T00:17:09.669794202Z stderr F b\n"), uint8(3), true, uint8(1))
	f.Add([]byte("[2025-11-01T14:06:15Z] [INFO] [client] Environment Information:\n    OS: x\n    y\n[2025-11-01T14:06:16Z] [INFO] [client] z:\n"), uint8(0), false, uint8(2))
	f.Add([]byte("Apr 26 13:19:06 h systemd[1]: x\n2019-01-01T01:00:00.000000001Z stderr P a\n2019-01-01T01:00:00.000000002Z stderr F b\nq  | r\n"), uint8(0), false, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, env uint8, gap bool, n uint8) {
		recs := fileRecords(data)
		if gap && len(recs) > 1 {
			mid := len(recs) / 2
			recs = append(recs[:mid], append([]model.Record{{Mark: model.MarkGap, Note: "rotation", Count: 1}}, recs[mid:]...)...)
		}
		opts := Options{Envelope: envelopeOption(env), Reference: readTime, LeanService: n%2 == 1, LeanAnalytics: n%4 >= 2, LeanText: n%4 >= 2}
		if n%16 >= 8 {
			opts.Unparsed, opts.UnparsedFields, opts.UnparsedAnalytics = keepOdd, n%32 >= 16, n%64 >= 32
		}
		want := decodeAll(opts, recs)
		got := assembleAll(opts, recs, int(n%8)+1, n%3 == 0)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("assembled entries differ from decoded ones:\n got %+v\nwant %+v", got, want)
		}
	})
}

package envelope

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"connlog/model"
)

// fuzzLines are real lines in every envelope, the seeds of the fuzzers.
var fuzzLines = []string{
	`{"log":"[INFO] [connector] processing \"health\" request\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
	`{"log":"partial","stream":"stderr","time":"2023-09-15T12:03:47.692712516Z","attrs":{"a":[1,2]}}`,
	journalLine,
	`{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1","MESSAGE":[91,255,0]}`,
	"2023-09-15T12:03:47.692712516Z [msg] All nameservers have failed",
	"2016-10-06T00:17:09.669794202Z stdout P [ERROR] [libsdwan] listen::channel_event: Failed",
	"Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out after 10 attempts",
	"2026-11-20T08:00:01.123+0000 host kernel: x",
	"INFO: 2026/02/10 14:21:37 Newt version 1.9.0",
	"\x1b[36mgerbil    |\x1b[0m INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1",
	"resource temporarily unavailable",
	"\x00\xff",
	"3月 24 15:50:32 hl kubelet[3752]: I0324 15:50:32.074030    3752 config.go:412] Receiving a new pod",
	"lip 14 00:43:01 mk-Lenovo-G780 sqlservr[4657]: [159B blob data]",
	"2016-10-06T00:17:09.669794202Z stdout The content of the log entry 1",
	"DEBUG: wireguard: 2025/04/29 17:43:59 Routine: decryption worker 2 - started",
	"2026/05/10 10:21:53.123 logtail started",
	"W1120 08:00:01.500000  1 reflector.go:424] watch ended",
	"2026-08-18T10:19:03Z INF Starting tunnel",
	"2026-12-04T10:00:01.5Z [ERROR] [libsdwan] listen::channel_event: Failed to preconnect",
	"2026-12-04T10:00:02.25Z [DEBUG] [libsdwan] [relay] relay_client::keepalive: ok",
	"2026-12-04T10:00:01Z [INFO] [connector] ok",
	"2026-12-05T07:53:02.390441Z [INFO] [soak] seq=0 Connection accepted",
	"2026-11-20T08:00:01Z relay-1.example sshd[12]: Accepted publickey",
	"02-04 11:01:16.461  1632  1632 W ProcessState: Opening '/dev/binder' failed: No such file or directory",
	"2026-02-04T11:01:16.461880112Z 02-04 11:01:16.461203746  1632  1632 W ProcessState: Opening '/dev/binder' failed",
	"Dec 10 06:55:47 relay-1 sshd[-]: Connection closed by 173.234.31.186 port 38926 [preauth]",
	"Jan 11 11:11:45 sol11 nfs: [ID 702911 kern.warning] WARNING: NFS server not responding",
	sortedJournalLine,
	"<30>Dec  4 10:00:05 gw-fra-1 twingate-connector[6479]: [ERROR] [connector] with pri",
	"<34>1 2026-12-04T10:00:06.000Z gw-fra-1 twingate-connector 6479 - - [ERROR] [connector] rfc5424 line",
	`<165>1 2026-12-04T10:00:06Z gw-fra-1 app 6479 ID47 [sd@1 a="\"]" b="\\"][c] msg`,
	"<34>1 - - - - - -",
	"2026-02-10T14:22:08.006196+0000 dente newt[408]: WARN: 2026/02/10 14:22:08 Initial reliable ping failed",
	"2026-02-10T14:22:39.000000+00:00 dente newt[408]: INFO: 2026/02/10 14:22:39 ACCESS START session=0a1b2c3d4e5f6a7b",
	"2026-02-10T14:22:08+0000 dente systemd[1]: Started newt.service.",
	"2026-02-10T14:22:08.006+01:00 gw-fra-1 twingate-connector[6479]: [WARN] [connector] offset stamp",
	`2023-09-15T12:03:37.748434000Z Response was: {"error":true,"status":403}`,
	"2023-09-15T12:03:37.748434000Z relay-1 sshd[12]: Accepted publickey",
}

func init() {
	// connlog's own ndjson export: its records hold other envelopes' lines.
	for _, name := range []string{"syslog", "gap", "base64", "journal", "item", "joined"} {
		fuzzLines = append(fuzzLines, exportedLines[name])
	}
}

// fuzzContext is a fixed context, so that failures reproduce.
var fuzzContext = Context{Location: time.FixedZone("X", 3600), Reference: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}

// aliases reports whether sub lies inside the backing array of b[:cap(b)].
func aliases(b, sub []byte) bool {
	if len(sub) == 0 {
		return true
	}
	full := b[:cap(b)]
	for i := range full {
		if &full[i] == &sub[0] {
			return i+len(sub) <= len(full)
		}
	}
	return false
}

func FuzzDecode(f *testing.F) {
	for _, l := range fuzzLines {
		f.Add(uint8(Detect([]byte(l))), []byte(l))
	}
	f.Fuzz(func(t *testing.T, k uint8, line []byte) {
		kind := Kind(k % uint8(kindCount))
		buf := make([]byte, 0, len(line))
		env, out, ok := DecodeAppend(kind, line, fuzzContext, buf)
		// Decoded into an envelope that held another line's, nothing of
		// that line is left.
		dirty := Envelope{Payload: []byte("old"), Time: time.Unix(1, 0), Stream: 1, Host: "h", Ident: "i", PID: 7, Level: model.LevelError,
			Partial: true, Journal: &model.JournalFields{Unit: "u"}, Exported: &Exported{Host: "x"}}
		if _, okInto := DecodeInto(&dirty, kind, line, fuzzContext, make([]byte, 0, len(line))); okInto != ok || !reflect.DeepEqual(dirty, env) {
			t.Fatalf("decoded into a used envelope: %+v (%v), into a new one %+v (%v)", dirty, okInto, env, ok)
		}
		if !ok {
			if kind == Bare {
				t.Fatal("a bare line did not fit")
			}
			return
		}
		if len(env.Payload) > len(line) {
			t.Fatalf("payload of %d bytes from a line of %d", len(env.Payload), len(line))
		}
		if len(out) > 0 && &out[:1][0] != &buf[:1][0] {
			t.Fatal("a buffer as long as the line was reallocated")
		}
		if !aliases(line, env.Payload) && !aliases(buf, env.Payload) {
			t.Fatal("payload is neither in the line nor in the buffer")
		}
		again, ok2 := Decode(kind, line, fuzzContext)
		if !ok2 || !bytes.Equal(again.Payload, env.Payload) || !again.Time.Equal(env.Time) {
			t.Fatalf("decoding twice differs: %q vs %q", again.Payload, env.Payload)
		}
	})
}

// FuzzJournalJSONFields holds JournalJSONFields to reading every line
// Detect names journal JSON, and to no panic or endless loop on any line.
func FuzzJournalJSONFields(f *testing.F) {
	for _, l := range fuzzLines {
		f.Add([]byte(l))
	}
	f.Add([]byte(`{"__CURSOR":"x","A":["a"}}`))
	f.Add([]byte(`{"__CURSOR":"x","A":["a",,[1,,2],[[[3]]]]}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		n := 0
		ok := JournalJSONFields(line, func(_, value []byte) { n += len(value) })
		if !ok && Detect(line) == JournalJSON {
			t.Fatal("Detect names the line journal JSON, JournalJSONFields does not read it")
		}
		if n > len(line) {
			t.Fatalf("%d bytes of values from a line of %d", n, len(line))
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, l := range fuzzLines {
		f.Add([]byte(l))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		k := Detect(line)
		if k == Bare {
			return
		}
		if _, ok := Decode(k, line, fuzzContext); !ok {
			t.Fatalf("detected %v but Decode rejects the line", k)
		}
	})
}

// FuzzDoubtful holds a stream's first envelope to the lines Detect gives
// to another: a line that decodes as the stream's envelope k but that
// Detect names j (and j decodes) must be doubted, so that it is read as j,
// as it is when its file is read alone.
func FuzzDoubtful(f *testing.F) {
	for _, l := range fuzzLines {
		for _, k := range []Kind{Syslog, DockerTS} {
			f.Add(uint8(k), []byte(l))
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, line []byte) {
		kind := []Kind{Syslog, DockerTS}[k%2]
		env, ok := Decode(kind, line, fuzzContext)
		if !ok {
			return
		}
		j := Detect(line)
		if j == Bare || j == kind {
			return
		}
		if _, ok := Decode(j, line, fuzzContext); ok && !Doubtful(kind, line, &env) {
			t.Fatalf("%v decodes %q, which Detect reads as %v, without doubt", kind, line, j)
		}
	})
}

func FuzzParseRFC3339(f *testing.F) {
	for _, s := range []string{"2023-09-15T12:03:47.692712516Z", "2026-01-29T16:17:37+00:00", "2024-02-29T23:59:59.1-05:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, ok := parseRFC3339([]byte(s), time.UTC)
		if !ok {
			return
		}
		if st.n > len(s) {
			t.Fatalf("consumed %d of %d bytes", st.n, len(s))
		}
		stamp := s[:st.n]
		colonZone := st.zulu || (st.zoned && stamp[len(stamp)-3] == ':')
		if !colonZone {
			return // "+0000" and zone-less stamps are outside RFC 3339
		}
		want, err := time.Parse(time.RFC3339Nano, stamp)
		if err != nil {
			t.Fatalf("accepted %q, which time.Parse rejects: %v", stamp, err)
		}
		if !st.t.Equal(want) {
			t.Fatalf("%q: got %v, time.Parse %v", stamp, st.t, want)
		}
	})
}

// FuzzMonthToken checks the month reader used by syslog stamps: a month is
// 1-12 and its token lies within the line and before a space.
func FuzzMonthToken(f *testing.F) {
	for _, s := range []string{"3月 24", "12월 1", "lip 14", "janv. 3", "Jan  1", "13月 1", "мар 1", "\xff\xfe 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, n := monthToken(b)
		if m == 0 {
			return
		}
		if m > 12 || n <= 0 || n > len(b) || (n < len(b) && b[n] != ' ' && n != 3) {
			t.Fatalf("month %d, token of %d bytes in %q", m, n, b)
		}
	})
}

// FuzzDetectShapes holds Detect's cheap tests to what they stand before:
// a line decodeCRI reads has mayBeCRI's shape, and one looksDockerTS
// accepts has mayBeDockerTS's.
func FuzzDetectShapes(f *testing.F) {
	for _, l := range fuzzLines {
		f.Add([]byte(l))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if _, ok := decodeCRI(line, detectContext); ok && !mayBeCRI(line) {
			t.Fatalf("decodeCRI reads %q, which mayBeCRI turns away", line)
		}
		if looksTrimmedDockerTS(line) {
			if _, ok := decodeDockerTS(line, detectContext); !ok {
				t.Fatalf("looksTrimmedDockerTS accepts %q, which decodeDockerTS rejects", line)
			}
		}
		if looksDockerTS(line) && !mayBeDockerTS(line) {
			t.Fatalf("looksDockerTS accepts %q, which mayBeDockerTS turns away", line)
		}
		if len(line) > 10 && line[4] == '-' && line[10] == 'T' && looksSyslog(line) && !mayBeISOSyslog(line) {
			t.Fatalf("looksSyslog accepts %q, which mayBeISOSyslog turns away", line)
		}
	})
}

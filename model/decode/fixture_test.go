package decode

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"connlog/model"
)

// fixtureFiles names every fixture with the envelope it must be read in.
var fixtureFiles = []struct {
	file     string
	envelope string
}{
	{"bare.log", "bare"},
	{"docker-json.log", "docker-json"},
	{"docker-ts.log", "docker-ts"},
	{"cri.log", "cri"},
	{"newt.log", "newt"},
	{"docker-json-newt.log", "docker-json"},
	{"cri-newt.log", "cri"},
	{"syslog.log", "syslog"},
	{"syslog-iso.log", "syslog"},
	{"journal-json.log", "journal-json"},
	{"compose.log", "compose"},
}

// newtMessages strips "LEVEL: YYYY/MM/DD HH:MM:SS " from newt.log's lines.
func newtMessages(t *testing.T) []string {
	var out []string
	for _, l := range fixtureLines(t, "newt.log") {
		f := strings.SplitN(l, " ", 4)
		out = append(out, f[3])
	}
	return out
}

func TestFixturesYieldTheirPayloads(t *testing.T) {
	bare := fixtureLines(t, "bare.log")
	newt := newtMessages(t)
	cases := []struct {
		file string
		want []string
	}{
		{"bare.log", bare},
		{"docker-json.log", bare},
		{"docker-ts.log", bare},
		{"cri.log", bare},
		{"newt.log", newt},
		{"docker-json-newt.log", newt},
		{"cri-newt.log", newt},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			es := decodeAll(Options{}, fileRecords(fixture(t, tc.file)))
			sameLines(t, "payload", payloads(es), tc.want)
		})
	}
}

func TestFixturesKeepEveryByteAndOffset(t *testing.T) {
	for _, f := range fixtureFiles {
		t.Run(f.file, func(t *testing.T) {
			content := fixture(t, f.file)
			es := decodeAll(Options{Reference: readTime}, fileRecords(content))
			if got := rawOfRecords(es); !bytes.Equal(got, content) {
				t.Fatalf("raw bytes of the entries differ from the file (%d vs %d bytes)", len(got), len(content))
			}
			for i := range es {
				e := &es[i]
				if e.Origin.Envelope != f.envelope {
					t.Errorf("entry %d envelope %q, want %q (raw %.80q)", i, e.Origin.Envelope, f.envelope, e.Raw)
				}
				end := e.Origin.Offset + int64(len(e.Raw))
				if e.Origin.Offset < 0 || end > int64(len(content)) || !bytes.Equal(content[e.Origin.Offset:end], e.Raw) {
					t.Errorf("entry %d: offset %d does not address its raw bytes", i, e.Origin.Offset)
				}
			}
		})
	}
}

func TestFixturesReparseToTheSameEntry(t *testing.T) {
	for _, f := range fixtureFiles {
		t.Run(f.file, func(t *testing.T) {
			es := decodeAll(Options{Reference: readTime}, fileRecords(fixture(t, f.file)))
			for i := range es {
				checkReparse(t, &es[i])
			}
		})
	}
}

// checkReparse rebuilds a copy of e from its raw bytes and compares.
func checkReparse(t *testing.T, e *model.Entry) {
	t.Helper()
	c := *e
	c.Payload, c.Fields, c.Err = nil, nil, ""
	c.Raw = append([]byte(nil), e.Raw...)
	Reparse(&c)
	if !bytes.Equal(c.Payload, e.Payload) || c.Err != e.Err || len(c.Fields) != len(e.Fields) {
		t.Fatalf("reparse of %.80q: payload %.80q err %q, want %.80q err %q", e.Raw, c.Payload, c.Err, e.Payload, e.Err)
	}
	for i := range c.Fields {
		if c.Fields[i] != e.Fields[i] {
			t.Fatalf("reparse field %d = %+v, want %+v", i, c.Fields[i], e.Fields[i])
		}
	}
	checkMessageInRaw(t, &c, MessageInRaw(&c))
	// Options.Unparsed asks with the payload the decoder gave the line.
	checkMessageInRaw(t, e, messageInRaw(e, true))
	// Payloads rebuilds the same payload and leaves the fields alone.
	p := *e
	p.Payload, p.Raw = nil, c.Raw
	kept := model.Fields{model.Str(model.KeyModule, "kept")}
	p.Fields = kept
	Payloads([]*model.Entry{&p})
	if !bytes.Equal(p.Payload, e.Payload) || len(p.Fields) != 1 || p.Fields[0] != kept[0] {
		t.Fatalf("payload of %.80q: %.80q with fields %v, want %.80q with the fields kept", e.Raw, p.Payload, p.Fields, e.Payload)
	}
}

// checkMessageInRaw holds an entry to a claim that its message is in its
// raw bytes (MessageInRaw): when it is held, every message field is a part
// of them.
func checkMessageInRaw(t *testing.T, e *model.Entry, held bool) {
	t.Helper()
	if !held {
		return
	}
	for _, f := range e.Fields {
		if f.Key == model.KeyMessage && !bytes.Contains(e.Raw, []byte(f.Value)) {
			t.Fatalf("message %q of %q is not a part of its raw bytes", f.Value, e.Raw)
		}
	}
}

func TestSyslogFixtureCrossesNewYear(t *testing.T) {
	loc := time.FixedZone("UTC-5", -5*3600)
	ref := time.Date(2027, 1, 1, 9, 0, 0, 0, loc) // the file's mtime, after midnight
	es := decodeAll(Options{Location: loc, Reference: ref}, fileRecords(fixture(t, "syslog.log")))
	var connector []string
	prev := time.Time{}
	for i, e := range es {
		at := e.Origin.Received // the envelope's time; ANALYTICS lines carry their own
		if at.Before(prev) {
			t.Errorf("entry %d at %v goes back in time from %v", i, at, prev)
		}
		prev = at
		if at.Location() != loc {
			t.Errorf("entry %d time %v not in the configured location", i, at)
		}
		if strings.HasPrefix(string(e.Raw), "Dec 31") != (at.Year() == 2026) {
			t.Errorf("entry %d: %v for %.15q", i, at, e.Raw)
		}
		if e.Origin.Ident == "twingate-connector" {
			connector = append(connector, string(e.Payload))
		}
		if e.Origin.Host != "ip-172-30-2-209" {
			t.Errorf("entry %d host %q", i, e.Origin.Host)
		}
	}
	sameLines(t, "connector payload", connector, fixtureLines(t, "bare.log"))
}

func TestSyslogISOFixtureTakesNewtLevels(t *testing.T) {
	es := decodeAll(Options{}, fileRecords(fixture(t, "syslog-iso.log")))
	for i, e := range es {
		raw := string(e.Raw)
		wantLevel := model.LevelInfo
		if strings.Contains(raw, "]: WARN: ") {
			wantLevel = model.LevelWarn
		}
		if e.Level != wantLevel || e.Origin.Ident != "newt" || e.Origin.PID != 408 || e.Origin.Host != "dente" {
			t.Errorf("entry %d: level %v ident %q pid %d host %q", i, e.Level, e.Origin.Ident, e.Origin.PID, e.Origin.Host)
		}
		// The journal's microsecond stamp wins over newt's own second.
		stamp, err := time.Parse("2006-01-02T15:04:05.999999-0700", raw[:strings.IndexByte(raw, ' ')])
		if err != nil || !e.Origin.Received.Equal(stamp) {
			t.Errorf("entry %d envelope time %v, want %v (%v)", i, e.Origin.Received, stamp, err)
		}
	}
}

func TestJournalJSONFixture(t *testing.T) {
	es := decodeAll(Options{}, fileRecords(fixture(t, "journal-json.log")))
	bare := fixtureLines(t, "bare.log")
	bareEntries := decodeAll(Options{}, fileRecords(fixture(t, "bare.log")))
	if len(es) != len(bare)+3 {
		t.Fatalf("%d entries, want %d", len(es), len(bare)+3)
	}
	// The layout README.md describes: bare.log with the v1 ANALYTICS event
	// after the eighth line, a binary MESSAGE at index 5, a systemd line last.
	var rest []string
	for i, e := range es {
		p := string(e.Payload)
		switch {
		case i == 5:
			if utf8.ValidString(p) || !strings.HasSuffix(p, "\xff\xfe") {
				t.Errorf("binary message decoded as %q", p)
			}
		case i == 9:
			if !strings.HasPrefix(p, `ANALYTICS {"event_type": "established_connection"`) {
				t.Errorf("entry 9 = %.60q, want the v1 ANALYTICS event", p)
			}
		case i == len(es)-1:
			if e.Origin.Journal.Priority != 3 || e.Level != model.LevelError || e.Origin.Ident != "systemd" {
				t.Errorf("systemd line: priority %d level %v ident %q", e.Origin.Journal.Priority, e.Level, e.Origin.Ident)
			}
		default:
			// PRIORITY 6 says nothing: the level is what the line alone gives.
			if n := len(rest); n < len(bareEntries) && e.Level != bareEntries[n].Level {
				t.Errorf("entry %d level %v, the bare line has %v", i, e.Level, bareEntries[n].Level)
			}
			rest = append(rest, p)
		}
		if i < len(es)-1 && (e.Origin.Unit != "twingate-connector.service" || e.Origin.Host != "ip-172-30-2-209" || e.Origin.PID != 369075) {
			t.Errorf("entry %d origin %+v", i, e.Origin)
		}
		if e.Time.IsZero() || e.Flags.Has(model.FlagTimeInferred) {
			t.Errorf("entry %d has no journal time", i)
		}
	}
	sameLines(t, "payload", rest, bare)
}

func TestComposeFixture(t *testing.T) {
	es := decodeAll(Options{}, fileRecords(fixture(t, "compose.log")))
	lines := fixtureLines(t, "compose.log")
	for i, e := range es {
		name, body, _ := strings.Cut(lines[i], " | ")
		if e.Origin.Ident != strings.TrimSpace(name) {
			t.Errorf("entry %d ident %q, want %q", i, e.Origin.Ident, strings.TrimSpace(name))
		}
		isNewt := strings.HasPrefix(body, "INFO: ")
		want := body
		if isNewt {
			want = strings.SplitN(body, " ", 4)[3]
		}
		if string(e.Payload) != want || (isNewt && e.Level != model.LevelInfo) {
			t.Errorf("entry %d payload %q level %v, want %q", i, e.Payload, e.Level, want)
		}
	}
}

package envelope

import (
	"bytes"
	"testing"
	"time"

	"connlog/model"
)

// exportedLines are records connlog's ndjson export wrote: a syslog line,
// a gap, a line of invalid UTF-8 with an escape sequence, a journalctl -o
// json line, one item of a flow message and a line joined from two.
var exportedLines = map[string]string{
	"syslog":  `{"seq":1,"time":"2025-12-31T14:59:40Z","level":"info","kind":"service","source":{"name":"syslog.log","host":"gw-1","unit":"","ident":"twingate-connector","envelope":"syslog","offset":0,"cursor":null,"received":"2025-12-31T14:59:40Z"},"fields":{"message":"ok","module":"connector"},"flags":{"time_inferred":false,"parse_error":false,"truncated":false,"partial":false},"raw":"Dec 31 23:59:40 gw-1 twingate-connector[1]: [INFO] [connector] ok"}`,
	"gap":     `{"seq":2,"time":"2025-12-31T23:59:40Z","level":"warn","kind":"gap","source":{"name":"mix.log","host":"","unit":"","ident":"","envelope":"","offset":null,"cursor":null,"received":"2026-12-06T11:23:40.347538533Z"},"fields":{"gap":{"count":3,"reason":"nul bytes"},"message":"NUL bytes where the file was never written (a crash or power loss): up to 3 bytes may be missing"},"flags":{"time_inferred":true,"parse_error":false,"truncated":false,"partial":false},"raw":""}`,
	"base64":  `{"seq":3,"time":"2025-12-31T23:59:40Z","level":"none","kind":"text","source":{"name":"mix.log","host":"","unit":"","ident":"","envelope":"bare","offset":70,"cursor":null,"received":"2026-12-06T11:23:40.347538533Z"},"fields":{"message":"bad \ufffd\ufffd bytes red"},"flags":{"time_inferred":true,"parse_error":false,"truncated":false,"partial":false},"raw_base64":"YmFkIP/+IGJ5dGVzIBtbMzFtcmVk","raw_encoding":"base64"}`,
	"journal": `{"seq":-4,"time":"2022-10-19T10:53:20Z","level":"info","kind":"service","source":{"name":"j.log","host":"h","unit":"twingate-connector.service","ident":"twingate-connector","envelope":"journal-json","offset":0,"cursor":"s=ac;i=1a2b","received":"2022-10-19T10:53:20Z"},"fields":{"message":"ok"},"flags":{"time_inferred":false,"parse_error":false,"truncated":false,"partial":false},"raw":"{\"__CURSOR\":\"s=ac;i=1a2b\",\"__REALTIME_TIMESTAMP\":\"1666176800000000\",\"MESSAGE\":\"[INFO] [connector] ok\"}"}`,
	"item":    `{"seq":3,"item":2,"time":"2024-04-08T21:39:11.099495616Z","level":"none","kind":"flow","source":{"name":"flow.log","host":"","unit":"","ident":"","envelope":"bare","offset":0,"cursor":null,"received":null},"fields":{"dst":"98.x.x.x:1025"},"pair":{"id":"x","partner":null,"partner_time":null,"partner_event":"","open":false,"ended":false},"flags":{"time_inferred":false,"parse_error":false,"truncated":true,"partial":false},"error":"cut","raw":"{}"}`,
	"joined":  `{"seq":9,"time":"2023-09-15T12:03:30Z","level":"info","kind":"service","source":{"name":"d.log","host":"","unit":"","ident":"","envelope":"docker-json","offset":0,"cursor":null,"received":"2023-09-15T12:03:30Z"},"fields":{"message":"ab"},"flags":{"time_inferred":false,"parse_error":false,"truncated":false,"partial":false},"raw":"{\"log\":\"[INFO] [connector] a\",\"time\":\"2023-09-15T12:03:30Z\"}\n{\"log\":\"b\\n\",\"time\":\"2023-09-15T12:03:30Z\"}"}`,
}

func TestDetectExported(t *testing.T) {
	for name, line := range exportedLines {
		if k := Detect([]byte(line)); k != ConnlogNDJSON {
			t.Errorf("%s: detected %v, want %v", name, k, ConnlogNDJSON)
		}
	}
}

// TestDetectNotExported holds the test to connlog's own keys: a program's
// JSON log with "seq", "time", "kind", "source" or "raw" keys is its own.
func TestDetectNotExported(t *testing.T) {
	syslog := exportedLines["syslog"]
	cases := map[string]string{
		"an app's audit log":       `{"seq":7,"time":"2026-11-20T08:00:01Z","kind":"login","user":"alice","source":"10.0.0.1","raw":"x"}`,
		"a key of another program": syslog[:len(syslog)-1] + `,"user":"alice"}`,
		"source not an object":     `{"seq":1,"time":null,"kind":"text","source":"app","flags":{},"raw":"x"}`,
		"a source with other keys": `{"seq":1,"time":null,"kind":"text","source":{"name":"a","path":"/x"},"flags":{},"raw":"x"}`,
		"no raw":                   `{"seq":1,"time":null,"kind":"text","source":{},"flags":{}}`,
		"both raws":                `{"seq":1,"time":null,"kind":"text","source":{},"flags":{},"raw":"x","raw_base64":"eA=="}`,
		"no source":                `{"seq":1,"time":null,"kind":"text","flags":{},"raw":"x"}`,
		"seq not a number":         `{"seq":"1","time":null,"kind":"text","source":{},"flags":{},"raw":"x"}`,
		"a key twice":              `{"seq":1,"time":null,"kind":"text","source":{},"flags":{},"raw":"x","raw":"y"}`,
		"a time key first":         `{"time":"2026-11-20T08:00:01Z","level":"info","msg":"x","raw":"y"}`,
	}
	for name, line := range cases {
		if k := Detect([]byte(line)); k != Bare {
			t.Errorf("%s: detected %v, want bare", name, k)
		}
		if _, ok := Decode(ConnlogNDJSON, []byte(line), fuzzContext); ok {
			t.Errorf("%s: decodes as a record of the export", name)
		}
	}
}

func TestDecodeExported(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["syslog"]), fuzzContext)
	if !ok || env.Exported == nil {
		t.Fatal("the record does not decode")
	}
	x := env.Exported
	if string(x.Raw) != "Dec 31 23:59:40 gw-1 twingate-connector[1]: [INFO] [connector] ok" || !bytes.Equal(env.Payload, x.Raw) {
		t.Errorf("raw %q, payload %q", x.Raw, env.Payload)
	}
	if want := time.Date(2025, 12, 31, 14, 59, 40, 0, time.UTC); !x.Time.Equal(want) || !env.Time.Equal(want) {
		t.Errorf("time %v, want %v", x.Time, want)
	}
	if x.Envelope != "syslog" || x.Host != "gw-1" || x.Ident != "twingate-connector" || env.Host != "gw-1" ||
		x.Level != model.LevelInfo || x.Mark != model.MarkLine || x.Flags != 0 {
		t.Errorf("decoded %+v", x)
	}
}

func TestDecodeExportedJournal(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["journal"]), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	x := env.Exported
	if x.Unit != "twingate-connector.service" || x.Cursor != "s=ac;i=1a2b" || x.Envelope != "journal-json" {
		t.Errorf("decoded %+v", x)
	}
	if want := `{"__CURSOR":"s=ac;i=1a2b","__REALTIME_TIMESTAMP":"1666176800000000","MESSAGE":"[INFO] [connector] ok"}`; string(x.Raw) != want {
		t.Errorf("raw %s", x.Raw)
	}
}

func TestDecodeExportedBase64(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["base64"]), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	if want := "bad \xff\xfe bytes \x1b[31mred"; string(env.Exported.Raw) != want {
		t.Errorf("raw %q, want %q", env.Exported.Raw, want)
	}
	if env.Exported.Flags != model.FlagTimeInferred {
		t.Errorf("flags %v", env.Exported.Flags)
	}
}

func TestDecodeExportedItemAndFlags(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["item"]), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	if x := env.Exported; x.Item != 2 || x.Flags != model.FlagTruncated || !x.Received.IsZero() || x.Level != model.LevelNone {
		t.Errorf("decoded %+v", x)
	}
}

func TestDecodeExportedJoined(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["joined"]), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	want := "{\"log\":\"[INFO] [connector] a\",\"time\":\"2023-09-15T12:03:30Z\"}\n{\"log\":\"b\\n\",\"time\":\"2023-09-15T12:03:30Z\"}"
	if string(env.Exported.Raw) != want {
		t.Errorf("raw %q", env.Exported.Raw)
	}
}

func TestDecodeExportedGap(t *testing.T) {
	env, ok := Decode(ConnlogNDJSON, []byte(exportedLines["gap"]), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	if x := env.Exported; x.Mark != model.MarkGap || x.Note != "nul bytes" || x.Count != 3 || len(x.Raw) != 0 {
		t.Errorf("decoded %+v", x)
	}
	boundary := `{"seq":5,"time":"2026-01-01T00:00:00Z","level":"notice","kind":"boundary","source":{"name":"j"},"fields":{"boundary":"reboot","message":"host rebooted"},"flags":{"time_inferred":false},"raw":""}`
	env, ok = Decode(ConnlogNDJSON, []byte(boundary), fuzzContext)
	if !ok || env.Exported.Mark != model.MarkBoundary || env.Exported.Note != "reboot" {
		t.Errorf("boundary decoded %+v, %v", env.Exported, ok)
	}
}

// TestDecodeExportedTruncated cuts every record at every byte: none fits,
// and none panics.
func TestDecodeExportedTruncated(t *testing.T) {
	for name, line := range exportedLines {
		for n := range len(line) {
			cut := []byte(line[:n])
			if Detect(cut) == ConnlogNDJSON {
				t.Fatalf("%s cut at %d is detected", name, n)
			}
			if _, ok := Decode(ConnlogNDJSON, cut, fuzzContext); ok {
				t.Fatalf("%s cut at %d decodes", name, n)
			}
		}
	}
}

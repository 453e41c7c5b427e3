package payload

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// fuzzSeeds are payloads of every family plus broken ones; the seed
// corpus in testdata/fuzz adds the fixture lines.
var fuzzSeeds = []string{
	`[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error`,
	`[INFO][client]Client posture data collected. {"IsScreenSaverSecure":false}`,
	`[msg] All nameservers have failed`,
	`Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`,
	`pbcc_parse_subscribe_v2_response - AccessDenied: response from server`,
	`ANALYTICS {"connection":{"id":"c","rx":1},"event_type":"closed_connection","location":"{\"geoip\":{\"city\":\"S\"}}","relays":[{"ip":"1.2.3.4","port":1}],"timestamp":1698356150045}`,
	`{"id":"a","created_at":"2026-03-04T09:15:02Z","hostname":"h","level":"info","log_type":"audit","access_granted":"False"}`,
	`{"nodeId":"n","start":"2026-01-01T00:00:00Z","virtualTraffic":[{"proto":6,"src":"[fd7a::1]:53","dst":"100.64.0.1:22"}]}`,
	`{"time":1780500776.773,"event":{"nodeId":"n","physicalTraffic":[{"dst":"1.2.3.4:5"}]},"fields":{"recorded":"x"}}{"time":1,"event":{"actor":{"id":"u"}}}`,
	`[{"logtail":{"proc_seq":1},"nodeId":"1","exitTraffic":[{"dst":"100.64.0.1:0"}]}]`,
	`{"logs":[{"nodeId":"n","subnetTraffic":[{}]}]}`,
	`{"event":"connection","timestamp":"2026-02-10T14:21:37Z","data":{"sessionId":"s","startedAt":1,"endedAt":2}}`,
	`{"data":{"log":[{"sessionId":"s","sourceAddr":"a:1"}]}}`,
	`s1,35,"org ""a""",3,,'=x,u,a:1,b:2,tcp,1,2,3,4`,
	`ACCESS END (reaped) session=s resource=1 proto=udp src=a:1 dst=b:2 started=2026-02-10T14:19:02Z ended=2026-02-10T14:21:40Z duration=2m38s`,
	`2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: skipping`,
	`{"level":30,"time":1770733301456,"msg":"m","a":[[1],{"b":null}]}`,
	"[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] Service state updated. [StateAggregationService.set_State]",
	"[2025-11-01T14:06:15Z] [INFO] [client] Environment Information:\n    OS: Linux\n    Client: 1",
	"2026-08-18T10:19:03Z INF Starting tunnel tunnelID=dd3d43a3",
	"2022-08-19T19:55:28.256Z  WARN warp::dns: msg",
	"2026-01-02 15:04:05,123 WARN [main] com.example.App - msg",
	"2025-08-06 00:16:20,123 - root - WARNING - Tests timed out",
	"WARNING:root:disk almost full",
	`time="2017-03-27T13:06:59Z" level=info msg="Traefik \"v1\"" k=v`,
	`level=DEBUG msg="unterminated`,
	"[75B blob data]",
	"DEBU[2016-05-25T00:33:59Z] Global configuration loaded {\"GraceTimeOut\":10}",
	"INFO[0000] x",
	"[2022-12-28 19:16:44.874][WireGuard][debug] pid=456 Routine: x",
	`[2025-11-01T14:06:15Z] {"level":"error","msg":"relay lost","peer":"10.0.0.7"}`,
	`[2025-11-01T14:06:15Z] INFO {"msg":"m"} trailing`,
	`2026-12-05T10:00:20.000Z INFO {"msg":"tunnel up","site":"s1"}`,
	`[INFO] {"msg":"m","site":"s1"}`,
	`WARN {"level":"error","msg":"m"} x`,
	`2026-12-05 10:00:22 level=error msg=m site=s1`,
	`2026-12-05 10:00:20 WARN {"level":"warn","msg":"slow"}`,
	"2024-04-04T03:23:25.000000857Z 25007 30026 DEBUG WireGuard/GoBackend: x",
	"2019-03-26 09:37:32.065569: [NET] Routine: x",
	"2025-01-30T14:07:10.231Z\tinfo\trpcLog\t{}",
	"2022-03-24 12:28:45.15434599 +0100 CET m=+32.8 container kill",
	"2024-11-17T03:22:31.552Z  INFO 1 --- [demo101] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.",
	"2019-10-23 07:29:17.726 WARN 1 --- [nt_0.internal-2] c.h.c.connection.nio.HeartbeatManager : hz.client_0 [CloudDemo]",
	"[ID 702911 kern.warning] WARNING: NFS server not responding",
	"2024-02-04 11:01:16.461203746  1632  1632 F libc    : Fatal signal 6 (SIGABRT)",
	`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
	`node=host1 type=EXECVE msg=audit(1796378400.124:457): argc=2 a0="curl" a1=68747470733A2F2F6578616D706C652E636F6D`,
	`audit: type=1400 audit(1796378400.123:456): apparmor="DENIED" operation="open" profile="snap.curl" name="/etc/shadow" pid=99 comm="curl"`,
	`[ 1234.567890] audit: type=1400 audit(1796378400.123:458): apparmor="ALLOWED"`,
	`type=AVC msg=audit(1796378400.126:459): avc:  denied  { read } for  pid=99 comm="curl" tclass=file permissive=0`,
	"type=USER_AUTH msg=audit(1796378400.123:461): msg='acct=\"alice\" res=success'\x1dAUID=\"alice\"",
	`audit: type=1326 audit(1796378400.123:465): auid=1000 uid=0 ses=3 pid=99 comm="curl" sig=31 syscall=41`,
	`audit: type=99999 audit(1796378400.123:466): op=x`, `audit: type=AUDIT1503 audit(1796378400.123:467): a=b`,
	`type=USER_CMD msg=audit(0.000:1): msg='cmd="unterminated`, `type=X msg=audit(1.:)`, `node= type= msg=audit(`,
	`ANALYTICS {"event_type":"closed_connection","timestamp":"0000-01-01T00:00:00Z"}`,
	`ANALYTICS {"event_type":"closed_connection","timestamp":99999999999999}`,
	"ANALYTICS {\"x\":" + strings.Repeat("[", 40),
	"caf\xc3\x28\x00",
	`{`, `[`, `"`, ``,
}

// FuzzParse checks the contract every caller relies on: at least one
// result, out left alone, bounded results, the same answer twice, and a
// text result with no time or level holding the payload as it is.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		sentinel := Result{Kind: model.KindGap, Err: "sentinel"}
		rs := Parse(p, []Result{sentinel})
		if len(rs) < 2 || !reflect.DeepEqual(rs[0], sentinel) {
			t.Fatalf("Parse must append at least one result and keep out: %+v", rs)
		}
		rs = rs[1:]
		if len(rs) > maxResults {
			t.Fatalf("%d results, more than %d", len(rs), maxResults)
		}
		if again := Parse(p, nil); !reflect.DeepEqual(again, rs) {
			t.Fatalf("Parse is not deterministic")
		}
		for _, r := range rs {
			if r.Kind >= model.KindGap {
				t.Fatalf("kind %v is not a payload kind", r.Kind)
			}
			if len(r.Fields) > maxFamilyFields {
				t.Fatalf("%d fields, more than %d", len(r.Fields), maxFamilyFields)
			}
			// Colour codes are removed before a line is parsed (they hid
			// levels and times): the message is the rest, every byte.
			if r.Kind == model.KindText && r.Time.IsZero() && r.Level == model.LevelNone &&
				r.Fields.Value(model.KeyMessage) != string(WithoutColour(p)) {
				t.Fatalf("text message %q is not the payload without its colour codes", r.Fields.Value(model.KeyMessage))
			}
		}
	})
}

// FuzzScanner checks the scanner against encoding/json: whatever the
// standard library accepts, the scanner accepts; and without raw control
// characters (which the scanner tolerates inside strings, as loggers
// write them) whatever the scanner accepts, the standard library does.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{`{}`, `[1,2.5e3,-0]`, `{"a":"\u00e9\ud83d\ude00","b":[true,false,null]}`, `{"a":1,}`,
		`[01]`, `"\x"`, "[\"a\tb\"]", strings.Repeat("[", 100) + strings.Repeat("]", 100)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		sc := scanner{s: string(p)}
		sc.skip()
		if sc.err == nil && sc.more() {
			sc.fail("trailing data")
		}
		mine, std := sc.err == nil, json.Valid(p)
		if std && !mine {
			t.Fatalf("encoding/json accepts, scanner refuses: %v", sc.err)
		}
		if mine && !std && !hasControlByte(p) {
			t.Fatalf("scanner accepts what encoding/json refuses")
		}
	})
}

func hasControlByte(p []byte) bool {
	for _, c := range p {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// FuzzParseISO checks the hand-written timestamp parser against
// time.Parse: every RFC 3339 text it accepts is read to the same instant.
// time.Parse also takes one-digit fields ("T0:00:00Z"), which RFC 3339
// does not allow and no logger writes; only the strict shape is compared.
func FuzzParseISO(f *testing.F) {
	for _, s := range []string{"2026-06-02T19:00:05.558444283Z", "2026-01-29T16:17:37+00:00", "2026-03-04 09:16:12.550131",
		"2024-02-29T23:59:59-23:59", "2025-02-29T00:00:00Z", "0000-01-01T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n, ok := parseISO(s)
		if ok && (n <= 0 || n > len(s)) {
			t.Fatalf("read %d bytes of %d", n, len(s))
		}
		std, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || !strictRFC3339Shape(s) {
			return
		}
		if !ok || n != len(s) || !got.Equal(std) {
			t.Fatalf("parseISO(%q) = %v, %d, %v; time.Parse says %v", s, got, n, ok, std)
		}
	})
}

// strictRFC3339Shape reports whether s has two-digit fields where RFC 3339
// puts them ("2006-01-02T15:04:05") and an offset RFC 3339 allows
// (time.Parse takes "+00:60" and "+24:00").
func strictRFC3339Shape(s string) bool {
	if len(s) < 20 {
		return false
	}
	if z := s[len(s)-6:]; (z[0] == '+' || z[0] == '-') && z[3] == ':' && (z[4] >= '6' || z[1:3] > "23") {
		return false
	}
	for i, c := range []byte(s[:19]) {
		switch i {
		case 4, 7:
			if c != '-' {
				return false
			}
		case 10:
			if c != 'T' && c != 't' {
				return false
			}
		case 13, 16:
			if c != ':' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// FuzzAnalytics: any valid JSON object after the prefix is an analytics
// entry whose only possible complaint is an undecodable location.
func FuzzAnalytics(f *testing.F) {
	for _, s := range []string{`{}`, `{"connection":[]}`, `{"location":"{"}`, `{"relays":[{"port":"x"}],"timestamp":"1"}`,
		`{"connection":{"client_geo":{"city":{"name":1},"location":{"latitude":"a"}}}}`,
		`{"timestamp":0}`, `{"timestamp":"0000-01-01T00:00:00Z"}`, `{"timestamp":599616000000}`, `{"timestamp":-9e300}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, obj []byte) {
		rs := Parse(append([]byte("ANALYTICS "), obj...), nil)
		if len(rs) != 1 {
			t.Fatalf("%d results", len(rs))
		}
		trimmed := bytes.TrimLeft(obj, " \t")
		if !json.Valid(obj) || len(trimmed) == 0 || trimmed[0] != '{' {
			return
		}
		r := rs[0]
		if r.Kind != model.KindAnalytics {
			t.Fatalf("valid object gave kind %v (Err %q)", r.Kind, r.Err)
		}
		if r.Err != "" && !strings.HasPrefix(r.Err, "location is not valid JSON") {
			t.Fatalf("valid object gave Err %q", r.Err)
		}
	})
}

// FuzzService: after a level and a module, whatever follows is a service
// entry whose function and message are text of the line, without its
// colours.
func FuzzService(f *testing.F) {
	for _, s := range []string{"run_state_machine: x", "operator(): failed", "[controller] a::b: c", "State: Error", "", "\x00\xff", "a:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		line := "[DEBUG] [libsdwan] " + rest
		r := parseOne(t, line)
		if r.Kind != model.KindService || r.Level != model.LevelDebug || r.Err != "" {
			t.Fatalf("kind %v level %v Err %q", r.Kind, r.Level, r.Err)
		}
		if !strings.HasPrefix(r.Fields.Value(model.KeyModule), "libsdwan") {
			t.Fatalf("module %q", r.Fields.Value(model.KeyModule))
		}
		// The line is read without its colours (WithoutColour): the
		// function and message are text of what is left.
		read := string(WithoutColour([]byte(line)))
		for _, k := range []string{model.KeyFunction, model.KeyMessage} {
			if v := r.Fields.Value(k); !strings.Contains(read, v) {
				t.Fatalf("%s %q is not text of the line", k, v)
			}
		}
	})
}

// FuzzSessionCSV: a line taken for a CSV row always passed the checks.
func FuzzSessionCSV(f *testing.F) {
	for _, s := range []string{`s1,35,org,3,12,,u,a:1,b:2,tcp,1,2,3,4`, `s1,35,"o,""x""",3,,'=c,'-u,a:1,b:2,UDP,1,,,`,
		`,35,org,3,,,u,a:1,b:2,tcp,1,2,3,4`, csvHeader} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		rs, ok := parseSessionCSV([]byte(line), nil)
		if !ok {
			if len(rs) != 0 {
				t.Fatalf("refused line yielded results")
			}
			return
		}
		r := rs[0]
		if r.Kind != model.KindSession || r.Fields.Value(model.KeySessionID) == "" {
			t.Fatalf("row without a session id: %+v", r)
		}
		switch strings.ToLower(r.Fields.Value(model.KeySessProtocol)) {
		case "tcp", "udp", "icmp":
		default:
			t.Fatalf("implausible protocol %q", r.Fields.Value(model.KeySessProtocol))
		}
		if _, ok := r.Fields.Num(model.KeyStartedAt); !ok {
			t.Fatalf("startedAt not numeric")
		}
	})
}

// FuzzNewtAccess: an ACCESS END line is always a session END entry.
func FuzzNewtAccess(f *testing.F) {
	for _, s := range []string{"(reaped) session=s resource=1 proto=udp src=a:1 dst=b:2 started=x ended=2026-02-10T14:21:40Z duration=1m2.5s",
		"session= duration=-1h", "(shutdown)", "=", "duration=9999999999999999h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rest string) {
		r := parseOne(t, "ACCESS END "+rest)
		if r.Kind != model.KindSession || r.Fields.Value(model.KeyPhase) != newtPhaseEnd {
			t.Fatalf("kind %v phase %q", r.Kind, r.Fields.Value(model.KeyPhase))
		}
	})
}

// FuzzLogfmt checks that a logfmt line is read without panicking and that
// what it reports is consistent: a line it claims yields one text result
// with a message field first.
func FuzzLogfmt(f *testing.F) {
	for _, s := range []string{`time="2017-03-27T13:06:59Z" level=info msg="Traefik"`, `ts=1 lvl=warn msg=x y="a\"b"`,
		`msg="\`, `level=`, `time==`, `msg="x" "y"`, "time=\"2026-12-04T10:00:00Z\" level=error msg=\"x\"\r", "level=warn msg=y\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		rs, ok := parseLogfmt(p, nil)
		if !ok {
			if len(rs) != 0 {
				t.Fatal("results appended to a refused line")
			}
			return
		}
		if len(rs) != 1 || rs[0].Kind != model.KindText || len(rs[0].Fields) == 0 || rs[0].Fields[0].Key != model.KeyMessage {
			t.Fatalf("claimed line gave %+v", rs)
		}
	})
}

// FuzzClientLine checks the Twingate client reader: a claimed line is a
// service result with a time, and its caller, when found, is a dotted name
// taken from the end of the line.
func FuzzClientLine(f *testing.F) {
	for _, s := range []string{"[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] m [A.b]", "[2025-11-01T14:06:16Z] [INFO] [x]",
		"[2025-11-01T14:06:16Z] [INFO] [A.b]", "[2025-11-01T14:06:16Z]", "[1] [INFO] x [.]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		rs, ok := parseClientLine(p, nil)
		if !ok {
			return
		}
		r := rs[0]
		if len(rs) != 1 || r.Kind != model.KindService || r.Time.IsZero() {
			t.Fatalf("claimed line gave %+v", rs)
		}
		if c := r.Fields.Value(model.KeyCaller); c != "" && !bytes.Contains(p, []byte("["+c+"]")) {
			t.Fatalf("caller %q is not in the line", c)
		}
	})
}

// journalAuditSeeds are messages of journald's audit transport, well formed
// and broken.
var journalAuditSeeds = []string{
	`USER_LOGIN pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
	`AVC apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl"`,
	`AVC avc:  denied  { read } for  pid=99 comm="curl" tclass=file permissive=0`,
	`AUDIT1400 apparmor="ALLOWED"`, `AUDIT99999999 a=b`, `SERVICE_START pid=1 msg='unit=sshd res=success'` + "\x1dUID=\"root\"",
	`USER_CMD msg='cmd="unterminated`, `USER_LOGIN`, `USER_LOGIN =`, `X  ="`, "A\x1b[31m b=c", ``,
}

// FuzzParseJournalAudit checks the journal form's parser: out kept, one
// audit result when it claims the line, none when it does not, bounded
// fields, the stamp given as its audit_id, the same answer twice.
func FuzzParseJournalAudit(f *testing.F) {
	for i, s := range journalAuditSeeds {
		f.Add([]byte(s), []string{"", "1796378400.123:456"}[i%2])
	}
	f.Fuzz(func(t *testing.T, p []byte, stamp string) {
		sentinel := Result{Kind: model.KindGap, Err: "sentinel"}
		rs, ok := ParseJournalAudit(p, stamp, []Result{sentinel})
		if !reflect.DeepEqual(rs[0], sentinel) || len(rs) != map[bool]int{true: 2, false: 1}[ok] {
			t.Fatalf("claimed %v with results %+v", ok, rs)
		}
		if !ok {
			return
		}
		r := rs[1]
		if r.Kind != model.KindAudit || !r.Time.IsZero() || len(r.Fields) > maxFamilyFields || r.Fields.Value(model.KeyAuditType) == "" {
			t.Fatalf("result %+v: want an audit result with a type, no time, at most %d fields", r, maxFamilyFields)
		}
		if got := r.Fields.Value(model.KeyAuditEvent); stamp != "" && got != stamp {
			t.Fatalf("audit_id %q for the stamp %q", got, stamp)
		}
		if again, _ := ParseJournalAudit(p, stamp, nil); !reflect.DeepEqual(again, rs[1:]) {
			t.Fatalf("not deterministic")
		}
	})
}

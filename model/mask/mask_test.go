package mask

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"connlog/source/synth"
)

// TestMask folds real lines (from testdata/ and the shared samples) and
// the shapes the masker knows into their templates.
func TestMask(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"twingate code", `[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410`,
			`[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code <num>`},
		{"quoted relay and errno", `listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`,
			`listen::channel_event: Failed to preconnect a relay listener "<str>": <num> (Connection timed out)`},
		{"url keeps its words", `error sending request for url (https://analytics.twingate.com/v1/track): dns error: Too many open files (os error 24)`,
			`error sending request for url (https://analytics.twingate.com/v1/track): dns error: Too many open files (os error <num>)`},
		{"nameserver ip:port", `[msg] Nameserver 172.20.0.10:53 has failed: request timed out.`,
			`[msg] Nameserver <ip>:<port> has failed: request timed out.`},
		{"json response", `Response was: {"error":true,"status":403,"service":"Access Manager"}`,
			`Response was: {"<str>":true,"<str>":<num>,"<str>":"<str>"}`},
		{"conn id, counts, duration", `quic_session::on_ack: conn=051842aea5a4dcd0-4 acked=30 in_flight=1 cwnd=45260 srtt=159ms`,
			`quic_session::on_ack: conn=<id> acked=<num> in_flight=<num> cwnd=<num> srtt=<dur>`},
		{"seconds", `dns_cache::lookup: app.website.com hit, expires in 260s`, `dns_cache::lookup: app.website.com hit, expires in <dur>`},
		{"negative duration", `cbct_cache::validate: device=205246 freshness=-25s ok`, `cbct_cache::validate: device=<num> freshness=<dur> ok`}, // the sign is the duration's
		{"port/proto", `policy::evaluate: user=113933 port=22/tcp -> allow`, `policy::evaluate: user=<num> port=<num>/tcp -> allow`},
		{"newt prefix and version", `INFO: 2026/02/10 14:21:37 Newt version 1.9.0`, `INFO: <time> <time> Newt version <num>.<num>.<num>`},
		{"newt access", `ACCESS END session=8d1e3f5a7b9c0d2e resource=35 proto=udp src=100.90.128.5:51820 dst=10.0.0.53:53 started=2026-02-10T14:21:38Z ended=2026-02-10T14:21:38Z duration=41.207ms`,
			`ACCESS END session=<hex> resource=<num> proto=udp src=<ip>:<port> dst=<ip>:<port> started=<time> ended=<time> duration=<dur>`},
		{"go duration", `ACCESS END (reaped) duration=2m38.000412977s`, `ACCESS END (reaped) duration=<dur>`},
		{"uuid", `request 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c done`, `request <uuid> done`},
		{"ipv6", `peer [2001:db8::1]:443 and fe80::1`, `peer [<ip>]:<num> and <ip>`},
		{"sizes", `queued 512MiB of 1.5GB, 300B left`, `queued <size> of <size>, <size> left`},
		{"hex", `pointer 0x7f3a2b and digest deadbeef12345678`, `pointer <hex> and digest <hex>`},
		{"base64 token", `token eyJhbGciOiJIUzI1NiJ9Ab12 rejected`, `token <id> rejected`},
		{"email", `user alice.nguyen@example.com and bob2@example.com`, `user <email> and <email>`},
		{"identifier with a digit stays", `pbcc_parse_subscribe_v2_response - AccessDenied: response from server`,
			`pbcc_parse_subscribe_v2_response - AccessDenied: response from server`},
		{"word with number part", `device-205299 on eth0`, `device-<num> on eth0`},
		{"apostrophe is not a quote", `can't reach 'db' now`, `can't reach '<str>' now`},
		{"unterminated quote", `bad "quote 12`, `bad "quote <num>`},
		{"percent", `cpu at 93.5% now`, `cpu at <num> now`},
		{"shape then punctuation", `recv from 10.20.1.31:443: 104 (Connection reset by peer), retry in 30s.`,
			`recv from <ip>:<port>: <num> (Connection reset by peer), retry in <dur>.`},
		{"lettered serials", `session n000123 for u123456 on vm1234 via id007`,
			`session <id> for <id> on vm1234 via <id>`},
		{"lettered words stay", `x509: certificate, rfc3339 time, iso8601, sha256, tls13, ipv6, eth0, v1, u7, http2`,
			`x509: certificate, rfc3339 time, iso8601, sha256, tls13, ipv6, eth0, v1, u7, http2`},
		{"empty", ``, ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(Line(nil, []byte(c.in))); got != c.want {
				t.Errorf("Line(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// TestMaskFoldsVariants checks that lines of the same shape, as they occur
// in the fixtures, fold into one template and different shapes do not.
func TestMaskFoldsVariants(t *testing.T) {
	lines := readLines(t, filepath.Join("..", "..", "testdata", "envelopes", "newt.log"))
	pings := map[string]int{}
	for _, l := range lines {
		if strings.Contains(l, "Ping attempt") && strings.Contains(l, "failed") {
			pings[string(Line(nil, []byte(l)))]++
		}
	}
	if len(pings) != 1 {
		t.Fatalf("ping failures fold into %d templates, want 1: %v", len(pings), pings)
	}
	a := Line(nil, []byte("relay 34.147.237.117:30018 rtt=17ms"))
	b := Line(nil, []byte("relay 35.188.149.148:30001 rtt=1574ms"))
	c := Line(nil, []byte("relay 35.188.149.148:30001 is available, channels=1"))
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Errorf("templates: %q %q %q", a, b, c)
	}
}

// TestMaskSamples masks every line of the shared samples and fixtures:
// bounded, valid wherever the input was, and stable when masked again.
func TestMaskSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.log"))
	samples, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "samples", "*"))
	files = append(files, samples...)
	if len(files) < 10 {
		t.Fatalf("found only %d fixture files", len(files))
	}
	n := 0
	for _, f := range files {
		for _, l := range readLines(t, f) {
			checkMaskProperties(t, []byte(l))
			n++
		}
	}
	t.Logf("%d lines masked", n)
}

func checkMaskProperties(t *testing.T, line []byte) {
	t.Helper()
	m := Line(nil, line)
	if len(m) > maxTemplateLen+len(ellipsis) {
		t.Fatalf("template of %d bytes for %q", len(m), line)
	}
	if utf8.Valid(line) && !utf8.Valid(m) {
		t.Fatalf("valid input %q gave invalid template %q", line, m)
	}
	if !bytes.HasSuffix(m, []byte(ellipsis)) {
		if again := Line(nil, m); !bytes.Equal(again, m) {
			t.Fatalf("masking is not stable: %q -> %q -> %q", line, m, again)
		}
	}
	prefix := []byte("k:")
	if got := Line(append([]byte(nil), prefix...), line); !bytes.Equal(got[len(prefix):], m) {
		t.Fatalf("Mask depends on dst: %q vs %q", got, m)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkService folds the service lines of a generated level-7 connector
// log (bench/gen's lines, which make the benchmark corpus) into their
// templates, as the decoder does while loading, and reports the time a line.
func BenchmarkService(b *testing.B) {
	g := synth.New(1, synth.Options{})
	var payloads [][]byte
	var line []byte
	for len(payloads) < 100_000 {
		line, _, _ = g.Next(line[:0])
		if len(line) > 0 && line[0] == '[' {
			payloads = append(payloads, bytes.Clone(line))
		}
	}
	var dst []byte
	for b.Loop() {
		for _, p := range payloads {
			dst = Service(dst[:0], p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(payloads)), "ns/line")
}

// A line written with CRLF has the template of the same line written
// with LF.
func TestACarriageReturnIsNoPartOfTheTemplate(t *testing.T) {
	for _, line := range []string{"[INFO] [connector] last", "[DEBUG] [libsdwan] x: conn=2ad8d54a58d092c2-1 rx=5", "plain text 42"} {
		lf, crlf := string(Service(nil, []byte(line))), string(Service(nil, []byte(line+"\r")))
		if lf != crlf {
			t.Errorf("%q: with CR %q, without %q", line, crlf, lf)
		}
	}
}

// TestTheSignIsPartOfTheNumber: numbers that differ only by a sign fold
// into one template (freshness=194s and freshness=-44s), whatever their
// shape; a dash between two parts of a token stays a separator.
func TestTheSignIsPartOfTheNumber(t *testing.T) {
	for _, c := range []struct{ plus, minus string }{
		{"freshness=194s ok", "freshness=-44s ok"},
		{"skew:5ms", "skew:-5ms"},
		{"d=1.5s", "d=-1.5s"},
		{"size=12KB", "size=-12KB"},
		{"dt=3m2s", "dt=+3m2s"},
		{"id=45-b", "id=-45-b"},
		{"v=3.5.6", "v=-3.5.6"},
		{"off=7", "off=-7"},
		{"at (5s)", "at (-5s)"},
	} {
		p, m := Line(nil, []byte(c.plus)), Line(nil, []byte(c.minus))
		if !bytes.Equal(p, m) {
			t.Errorf("%q masks to %q, %q to %q: want one template", c.plus, p, c.minus, m)
		}
	}
	for line, want := range map[string]string{
		"a-1":                          "a-<num>",
		"x--5":                         "x--<num>",
		"10-20":                        "<num>-<num>",
		"10-20s":                       "<num>-<dur>",
		"x=--5s":                       "x=--<dur>",
		"on 2026-02-10":                "on <time>",
		"at 2026-02-10T14:00:00-05:00": "at <time>",
		"delta=-0x1f":                  "delta=-<hex>",
		"span -5px wide":               "span -5px wide",
		"range a-5s..b":                "range a-<dur>..b",
	} {
		if got := string(Line(nil, []byte(line))); got != want {
			t.Errorf("%q masks to %q, want %q", line, got, want)
		}
	}
}

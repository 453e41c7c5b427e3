package mask

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"connlog/source/synth"
)

// updatePinned rewrites testdata/pinned.txt from today's masker. Masking
// decides which lines count as one template, so a change meant to make it
// cheaper must leave every template as it was: regenerate the file only
// for a change meant to alter templates, and say so.
var updatePinned = flag.Bool("update-pinned", false, "rewrite testdata/pinned.txt from the current masker")

const pinnedFile = "testdata/pinned.txt"

// TestTemplatesAsPinned holds Line and Service to the templates pinned in
// testdata/pinned.txt for the lines of pinnedLines: generated connector
// logs, the repository's fixtures, the fuzz corpus, tricky cases and
// random lines built from the pieces the shapes are made of. The templates
// of the first ones are kept in full, of the random ones as a hash, which
// keeps the file small.
func TestTemplatesAsPinned(t *testing.T) {
	named, random := pinnedLines(t)
	got := pinnedText(named, random)
	if *updatePinned {
		if err := os.WriteFile(pinnedFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(pinnedFile)
	if err != nil {
		t.Fatalf("%v: run go test -run TestTemplatesAsPinned -update-pinned to create it", err)
	}
	if got == string(want) {
		return
	}
	wantLines := strings.Split(string(want), "\n")
	gotLines := strings.Split(got, "\n")
	inputs := append(append([]string(nil), named...), random...)
	for i := range min(len(wantLines), len(gotLines)) {
		if w, g := resolvePinned(wantLines, i), resolvePinned(gotLines, i); w != g {
			in := ""
			if i < len(inputs) {
				in = inputs[i]
			}
			t.Fatalf("line %d of %s differs: input %q\n got %s\nwant %s\n%s", i+1, pinnedFile, in, g, w, pinnedInputsHint)
		}
	}
	t.Fatalf("%s has %d lines, the masker gives %d\n%s", pinnedFile, len(wantLines), len(gotLines), pinnedInputsHint)
}

// pinnedInputsHint says what else than the masker moves the pinned lines.
const pinnedInputsHint = "the inputs are also the repository's fixture logs, the fuzz corpus and the generator's lines: " +
	"if one of those changed and the masker did not, rewrite the file with -update-pinned"

// pinnedText is one line per input: the quoted templates of Line and
// Service for a named input, or "=n" when line n holds the same ones; a
// hash of both for a random input.
func pinnedText(named, random []string) string {
	var b strings.Builder
	first := map[string]int{}
	for i, in := range named {
		l, s := Line(nil, []byte(in)), Service(nil, []byte(in))
		text := strconv.Quote(string(l))
		if !bytes.Equal(l, s) {
			text += " " + strconv.Quote(string(s))
		}
		if n, ok := first[text]; ok {
			text = "=" + strconv.Itoa(n)
		} else {
			first[text] = i + 1
		}
		b.WriteString(text + "\n")
	}
	for _, in := range random {
		h := fnv.New64a()
		h.Write(Line(nil, []byte(in)))
		h.Write([]byte{0})
		h.Write(Service(nil, []byte(in)))
		fmt.Fprintf(&b, "%016x\n", h.Sum64())
	}
	return b.String()
}

// resolvePinned returns line i of a pinned text, with a reference to an
// earlier line replaced by what that line holds.
func resolvePinned(lines []string, i int) string {
	if n, err := strconv.Atoi(strings.TrimPrefix(lines[i], "=")); err == nil && strings.HasPrefix(lines[i], "=") && n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return lines[i]
}

// pinnedLines returns the named inputs (read from somewhere, or written
// by hand) and the random ones.
func pinnedLines(t *testing.T) (named, random []string) {
	named = append(named, trickyLines...)
	named = append(named, fuzzCorpus(t)...)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.log"))
	if len(files) < 10 {
		t.Fatalf("found only %d fixture files", len(files))
	}
	for _, f := range files {
		named = append(named, readLines(t, f)...)
	}
	for _, o := range []synth.Options{{}, {Newt: true, Tailscale: true, Audit: true, Hostile: true}} {
		named = append(named, synthLines(7, o, 3000)...)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range 30_000 {
		random = append(random, randomLine(r))
	}
	return named, random
}

// synthLines returns n generated lines, none longer than 2 KiB (a hostile
// 20 KiB line folds into the same cut template as its first 2 KiB would).
func synthLines(seed int64, o synth.Options, n int) []string {
	g := synth.New(seed, o)
	var out []string
	var line []byte
	for len(out) < n {
		line, _, _ = g.Next(line[:0])
		out = append(out, string(line[:min(len(line), 2048)]))
	}
	return out
}

// fuzzCorpus returns the []byte arguments of the package's fuzz corpus.
func fuzzCorpus(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	var out []string
	for _, f := range files {
		for _, l := range readLines(t, f) {
			arg, ok := strings.CutPrefix(l, "[]byte(")
			if !ok {
				continue
			}
			if s, err := strconv.Unquote(strings.TrimSuffix(arg, ")")); err == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// randomLine strings together pieces of the shapes, of words and of
// delimiters, now and then long enough to be cut.
func randomLine(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(4) == 0 {
		b.WriteString([]string{"[INFO] ", "[DEBUG] [libsdwan] ", "[WARN]", "[x] ", "[VERYLONGLEVEL] ", "["}[r.IntN(6)])
	}
	n := 1 + r.IntN(14)
	if r.IntN(20) == 0 {
		n = 60 + r.IntN(80)
	}
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	if r.IntN(30) == 0 {
		b.WriteString("\r")
	}
	return b.String()
}

// pieces are what randomLine builds lines of.
var pieces = strings.Fields(`0 1 7 9 42 443 65535 0007 1.5 0.25 12.5% 3. - + . .. : :: / _ # @ % = , ; ( ) [ ] { }
	" ' \ a b f x z A F G Z T e E 0x 0X deadbeef cafe ff fe80 2001:db8 ::1 10.0.0.1 192.168.1.254 256.1.1.1 1.2.3.4.5
	:8080 :53 /24 /tcp 2026-02-10 2026/02/10 14:21:37 .123 Z +00:00 -0500 ms s µs ns m h d sec secs min mins MiB KB kB GB
	B b bytes K us px 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c 0B5F7C1E-2A4D-4F6E-9C1B-3D2E1F0A9B8C 051842aea5a4dcd0-4
	9786f91b7f1ad177-221 eyJhbGciOiJIUzI1NiJ9Ab12 QUJDREVGR0hJSktMTU5PUA== n000123 id007 vm1234 eth0 v1 x509 sha256
	alice@example.com b2@c.d a@b @x x@ é µ ü 日本 ` + "\xc2 \xff \xbb \x1b[31m \t <num> <ip> <hex> <str> … http:// https://x.com/v1/track can't it's relay conn= rx= freshness=-25s \"x\\\"y\" 'q'")

// trickyLines are lines written to reach the corners of the shapes.
var trickyLines = []string{
	"", " ", "\r", "\r\r", "[", "[]", "[INFO]", "[INFO] ", "[INFO]   spaced 5", "[TOOLONGLEVELX] 5", "]5",
	"unicode: naïve café 42 µs 5µs 5µ 日本語 12日 ü1234567",
	"quotes: \"a 1\" 'b 2' \"unterminated 3 'open 4 it's 5 'x'5 \"a\\\"b 6\" 'c\\'d 7'",
	"brackets: [1] (2) {3} <4> [a:1] (10.0.0.1:80) {\"k\":5}",
	"emails: a@b.co a.b+c@d-e.example.org x1@y2.z3 @handle me@ a@b@c.d user%1@x.io",
	"uuids: 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8cd x0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c",
	"ipv6: fe80::1 ::1 :: 2001:db8::8a2e:370:7334 [2001:db8::1]:443 ::ffff:10.0.0.1 1:2:3:4:5:6:7:8 1:2:3:4:5:6:7:8:9 1::2::3 abcde::1 fe80::1%eth0",
	"paths: /var/log/x1.log C:\\dir\\file2.txt ./a/b/12/c ~/x/2026-02-10/y.log /v1/track?id=5&n=6 https://h:8443/p/9?q=1#f2",
	"long token " + strings.Repeat("a1", 300),
	"long digits " + strings.Repeat("9", 400),
	"long words " + strings.Repeat("word ", 80) + "tail 42",
	strings.Repeat("é", 200) + " 5",
	strings.Repeat("x", 318) + "€ 5",
	strings.Repeat("x", 319) + " 12345",
	"times: 14:21:37 1:02:03 14:21:37.123Z 2026-02-10T14:21:37+00:00 2026-02-10T14:21:37.5-0500 2026-02-10T14:21:37 2026-02-10X 24:00:00:00",
	"numbers: 0 -0 +0 1.5 1.5.6 -3.5.6 12.5% 12.5%% 1e9 0x 0xg 0x1F 1_000 1,000 -5px 5px 10-20 10-20s x--5 -- ++5",
	"durations: 2m38.000412977s 1h2m3s 5ns 3us 4µs 7ms 8sec 9secs 10min 11mins 1d 3h 5m5 5s5s 5ss 1.5.3s -44s +3m2s",
	"sizes: 512MiB 1.2GB 300B 12bytes 5K 6M 7G 8TiB 9kB 10b 11KiB 12TB 13bytesx",
	"ids: 051842aea5a4dcd0-4 5ff27e368741c803-43 abc-def a1b2c3_d4 1.2.3.4.5.6 eyJhbGciOiJIUzI1NiJ9Ab12 aaaaaaaaaaaaaaaa11 AAAAAAAAAAAAAAAA11 aA11aA11aA11aA11== n000123 u123456 id007 ab12 abcd12345",
	"sep: code:410 a/5/b x#9 y@7 shape:1.2.3.4:80: after 30s. 10.0.0.5:443: 5:6:7 a-1 a_2 a.3 -45-b",
	"hostile: \x1b[31mred\x1b[0m \u202etxet\u202c \x00nul5 \xff\xfe 7",
}

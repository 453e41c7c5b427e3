package export

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"connlog/model"
)

// The secrets of the journal JSON tests: a client's address, which the
// record's field reveals, and an email, which redaction finds anywhere.
const (
	secretIP    = "198.51.100.23"
	secretEmail = "anna@example.com"
)

// jsonEncodings are the ways a line of journal JSON may spell a value,
// each giving the JSON text of s.
var jsonEncodings = []struct {
	name string
	enc  func(s string) string
}{
	{"plain", func(s string) string { return string(AppendJSONString(nil, s)) }},
	{"escaped", func(s string) string { return escapeSome(s, func(byte) bool { return true }) }},
	{"escaped digits and @", func(s string) string {
		return escapeSome(s, func(c byte) bool { return c >= '0' && c <= '9' || c == '@' })
	}},
	{"after escapes", func(s string) string {
		q := escapeSome(s, func(byte) bool { return false })
		return `"x\t` + q[1:2] + `\n` + q[2:len(q)-1] + `\/"`
	}},
	{"escapes before", func(s string) string { // "from\t198.51.100.23", "\nanna@example.com"
		q := escapeSome(s, func(byte) bool { return false })
		return strings.Replace(strings.ReplaceAll(q, " ", `\t`), `\t`, `\n`, 1)
	}},
	{"bytes", func(s string) string { return byteArray(s, ", ") }},
	{"bytes compact", func(s string) string { return byteArray(s, ",") }},
	{"bytes not UTF-8", func(s string) string { return byteArray("\xff\x00 "+s+" \xfe", ",") }},
	{"repeated", func(s string) string { return `["a",` + byteArray(s, ",") + `,` + escapeSome(s, isDot) + `]` }},
}

func isDot(c byte) bool { return c == '.' }

// escapeSome writes s as a JSON string whose bytes that pick accepts are
// \u escapes (with upper-case hex digits every other time).
func escapeSome(s string, pick func(byte) bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case pick(c) && i%2 == 0:
			fmt.Fprintf(&b, `\u%04x`, c)
		case pick(c):
			fmt.Fprintf(&b, `\u%04X`, c)
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func byteArray(s, sep string) string {
	parts := make([]string, len(s))
	for i := 0; i < len(s); i++ {
		parts[i] = strconv.Itoa(int(s[i]))
	}
	return "[" + strings.Join(parts, sep) + "]"
}

// journalJSONSecrets is an entry read from a line of journal JSON whose
// MESSAGE (an ANALYTICS event naming the client) and X_NOTE are written
// with enc, and whose K is text redaction must keep as written.
func journalJSONSecrets(msgEnc, noteEnc func(string) string) *model.Entry {
	msg := `ANALYTICS {"connection": {"client_ip": "` + secretIP + `"}, "user": {"email": "` + secretEmail + `"}}`
	note := "peer " + secretEmail + " from " + secretIP
	e := journalJSONEntry(`{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1763625600000000","K":"keep\u00e9\/",` +
		`"MESSAGE":` + msgEnc(msg) + `,"X_NOTE":` + noteEnc(note) + `}`)
	e.Kind, e.Payload = model.KindAnalytics, []byte(msg)
	e.Fields = model.Fields{model.Str(model.KeyClientIP, secretIP), model.Str(model.KeyUserEmail, secretEmail)}
	return e
}

var (
	byteArrayRE = regexp.MustCompile(`\[\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*\]`)
	jsonEscRE   = regexp.MustCompile(`\\(?:u[0-9a-fA-F]{4}|.)`)
)

// leaks returns how out spells secret, if it does: as written, or once
// its JSON escapes and byte values are decoded, layer after layer (a raw
// line inside an ndjson string, a MESSAGE inside the line).
func leaks(out []byte, secret string) (string, bool) {
	s := string(out)
	for layer := 0; layer < 4; layer++ {
		if strings.Contains(s, secret) {
			return fmt.Sprintf("decoded %d times", layer), true
		}
		s = byteArrayRE.ReplaceAllStringFunc(s, func(a string) string {
			var b []byte
			for _, n := range strings.Split(strings.Trim(a, "[] "), ",") {
				v, _ := strconv.Atoi(strings.TrimSpace(n))
				b = append(b, byte(v))
			}
			return string(b)
		})
		s = jsonEscRE.ReplaceAllStringFunc(s, func(e string) string {
			switch e[1] {
			case 'u':
				v, _ := strconv.ParseUint(e[2:], 16, 32)
				return string(rune(v))
			case 'n':
				return "\n"
			case 't':
				return "\t"
			}
			return e[1:]
		})
	}
	return "", false
}

// checkNoLeak fails when out spells either secret in any encoding.
func checkNoLeak(t *testing.T, what string, out []byte) {
	t.Helper()
	for _, secret := range []string{secretIP, secretEmail} {
		if how, ok := leaks(out, secret); ok {
			t.Errorf("%s holds %s (%s):\n%s", what, secret, how, out)
		}
	}
}

// TestRedactJournalJSONEncodings redacts a secret of a journal JSON line
// however the line spells it, in the MESSAGE and in another field, in
// every format; the line stays valid JSON, keeps the bytes of what it does
// not replace, and reads back as a journal.
func TestRedactJournalJSONEncodings(t *testing.T) {
	for _, enc := range jsonEncodings {
		for _, place := range []string{"MESSAGE", "X_NOTE"} {
			msgEnc, noteEnc := jsonEncodings[0].enc, jsonEncodings[0].enc
			if place == "MESSAGE" {
				msgEnc = enc.enc
			} else {
				noteEnc = enc.enc
			}
			t.Run(enc.name+"/"+place, func(t *testing.T) {
				for _, f := range Formats() {
					opts := Options{Format: f, Redact: NewRedactor()}
					if f == FormatBundle {
						opts = bundleOptions(t.TempDir())
						opts.Redact = NewRedactor()
					}
					out := encode(t, []*model.Entry{journalJSONSecrets(msgEnc, noteEnc)}, opts)
					if f == FormatBundle {
						for name, b := range gzipBundleFiles(t, out) {
							checkNoLeak(t, "bundle "+name, b)
						}
						continue
					}
					checkNoLeak(t, f.String(), out)
				}
				checkRedactedLine(t, encode(t, []*model.Entry{journalJSONSecrets(msgEnc, noteEnc)}, Options{Format: FormatRaw, Redact: NewRedactor()}))
				recs := parseJournalExport(t, encode(t, []*model.Entry{journalJSONSecrets(msgEnc, noteEnc)}, Options{Format: FormatJournal, Redact: NewRedactor()}))
				if len(recs) != 1 || len(recs[0]["MESSAGE"]) == 0 || len(recs[0]["X_NOTE"]) == 0 || string(recs[0]["K"]) != "keep\u00e9/" {
					t.Errorf("journal export records %q", recs)
				}
			})
		}
	}
}

// checkRedactedLine checks a redacted raw export of one journal JSON line:
// valid JSON, K's bytes as written.
func checkRedactedLine(t *testing.T, raw []byte) {
	t.Helper()
	if !json.Valid(raw) {
		t.Errorf("redacted line is no JSON: %s", raw)
	}
	if !strings.Contains(string(raw), `"K":"keep\u00e9\/"`) {
		t.Errorf("redacted line changed what it does not replace: %s", raw)
	}
}

// TestRedactMalformedJournalJSON writes a line the journal JSON reader
// takes but that is no valid JSON again from the fields it reads, each
// redacted, so that what a reader decodes holds no secret.
func TestRedactMalformedJournalJSON(t *testing.T) {
	line := `{"__CURSOR":"c","__REALTIME_TIMESTAMP":"1763625600000000","X":[0" "],"MESSAGE":"from\t` + secretIP +
		`","N":` + escapeSome(secretEmail, func(byte) bool { return true }) + `}`
	e := journalJSONEntry(line)
	e.Kind, e.Fields = model.KindAnalytics, model.Fields{model.Str(model.KeyClientIP, secretIP)}
	for _, f := range []Format{FormatRaw, FormatNDJSON, FormatJournal} {
		out := encode(t, []*model.Entry{e}, Options{Format: f, Redact: NewRedactor()})
		checkNoLeak(t, f.String(), out)
		if f == FormatRaw && !json.Valid(out) {
			t.Errorf("raw export is no JSON: %s", out)
		}
	}
}

// FuzzRedactJournalJSON spells the secrets of a journal JSON line as the
// fuzzer picks, byte by byte: as written, as a \u escape, or the whole
// value as byte values; no export of it holds them in any spelling.
func FuzzRedactJournalJSON(f *testing.F) {
	f.Add([]byte{0}, false, "")
	f.Add([]byte{1, 0, 1}, false, "\t")
	f.Add([]byte{1}, true, "\xff")
	f.Add([]byte{2, 0}, false, "a\\")
	f.Fuzz(func(t *testing.T, picks []byte, asBytes bool, around string) {
		if len(picks) == 0 || !utf8.ValidString(around) {
			return
		}
		enc := func(s string) string {
			s = around + " " + s + " " + around // a secret run into other text is another word
			if asBytes {
				return byteArray(s, ",")
			}
			i := 0
			return escapeSome(s, func(byte) bool { i++; return picks[i%len(picks)]%2 == 1 })
		}
		e := func() *model.Entry { return journalJSONSecrets(enc, enc) }
		for _, f := range []Format{FormatRaw, FormatNDJSON, FormatJournal} {
			checkNoLeak(t, f.String(), encode(t, []*model.Entry{e()}, Options{Format: f, Redact: NewRedactor()}))
		}
	})
}

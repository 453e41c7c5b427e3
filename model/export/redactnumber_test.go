package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/payload"
)

// eventNaming is a connection event of user userID on device deviceID, as
// the connector writes it: the ids as JSON strings.
func eventNaming(userID, deviceID string) string {
	return `ANALYTICS {"event_type":"closed_connection","timestamp":1796464801100,"connection":{"id":"c1","client_ip":"192.0.2.7"},` +
		`"device":{"id":"` + deviceID + `"},"user":{"email":"ann@corp.example","id":"` + userID + `"}}`
}

// linesEntries parses each line as connlog reads a file's lines, one
// record each.
func linesEntries(lines ...string) []*model.Entry {
	var out []*model.Entry
	for i, line := range lines {
		for _, r := range payload.Parse([]byte(line), nil) {
			out = append(out, &model.Entry{Seq: int64(1 + len(out)), Time: r.Time, Level: r.Level, Kind: r.Kind, Source: 1,
				Origin: model.Origin{Offset: int64(1000 * i), Envelope: "bare"}, Fields: r.Fields, Err: r.Err,
				Raw: []byte(line), Payload: []byte(line)})
		}
	}
	return out
}

// exportRedacted writes entries in format f, redacted by r after it
// learned them, as a headless export does.
func exportRedacted(t *testing.T, r *Redactor, f Format, entries []*model.Entry) []byte {
	t.Helper()
	if err := r.Learn(context.Background(), Slice(entries)); err != nil {
		t.Fatal(err)
	}
	return encode(t, entries, Options{Format: f, Redact: r})
}

// redactedFormats are the formats whose records a redacted export writes.
var redactedFormats = []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal}

// checkIDGone checks that no format of the export of lines keeps id, and
// that the ndjson record of each JSON line that names it (by a field at
// key) gives it the pseudonym want in its fields and its raw line alike.
func checkIDGone(t *testing.T, id, key, want string, lines ...string) {
	t.Helper()
	for _, f := range redactedFormats {
		out := exportRedacted(t, NewRedactor(), f, linesEntries(lines...))
		if bytes.Contains(out, []byte(id)) {
			t.Errorf("%s export keeps %s:\n%s", f, id, out)
		}
	}
	r := NewRedactor()
	pseudo := r.pseudonym(classUser, want)
	if strings.Contains(key, "device") {
		pseudo = r.pseudonym(classDevice, want)
	}
	for i, row := range decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(lines...))) {
		if row["kind"] != "json" {
			continue
		}
		raw, _ := row["raw"].(string)
		fields, _ := row["fields"].(map[string]any)
		if got := fieldAt(fields, key); got != nil && (got != pseudo || !strings.Contains(raw, pseudo)) {
			t.Errorf("record %d: field %s = %v and raw %s; want the pseudonym %s of %s in both", i, key, got, raw, pseudo, want)
		}
	}
}

// fieldAt is the value at the dotted key of ndjson's nested fields.
func fieldAt(fields map[string]any, key string) any {
	var v any = fields
	for _, k := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// A JSON line's negative device id is the id its field names: the line
// loses it as the field does, with the field's pseudonym, whether the
// event named the device 200903 or -200903.
func TestANegativeJSONIDIsReplacedInItsLineAsInItsField(t *testing.T) {
	for _, learned := range []string{"200903", "-200903"} {
		t.Run(learned, func(t *testing.T) {
			checkIDGone(t, "200903", model.KeyDeviceID, "-200903",
				eventNaming("113256", learned), `{"device":{"id":-200903}}`, `{"msg":"x","device":{"id":-200903}}`)
		})
	}
}

// A JSON number under an id's key that is an integer written otherwise
// (113256.0, 1.13256e5) is that id: it gets the pseudonym of 113256, the
// event's, in the line as in the fields of every format, under a key the
// fields do not read as an id too ({"actor":{"user":…}}, whose field
// loses it as well, see TestANumberUnderAUserKeyIsReplacedInTheFieldsAsInTheLine);
// so does a short one the line alone names.
func TestAnIntegralJSONNumberIsTheIDItsDigitsSpell(t *testing.T) {
	event := eventNaming("113256", "200903")
	checkIDGone(t, "113256", model.KeyUserID, "113256", event, `{"user":{"id":113256.0}}`, `{"msg":"y","user":{"id":1.13256e5}}`)
	r := NewRedactor()
	out := exportRedacted(t, r, FormatRaw, linesEntries(event, `{"actor":{"user":113256.00}}`))
	if want := `{"actor":{"user":"` + r.pseudonym(classUser, "113256") + `"}}`; !bytes.HasSuffix(out, []byte(want+"\n")) {
		t.Errorf("raw export ends\n%s\nwant %s", out, want)
	}
	checkIDGone(t, "4211", model.KeyUserID, "4211", event, `{"user":{"id":4211.0}}`)
}

// integralSpellings are JSON numbers and the integer they spell, if any.
var integralSpellings = map[string]string{
	"113256": "113256", "-200903": "-200903", "113256.0": "113256", "113256.000": "113256", "1.13256e5": "113256",
	"1.13256E+5": "113256", "11325600e-2": "113256", "-2.5e1": "-25", "0.0": "0", "-0": "-0", "007": "007", "0e7": "0", "-0.0": "0",
	"113256.5": "", "1.5e-3": "", "1e400": "", "1e-400": "", "12.": "", ".5": "", "1e": "", "--1": "", "0x10": "", "": "", "1e5x": "",
}

func TestIntegralSpelling(t *testing.T) {
	for in, want := range integralSpellings {
		got, ok := integralSpelling(in)
		if ok != (want != "") || got != want {
			t.Errorf("integralSpelling(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

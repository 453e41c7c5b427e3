package decode

import (
	"bytes"
	"reflect"
	"testing"

	"connlog/model"
)

// crlfLines ends every line of content with CRLF, as a file written on
// Windows (or by a program that writes "\r\n") does.
func crlfLines(content []byte) []byte {
	var out []byte
	for i, c := range content {
		if c == '\n' && (i == 0 || content[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

// TestCRLFIsALineEnd: a file written with CRLF line ends decodes as the
// same file with LF ends does, every entry of every envelope and kind
// alike (plain text, syslog messages, stamped text, service lines, JSON
// documents, blocks), the CR kept only in the raw bytes: in full, lean then
// completed, indexed for the store, and read again (Reparse, Payloads).
func TestCRLFIsALineEnd(t *testing.T) {
	options := map[string]Options{
		"full":    {},
		"lean":    {LeanService: true, LeanAnalytics: true, LeanText: true},
		"indexed": {IndexService: true, IndexAnalytics: true},
	}
	for _, ff := range fixtureFiles {
		lf := fixture(t, ff.file)
		crlf := crlfLines(lf)
		if bytes.Equal(lf, crlf) {
			continue
		}
		t.Run(ff.file, func(t *testing.T) {
			for name, opts := range options {
				opts.Envelope, opts.Reference = ff.envelope, readTime
				want, got := decodeAll(opts, fileRecords(lf)), decodeAll(opts, fileRecords(crlf))
				if len(got) != len(want) {
					t.Fatalf("%s: %d entries from CRLF lines, %d from LF lines", name, len(got), len(want))
				}
				for i := range got {
					Complete(&got[i])
					Complete(&want[i])
					sameButRaw(t, name, &got[i], &want[i])
					again, wantAgain := got[i], want[i]
					Reparse(&again)
					Reparse(&wantAgain)
					sameButRaw(t, name+", parsed again", &again, &wantAgain)
					again, wantAgain = got[i], want[i]
					Payloads([]*model.Entry{&again})
					Payloads([]*model.Entry{&wantAgain})
					sameButRaw(t, name+", its payload read again", &again, &wantAgain)
				}
			}
		})
	}
}

// sameButRaw fails unless e, decoded from a CRLF line, is want, decoded
// from the LF line, but for its raw bytes, which hold the CRs, and its
// offset.
func sameButRaw(t *testing.T, what string, e, want *model.Entry) {
	t.Helper()
	if !bytes.Equal(e.Raw, crlfLines(want.Raw)) && !bytes.Equal(e.Raw, crlfLines(append(want.Raw, '\n'))[:len(e.Raw)]) {
		t.Fatalf("%s: raw %q does not keep the CRs of %q", what, e.Raw, want.Raw)
	}
	a, b := *e, *want
	a.Raw, b.Raw = nil, nil
	a.Origin.Offset, b.Origin.Offset = 0, 0
	a.Payload, b.Payload = append([]byte{}, a.Payload...), append([]byte{}, b.Payload...)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%s: from a CRLF line\n %+v\nfrom the LF line\n %+v", what, a, b)
	}
}

// TestLoneCRIsKept: a CR that ends no line (one inside it, or before
// another CR at its end) is text, kept in the message.
func TestLoneCRIsKept(t *testing.T) {
	es := decodeAll(Options{Reference: readTime}, fileRecords([]byte("a lone \r inside\r\nends with two\r\r\n")))
	for i, want := range []string{"a lone \r inside", "ends with two\r"} {
		if msg := es[i].Fields.Value(model.KeyMessage); msg != want {
			t.Errorf("message %q, want %q", msg, want)
		}
	}
}

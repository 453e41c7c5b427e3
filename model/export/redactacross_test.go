package export

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// The client address of analyticsEntry, named by other lines of an export.
const clientIP = "192.0.2.0"

// peerServiceEntry is a service line logging the client's address: it has
// no field of it, and comes before the event that reveals it.
func peerServiceEntry() *model.Entry {
	e := serviceEntry()
	line := `[INFO] [libsdwan] [peer] peer=192.0.2.0:443 via [192.0.2.0] ip-192.0.2.0 from 192.0.2.0, done; 1192.0.2.01 and 192.0.2.00 kept`
	e.Seq, e.Raw, e.Payload = 5, []byte(line), []byte(line)
	e.Fields = model.Fields{model.Str(model.KeyModule, "libsdwan/peer"), model.Str(model.KeyMessage, line[len("[INFO] [libsdwan] [peer] "):])}
	return e
}

// clientFlowEntry is a Tailscale flow naming the client's address as its
// peer: a flow's src_ip is not personal, so only another entry reveals it.
func clientFlowEntry() *model.Entry {
	line := `{"nodeId":"nBcdef1CNTRL","physicalTraffic":[{"proto":17,"src":"100.111.22.33:0","dst":"192.0.2.0:41641","txPkts":2,"txBytes":108}]}`
	return &model.Entry{
		Seq: 40, Time: time.Date(2025, 10, 28, 22, 39, 56, 0, time.UTC), Kind: model.KindFlow,
		Source: 4, Origin: model.Origin{Offset: 900}, Raw: []byte(line), Payload: []byte(line),
		Fields: model.Fields{
			model.Str(model.KeyTraffic, "physical"), model.Str(model.KeySrc, "100.111.22.33:0"),
			model.Str(model.KeyDst, "192.0.2.0:41641"), model.Str(model.KeySrcIP, "100.111.22.33"),
			model.Int(model.KeyTxPkts, 2), model.Int(model.KeyTxBytes, 108),
		},
	}
}

// acrossEntries names the client's address before and after the event
// that reveals it, and its user id in a line of its own.
func acrossEntries() []*model.Entry {
	userLine := textEntry(`session of "113256" ended; device "200903" left`)
	userLine.Seq = 6
	return []*model.Entry{peerServiceEntry(), userLine, analyticsEntry(), clientFlowEntry()}
}

func TestRedactLearnedValuesInEveryRecordAndFormat(t *testing.T) {
	for _, f := range []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal} {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			if err := r.Learn(context.Background(), Slice(acrossEntries())); err != nil {
				t.Fatal(err)
			}
			out := encode(t, acrossEntries(), Options{Format: f, Redact: r})
			for _, secret := range []string{clientIP + ":", "[" + clientIP + "]", "-" + clientIP, clientIP + ",", `"113256"`, `"200903"`} {
				if bytes.Contains(out, []byte(secret)) {
					t.Errorf("%s output keeps %s:\n%s", f, secret, out)
				}
			}
			if !bytes.Contains(out, []byte(r.pseudonym(classIP, clientIP)+":41641")) {
				t.Errorf("%s output lacks the flow's pseudonym:\n%s", f, out)
			}
			for _, kept := range []string{"1192.0.2.01", "192.0.2.00", "100.111.22.33"} {
				if !bytes.Contains(out, []byte(kept)) {
					t.Errorf("%s output lost %s, which is no one's:\n%s", f, kept, out)
				}
			}
		})
	}
}

// TestRedactLearnsAsItGoes checks that without a first pass (standard
// input, a followed export) a value is still replaced in the records after
// the one that revealed it.
func TestRedactLearnsAsItGoes(t *testing.T) {
	r := NewRedactor()
	es := acrossEntries()
	out := encode(t, []*model.Entry{es[2], es[0], es[3]}, Options{Format: FormatRaw, Redact: r})
	if bytes.Contains(out, []byte(clientIP+":")) || bytes.Contains(out, []byte("ip-"+clientIP)) {
		t.Errorf("a later record keeps the client's address:\n%s", out)
	}
}

func TestRedactLearnedValuesInABundle(t *testing.T) {
	r := NewRedactor()
	if err := r.Learn(context.Background(), Slice(acrossEntries())); err != nil {
		t.Fatal(err)
	}
	opts := bundleOptions(t.TempDir())
	opts.Compress, opts.Redact = CompressNone, r
	_, files := readTar(t, bytes.NewReader(encode(t, acrossEntries(), opts)))
	for name, m := range files {
		if bytes.Contains(m, []byte(clientIP+":")) || bytes.Contains(m, []byte("["+clientIP+"]")) {
			t.Errorf("%s keeps the client's address:\n%s", name, m)
		}
	}
}

func TestRedactAddressBoundaries(t *testing.T) {
	r := NewRedactor()
	if err := r.Learn(context.Background(), Slice([]*model.Entry{addrEntry("10.1.2.3"), addrEntry("fd7a:115c:a1e0::c034:c374")})); err != nil {
		t.Fatal(err)
	}
	v4, v6 := r.pseudonym(classIP, "10.1.2.3"), r.pseudonym(classIP, "fd7a:115c:a1e0::c034:c374")
	tests := []struct{ in, want string }{
		{"peer=10.1.2.3:443", "peer=" + v4 + ":443"},
		{"[10.1.2.3]", "[" + v4 + "]"},
		{"ip-10.1.2.3", "ip-" + v4},
		{"10.1.2.3, 10.1.2.3.", v4 + ", " + v4 + "."},
		{"id10.1.2.3x", "id" + v4 + "x"},
		{"110.1.2.34 10.1.2.30 10.1.2.3.4 210.1.2.3", "110.1.2.34 10.1.2.30 10.1.2.3.4 210.1.2.3"},
		{"::ffff:10.1.2.3", v4},
		{"[fd7a:115c:a1e0::c034:c374]:41641", "[" + v6 + "]:41641"},
		{"addr=FD7A:115C:A1E0::C034:C374,", "addr=" + v6 + ","},
		{"fd7a:115c:a1e0:0:0:0:c034:c374", v6},
		{"fd7a:115c:a1e0::c034:c3745 fd7a:115c:a1e0::c034:c37", "fd7a:115c:a1e0::c034:c3745 fd7a:115c:a1e0::c034:c37"},
		{"12:34:56 aa:bb:cc:dd:ee:ff", "12:34:56 aa:bb:cc:dd:ee:ff"},
	}
	for _, tt := range tests {
		if got := redactText(r, tt.in, &secretSet{}); got != tt.want {
			t.Errorf("redactText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func addrEntry(ip string) *model.Entry {
	return &model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{model.Str(model.KeyClientIP, ip)}}
}

func TestRedactLearnIsBounded(t *testing.T) {
	r := NewRedactor()
	r.known.limit = 3
	es := []*model.Entry{addrEntry("10.0.0.1"), addrEntry("10.0.0.2"), addrEntry("10.0.0.1"), addrEntry("10.0.0.3")}
	if err := r.Learn(context.Background(), Slice(es)); err != nil {
		t.Fatalf("three values within a limit of three: %v", err)
	}
	err := r.Learn(context.Background(), Slice([]*model.Entry{addrEntry("10.0.0.4")}))
	if err == nil || !strings.Contains(err.Error(), "more than 3") {
		t.Fatalf("a fourth value: got %v, want an error naming the limit", err)
	}
}

func TestPreviewShowsValuesLearnedFromOtherEntries(t *testing.T) {
	r := NewRedactor()
	got := r.Preview(acrossEntries(), nil, 20)
	var sawIP, sawUser bool
	for _, c := range got {
		if c.Where != "raw" {
			continue
		}
		sawIP = sawIP || c.Before == clientIP && c.After == r.pseudonym(classIP, clientIP)
		sawUser = sawUser || c.Before == "113256"
	}
	if !sawIP || !sawUser {
		t.Errorf("the preview does not show the values replaced in other lines: %+v", got)
	}
}

package remote

import (
	"testing"
	"time"
)

func TestParseVLRow(t *testing.T) {
	line := []byte(`{"_time":"2026-02-10T08:00:03.0005Z","_msg":"[INFO] a\u001b[31m","_stream_id":"s1","_HOSTNAME":"gw-1",` +
		`"_SYSTEMD_UNIT":"twingate-connector.service","SYSLOG_IDENTIFIER":"twingate-connector","_PID":"6479","PRIORITY":"6"}`)
	r, err := parseVLRow(line)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 2, 10, 8, 0, 3, 500000, time.UTC)
	if !r.Time.Equal(want) || string(r.Message) != "[INFO] a\x1b[31m" || r.Fields.Hostname != "gw-1" ||
		r.Fields.PID != 6479 || r.Fields.Priority != 6 || r.Stream != "s1" {
		t.Errorf("got %+v", r)
	}
	audit := []byte(`{"_time":"2026-12-04T10:00:00.023456Z","_msg":"USER_LOGIN pid=1 res=failed","_TRANSPORT":"audit",` +
		`"_SOURCE_REALTIME_TIMESTAMP":"1796378400023000","_AUDIT_ID":"456"}`)
	if r, err := parseVLRow(audit); err != nil || r.Fields.AuditStamp != "1796378400.023:456" {
		t.Errorf("audit record: stamp %q (%v); want the one auditd writes, 1796378400.023:456", r.Fields.AuditStamp, err)
	}
	for _, bad := range []string{`{}`, `[1]`, `{"_time":"yesterday"}`, `{"_time":1}`, "\xff"} {
		if _, err := parseVLRow([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseVLRow(f *testing.F) {
	f.Add([]byte(`{"_time":"2026-02-10T08:00:03Z","_msg":"x","_PID":"1","PRIORITY":"x"}`))
	f.Add([]byte(`{"_time":"2026-02-10T08:00:03Z","_msg":"\u0000\u202e"}`))
	f.Add([]byte(`{"_time":"0001-01-01T00:00:00Z"`))
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := parseVLRow(line)
		if err == nil && r.Time.IsZero() && r.Fields.Priority < -1 {
			t.Fatalf("impossible row %+v", r)
		}
		rec := r.record(1)
		if rec.Offset != -1 || rec.Journal == nil {
			t.Fatalf("record without journal fields: %+v", rec)
		}
	})
}

func FuzzGlobRegexp(f *testing.F) {
	for _, s := range []string{"gw-*", "[!a]?", `a\`, "[", "]", `\[x]`} {
		f.Add(s, "gw-1")
	}
	f.Fuzz(func(t *testing.T, glob, name string) {
		if !ValidGlob(glob) {
			return
		}
		re, err := compileGlob(glob)
		if err != nil {
			t.Fatalf("glob %q gave an invalid expression %q: %v", glob, globRegexp(glob), err)
		}
		if want, perr := pathMatch(glob, name); perr == nil && re.MatchString(name) != want {
			t.Fatalf("glob %q on %q: regexp %q says %v, path.Match %v", glob, name, globRegexp(glob), !want, want)
		}
	})
}

func TestColumnsFollowTheFieldList(t *testing.T) {
	want := map[int]string{colTime: vlFieldTime, colStream: vlFieldStreamID, colMessage: vlFieldMessage,
		colHostname: vlFieldHostname, colUnit: vlFieldUnit, colIdentifier: vlFieldIdentifier, colPID: vlFieldPID,
		colPriority: vlFieldPriority, colBootID: vlFieldBootID, colInvocation: vlFieldInvocation, colTransport: vlFieldTransport,
		colSourceRealtime: vlFieldSourceRealtime, colAuditSerial: vlFieldAuditSerial}
	if len(want) != len(vlFields) {
		t.Fatalf("%d columns for %d fields", len(want), len(vlFields))
	}
	for i, name := range want {
		if vlFields[i] != name {
			t.Errorf("column %d is %s, vlFields has %s", i, name, vlFields[i])
		}
	}
}

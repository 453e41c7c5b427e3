package model

import "testing"

// The journal's time and serial of an audit record make auditd's stamp,
// the milliseconds on three digits, and the stamp gives them back; values
// that are not decimal numbers make none.
func TestAuditStamp(t *testing.T) {
	for _, tc := range []struct{ sourceRealtime, serial, stamp, back string }{
		{"1796378400123000", "456", "1796378400.123:456", "1796378400123000"},
		{"1796378400007000", "9", "1796378400.007:9", "1796378400007000"},
		{"1796378400050000", "18446744073709551615", "1796378400.050:18446744073709551615", "1796378400050000"},
		{"1796378400999999", "1", "1796378400.999:1", "1796378400999000"}, // the kernel's stamp has milliseconds only
		{"1000", "3", "0.001:3", "1000"},
		{"", "456", "", ""},
		{"1796378400123000", "", "", ""},
		{"-1796378400123000", "456", "", ""},
		{"+1796378400123000", "456", "", ""},
		{"1796378400123000", "4x", "", ""},
		{"1796378400123000", "-4", "", ""},
		{"99999999999999999999", "4", "", ""},
		{"1796378400123000", "18446744073709551616", "", ""},
	} {
		j := JournalFields{Transport: "audit"}
		j.SetAuditStamp([]byte(tc.sourceRealtime), []byte(tc.serial))
		if j.AuditStamp != tc.stamp {
			t.Errorf("SetAuditStamp(%q, %q) = %q; want %q", tc.sourceRealtime, tc.serial, j.AuditStamp, tc.stamp)
		}
		if tc.stamp == "" {
			continue
		}
		us, serial, ok := AuditStampFields(tc.stamp)
		if !ok || us != tc.back || serial != tc.serial {
			t.Errorf("AuditStampFields(%q) = %q, %q, %v; want %q, %q", tc.stamp, us, serial, ok, tc.back, tc.serial)
		}
	}
	for _, j := range []JournalFields{{Transport: "stdout"}, {Identifier: "sshd"}, {}} {
		j.SetAuditStamp([]byte("1796378400123000"), []byte("456"))
		if j.AuditStamp != "" {
			t.Errorf("a record of another transport (%+v) has the stamp %q", j, j.AuditStamp)
		}
	}
	lean := JournalFields{Identifier: JournalAudit} // a read without _TRANSPORT
	if lean.SetAuditStamp([]byte("1796378400123000"), []byte("456")); lean.AuditStamp != "1796378400.123:456" {
		t.Errorf("a record known by its identifier has the stamp %q", lean.AuditStamp)
	}
	for _, bad := range []string{"", "1796378400.123", "1796378400:456", "1796378400.12:456", "1796378400.1234:456",
		"x.123:456", "1796378400.123:", "1796378400.123:4 5", "-1.123:4", "99999999999999999.123:4"} {
		if us, serial, ok := AuditStampFields(bad); ok {
			t.Errorf("AuditStampFields(%q) = %q, %q; want none", bad, us, serial)
		}
	}
}

package remote

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkReadRows parses a VictoriaLogs response of journal rows.
func BenchmarkReadRows(b *testing.B) {
	var body bytes.Buffer
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&body, `{"_time":"2026-02-10T08:00:%02d.%06dZ","_stream_id":"0000000000000000a3fea65d95a679293e36933407400dba",`+
			`"_msg":"[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410 #%d","_HOSTNAME":"gw-fra-1",`+
			`"_SYSTEMD_UNIT":"twingate-connector.service","SYSLOG_IDENTIFIER":"twingate-connector","_PID":"6479","PRIORITY":"6",`+
			`"_BOOT_ID":"3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c","_SYSTEMD_INVOCATION_ID":"0d1e2f3a4b5c4d6e8f9a0b1c2d3e4f5a","_TRANSPORT":"stdout"}`+"\n",
			i%60, i, i)
	}
	v := &VictoriaLogs{}
	b.SetBytes(int64(body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := v.readRows(bytes.NewReader(body.Bytes()), func(Row) error { n++; return nil }); err != nil || n != 10000 {
			b.Fatal(err, n)
		}
	}
}

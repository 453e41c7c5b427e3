package mask

import "testing"

// FuzzMask feeds hostile lines to the masker: it must not panic, must stay
// bounded and must give a template that masks to itself.
func FuzzMask(f *testing.F) {
	for _, s := range []string{
		`quic_session::on_ack: conn=051842aea5a4dcd0-4 acked=30 srtt=159ms`,
		`relay 34.147.237.117:30018 "ice://any" 'x' 2m38.5s 512MiB 0x7f fe80::1`,
		`request 0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c user a@b.co`,
		"\x1b[31mred\x1b[0m \xff\xfe \"unterminated \\\" 12",
		`2026-02-10T14:21:37Z 14:21:37.5 2026/02/10`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkMaskProperties(t, line)
	})
}

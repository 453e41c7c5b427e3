package mask

import "testing"

// classifyNumericInTurn is what classifyNumeric was before it chose the
// shapes to try by the byte after the leading number: every shape in turn.
func classifyNumericInTurn(tok []byte) string {
	switch {
	case isNumber(tok):
		return Num
	case isDuration(tok):
		return Dur
	case isSize(tok):
		return Size
	case tok[0] == '-' || tok[0] == '+':
		return signedShape(tok[1:]) // a signed duration or size
	}
	if ip, port := isIPv4(tok); ip {
		if port {
			return IP + ":" + Port
		}
		return IP
	}
	if isTimeLike(tok) {
		return Time
	}
	return ""
}

// isNumber: 42, -3, 0.25, +7, 12.5%: the first shape classifyNumericInTurn
// tried, which classifyNumeric now reads as it reads the leading number.
func isNumber(tok []byte) bool {
	i := 0
	if tok[0] == '-' || tok[0] == '+' {
		i = 1
	}
	n := digits(tok, i)
	if n == 0 {
		return false
	}
	i += n
	return i == len(tok) || (i == len(tok)-1 && tok[i] == '%')
}

// FuzzClassifyNumeric holds classifyNumeric to trying every shape in turn.
func FuzzClassifyNumeric(f *testing.F) {
	for _, s := range []string{"42", "-3", "+7", "12.5%", "93.5%x", "2m38.5s", "41.207ms", "5µs", "5\xc2", "12018ms",
		"223s", "1.5.3s", "14h30", "512MiB", "1.2GB", "300B", "12bytes", "5x", "34.147.237.117:30005", "10.0.0.0/8",
		"10.0:80", "1.2.3", "14:21:37", "14:21:37.123Z", "2026-02-10", "2026/02/10", "2026-02-10T14:21:37+00:00",
		"123:45:67", "9786f91b7f1ad177-221", "0x7f", "1_000", "-", "+", "-25s", "1.", "1..2"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, tok []byte) {
		if len(tok) == 0 || !(isDigit(tok[0]) || tok[0] == '-' || tok[0] == '+') {
			return
		}
		if got, want := classifyNumeric(tok), classifyNumericInTurn(tok); got != want {
			t.Fatalf("classifyNumeric(%q) = %q, trying every shape gives %q", tok, got, want)
		}
	})
}

// FuzzLineBetweenMarks holds Line's way between the marks to the token by
// token one, for lines short and long, with something in dst or not.
func FuzzLineBetweenMarks(f *testing.F) {
	for _, s := range []string{
		`quic_session::on_ack: conn=051842aea5a4dcd0-4 acked=30 srtt=159ms`,
		`can't reach 'db' now, "x 5" 'it''s 7' "unterminated 12`,
		`a'5 "ab"'c "a"'5 '5x x@y.z b2@c.d 'q 9`,
		"\x1b[31mred\x1b[0m \xff\xfe \"unterminated \\\" 12",
	} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(200))
	}
	f.Fuzz(func(t *testing.T, line []byte, pad uint8) {
		prefix := make([]byte, pad)
		want := lineByToken(append([]byte(nil), prefix...), withoutCR(line))
		if got := Line(append([]byte(nil), prefix...), line); string(got) != string(want) {
			t.Fatalf("Line(%q) after %d bytes:\n got %q\nwant %q", line, pad, got[pad:], want[pad:])
		}
	})
}

package model

import (
	"math"
	"strconv"
	"testing"
)

// numberText is strconv's text of a float, byte for byte, the integers it
// writes itself included: at and past 2^53, -0, and those far from it.
func FuzzNumberTextIsStrconvs(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 1770710407471, 1 << 53, 1<<53 + 2, -(1 << 53),
		-(1<<53 + 2), 1 << 60, 1e21, 0.5, 40.7128, -2.5, math.Inf(1), math.Inf(-1), math.NaN()} {
		f.Add(math.Float64bits(v))
	}
	f.Fuzz(func(t *testing.T, b uint64) {
		n := math.Float64frombits(b)
		if got, want := string(numberText(nil, n, b)), strconv.FormatFloat(n, 'f', -1, 64); got != want {
			t.Fatalf("%v (bits %x): %q, want %q", n, b, got, want)
		}
	})
}

// Random bits seldom make an integer: these are drawn among them, around
// 2^53 and near zero.
func TestNumberTextOfIntegers(t *testing.T) {
	r := uint64(88172645463325252)
	for k := range 1_000_000 {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		var i int64
		switch k % 4 {
		case 0:
			i = int64(r>>9) - 1<<54
		case 1:
			i = int64(r>>20) - 1<<43
		case 2:
			i = int64(r%2_000_000) - 1_000_000
		default:
			i = maxExactInt + int64(r%1000) - 500
		}
		n := float64(i)
		if got, want := string(numberText(nil, n, math.Float64bits(n))), strconv.FormatFloat(n, 'f', -1, 64); got != want {
			t.Fatalf("%d: %q, want %q", i, got, want)
		}
	}
}

// isNumberText says what comparing with numberText's text says, for any
// text and number: the number of the fuzzer's bits, and the one the text
// reads as, which the short decimals' path answers.
func FuzzIsNumberText(f *testing.F) {
	for _, s := range []string{"40.7128", "-74.006", "0.5", "1.0", "01.5", "-0.5", "0.30000000000000004",
		"12345678901234.5", "123456789012345.6", "0.000000000000000000001", "0.0000000000000000000001", "1e5", ".5",
		"5.", "-", "", "9007199254740993.5", "0.1", "1.7976931348623157", "-0.0", "00.1", "1.50"} {
		f.Add(s, uint64(0))
	}
	f.Fuzz(func(t *testing.T, text string, b uint64) {
		numbers := []float64{math.Float64frombits(b)}
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			numbers = append(numbers, v)
		}
		for _, n := range numbers {
			bits := math.Float64bits(n)
			if got, want := isNumberText(text, n, bits), text == string(numberText(nil, n, bits)); got != want {
				t.Fatalf("isNumberText(%q, %v): %v, want %v", text, n, got, want)
			}
		}
	})
}

// The short decimals' path takes the decimals it can answer exactly, and
// leaves the others to the written text.
func TestShortDecimalTakes(t *testing.T) {
	for text, takes := range map[string]bool{
		"40.7128": true, "-74.006": true, "0.5": true, "12345678901234.5": true, "0.000000000000000000001": true,
		"1.0": false, "01.5": false, "123456789012345.6": false, "0.30000000000000004": false, "1e5": false,
		".5": false, "5.": false, "-": false, "": false, "-0.0": false, "0.0000000000000000000001": true, "0.00000000000000000000001": false,
	} {
		v, ok := shortDecimal(text)
		if ok != takes {
			t.Errorf("shortDecimal(%q) took it: %v, want %v", text, ok, takes)
			continue
		}
		if ok && strconv.FormatFloat(v, 'f', -1, 64) != text {
			t.Errorf("shortDecimal(%q) = %v, whose text is %q", text, v, strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
}

// FuzzIsDecimalOf: isDecimalOf says yes exactly when the text is
// strconv's decimal text of the integer.
func FuzzIsDecimalOf(f *testing.F) {
	for _, c := range []struct {
		text string
		i    int64
	}{{"0", 0}, {"-0", 0}, {"007", 7}, {"443", 443}, {"-5", -5}, {"+5", 5}, {"1e3", 1000},
		{"9223372036854775807", math.MaxInt64}, {"-9223372036854775808", math.MinInt64}, {"18446744073709551615", -1}, {"", 0}, {"-", 0}} {
		f.Add(c.text, c.i)
	}
	f.Fuzz(func(t *testing.T, text string, i int64) {
		if got, want := isDecimalOf(text, i), text == strconv.FormatInt(i, 10); got != want {
			t.Fatalf("isDecimalOf(%q, %d) = %v, want %v", text, i, got, want)
		}
		if !isDecimalOf(strconv.FormatInt(i, 10), i) {
			t.Fatalf("isDecimalOf(%q, %d) = false", strconv.FormatInt(i, 10), i)
		}
	})
}

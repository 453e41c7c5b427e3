package envelope

import (
	"bytes"
	"time"
)

// maxMonthToken bounds the month column of a syslog stamp in bytes: "12月"
// is five, a localized abbreviation a few letters, some with a dot.
const maxMonthToken = 12

// localMonths are the month abbreviations glibc locales print in
// journalctl's and rsyslog's short output (%b) besides English, for the
// languages connector hosts are commonly set up in. A line is syslog only
// when the day, clock, host and tag that must follow are all there, so a
// short word such as "mai" cannot pass for a stamp by itself.
var localMonths = map[string]time.Month{
	// German
	"Jän": time.January, "Mär": time.March, "Okt": time.October, "Dez": time.December,
	// French
	"janv.": time.January, "févr.": time.February, "mars": time.March, "avr.": time.April,
	"juin": time.June, "juil.": time.July, "août": time.August, "sept.": time.September,
	"oct.": time.October, "nov.": time.November, "déc.": time.December,
	// Spanish, Italian, Portuguese (lower case)
	"ene": time.January, "gen": time.January, "fev": time.February, "abr": time.April,
	"mag": time.May, "giu": time.June, "lug": time.July, "ago": time.August,
	"set": time.September, "ott": time.October, "dic": time.December,
	// Polish
	"sty": time.January, "lut": time.February, "kwi": time.April, "maj": time.May,
	"cze": time.June, "lip": time.July, "sie": time.August, "wrz": time.September,
	"paź": time.October, "lis": time.November, "gru": time.December,
	// Dutch, Scandinavian and other locales that write the month in lower
	// case ("mei", "okt", "mai"); the English spellings in lower case too
	"jan": time.January, "feb": time.February, "mar": time.March, "mrt": time.March, "apr": time.April,
	"may": time.May, "mai": time.May, "mei": time.May, "jun": time.June, "jul": time.July,
	"aug": time.August, "sep": time.September, "oct": time.October, "okt": time.October,
	"nov": time.November, "dec": time.December, "des": time.December,
	// Russian
	"янв": time.January, "фев": time.February, "мар": time.March, "апр": time.April,
	"мая": time.May, "июн": time.June, "июл": time.July, "авг": time.August,
	"сен": time.September, "окт": time.October, "ноя": time.November, "дек": time.December,
}

// monthToken reads the month column of a syslog stamp: an English
// abbreviation, "<n>月" or "<n>월" (Chinese, Japanese, Korean locales), or
// one of localMonths. It returns the month and the token's length in
// bytes, or 0, 0.
func monthToken(b []byte) (time.Month, int) {
	if m := monthAbbr(b); m != 0 {
		return m, 3
	}
	sp := bytes.IndexByte(b[:min(len(b), maxMonthToken+1)], ' ')
	if sp <= 0 {
		return 0, 0
	}
	tok := b[:sp]
	if isDigit(tok[0]) {
		return numericMonth(tok), sp
	}
	// The longest spelling is six bytes ("févr.", "мар"), and a day follows;
	// anything else ("pangolin  | ...", "gerbil    | ...") is not looked up.
	day := sp + 1
	if day < len(b) && b[day] == ' ' {
		day++ // a day below 10 may be padded with a space
	}
	if sp > maxLocalMonth || day >= len(b) || !isDigit(b[day]) {
		return 0, 0
	}
	return localMonths[string(tok)], sp
}

// maxLocalMonth is the byte length of the longest spelling in localMonths.
const maxLocalMonth = 6

// numericMonth reads "3月", "12月" or "3월".
func numericMonth(tok []byte) time.Month {
	n, i := 0, 0
	for i < len(tok) && i < 2 && isDigit(tok[i]) {
		n = n*10 + int(tok[i]-'0')
		i++
	}
	switch string(tok[i:]) {
	case "月", "월":
	default:
		return 0
	}
	if n < 1 || n > 12 {
		return 0
	}
	return time.Month(n)
}

package export

import "strings"

// Where a learned id stands decides whether it is replaced there: a name
// or a long id anywhere it is a word of its own, a number only where a key
// may say it is that id (user=113933, "users":[{"id":113933}]) or where it
// is quoted and no other key claims it.

// idFits reports whether the learned id it, written as s[from:to], a
// whole word, is written where it is replaced (see replaceIDs).
func idFits(s string, from, to int, it secret) bool {
	v := s[from:to]
	switch {
	case len(v) >= minBareIDLen && !allDigits(v) && !isNumber(it.value):
		return true
	case quotedAt(s, from, to):
		return quotedIDFits(s[:from-1], it)
	case keyedID(s[:from], it.class):
		return true
	}
	return it.class == classUser && strings.HasSuffix(s[:from], homeDir)
}

// quotedIDFits reports whether a quoted id, which before precedes, is
// replaced: a name, or a number (see isNumber) of minQuotedIDDigits digits
// or more, wherever it is quoted; a shorter number unless a key that names
// something else opens it ("count":"2", count="2"): a small number is as
// likely a count, but under no key, under an id's key or under the bare
// "id" of an object whose kind the text does not say (a line cut short),
// it may be the id.
func quotedIDFits(before string, it secret) bool {
	if !isNumber(it.value) || numberDigits(it.value) >= minQuotedIDDigits {
		return true
	}
	word, ok := explicitKeyWord(before)
	return !ok || strings.EqualFold(word, "id") || isIDKey(word, it.class)
}

// quotedAt reports whether s[from:to] is quoted: the same quote, double,
// single or backquote, just before and just after it (owner="113256",
// note='113256', a shell's or a Markdown text's `113256`). A line's writer
// chooses its quotes, and a value quoted is a value whole in any of them.
func quotedAt(s string, from, to int) bool {
	return from > 0 && to < len(s) && isQuote(s[from-1]) && s[to] == s[from-1]
}

func isQuote(c byte) bool { return c == '"' || c == '\'' || c == '`' }

// minQuotedIDDigits is the fewest digits of a learned numeric id replaced
// as a quoted whole value under any key (owner="113256", note='113256',
// "tags":["113256"]). Short ids collide with counts and ports written as strings ("count":"2",
// "port":"443"), so they are replaced only where a key may name them; a
// quoted value of four digits or more equal to a learned id is that id.
const minQuotedIDDigits = 4

// numberDigits is the number of digits of the numeric id v, less its sign.
func numberDigits(v string) int { return len(strings.TrimPrefix(v, "-")) }

// isNumber reports an id that is a number, as written or otherwise (see
// integralSpelling).
func isNumber(id string) bool {
	_, ok := integralSpelling(id)
	return ok
}

// idKeys are the words that say a number after them is a user's or a
// device's id (policy::evaluate: user=113933 device=205246), and their
// plurals, which list such ids ("users":[{"id":113933}]). An audit
// record's uid is a number of the system's, kept.
var idKeys = map[class][]string{
	classUser:   {"user", "user_id", "userid", "users", "user_ids", "userids"},
	classDevice: {"device", "device_id", "deviceid", "devices", "device_ids", "deviceids"},
}

// keyedID reports whether before, the text ahead of an id, ends with a key
// naming what the id is, of class c, and a '=', a ':' or a blank, as a line
// or a JSON document spells it: "user=", "device ", "device_id: ",
// "user = ", `"user_id":`, and the dotted path of a nested key, "user.id=".
func keyedID(before string, c class) bool { return isIDKey(idKeyWord(before), c) }

// idKeyWord is the key before ends with, less its '=', ':' or blank, as
// keyedID reads it: the word of a dotted path's ".id" ("user" for user.id).
func idKeyWord(before string) string {
	before = strings.TrimRight(before, " ")
	if n := len(before); n > 0 && (before[n-1] == '=' || before[n-1] == ':') {
		before = strings.TrimRight(before[:n-1], " ")
	}
	if n := len(before); n > 0 && isQuote(before[n-1]) {
		before = before[:n-1]
	}
	word, rest := lastKeyWord(before)
	if strings.EqualFold(word, "id") && strings.HasSuffix(rest, ".") {
		word, _ = lastKeyWord(rest[:len(rest)-1])
	}
	return word
}

// isIDKey reports whether word is one of idKeys[c], in any case, or a
// key whose field holds an id of class c as written (userId, acct): an id
// is replaced under the key it was learned under.
func isIDKey(word string, c class) bool {
	kc, ok := idKeyClass(word)
	return ok && kc == c
}

// idKeyClass returns the class of the ids the key word names (see isIDKey).
// It is asked of every key of every JSON document redacted, so it looks
// up one map, and another with the word in lower case only when the word
// has upper-case letters that the first does not know.
func idKeyClass(word string) (class, bool) {
	if c, ok := idKeyWords[word]; ok {
		return c, true
	}
	var buf [maxIDKeyLen]byte
	if len(word) > len(buf) || !hasUpper(word) {
		return 0, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	c, ok := foldedIDKeys[string(buf[:len(word)])]
	return c, ok
}

// maxIDKeyLen is the length of the longest word of idKeys.
const maxIDKeyLen = len("device_ids")

// foldedIDKeys maps each word of idKeys to its class, and idKeyWords each
// key of fieldClasses that names a user or a device and is one word
// (userId, acct, AUID) too, matched as written.
var foldedIDKeys, idKeyWords = idKeyMaps()

func idKeyMaps() (folded, words map[string]class) {
	folded, words = map[string]class{}, map[string]class{}
	for c, ws := range idKeys {
		for _, w := range ws {
			folded[w], words[w] = c, c
		}
	}
	for key, c := range fieldClasses {
		if (c == classUser || c == classDevice) && !strings.Contains(key, ".") {
			words[key] = c
		}
	}
	return folded, words
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// explicitKeyWord returns the key before ends with when it ends with one
// and its '=' or ':' (count=, "count":, user.id: ), as keyedID reads it.
func explicitKeyWord(before string) (string, bool) {
	trimmed := strings.TrimRight(before, " ")
	if n := len(trimmed); n == 0 || trimmed[n-1] != '=' && trimmed[n-1] != ':' {
		return "", false
	}
	word := idKeyWord(trimmed)
	return word, word != ""
}

// namesID reports whether a JSON key path names an id of either class of
// idKeys (see keyedID): only then is a number under it worth a second look.
func namesID(path string) bool {
	if path == "" {
		return false
	}
	_, ok := idKeyClass(idKeyWord(path))
	return ok
}

// otherKey stands, in the text a value is redacted in after its key (see
// afterKey), for a key that may name no id: all that matters of it is that
// there is one ("count":"2" is not the user 2), and a word of no address's
// bytes costs least to scan.
const otherKey = "_"

// keyContext is the key word a value under the JSON key path key is
// redacted after: one that may name an id (user, users.id, the bare id of
// an object not known), otherKey for any other, "" for none.
func keyContext(key string) string {
	word := idKeyWord(key)
	if _, ok := idKeyClass(word); ok || word == "" || strings.EqualFold(word, "id") {
		return word
	}
	return otherKey
}

// lastKeyWord splits s into the word of letters and underscores it ends
// with and what comes before it.
func lastKeyWord(s string) (word, rest string) {
	start := len(s)
	for start > 0 && (isASCIILetter(s[start-1]) || s[start-1] == '_') {
		start--
	}
	return s[start:], s[:start]
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

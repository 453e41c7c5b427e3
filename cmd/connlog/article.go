package main

import (
	"slices"
	"strings"
)

// article is "a" or "an" for word, by how it sounds: "an" before a vowel
// ("an export"), and before a name read letter by letter whose first
// letter's name opens with a vowel sound ("an ndjson", "an rfc5424", but
// "a csv").
func article(word string) string {
	w := strings.ToLower(word)
	switch {
	case w == "":
		return "a"
	case isVowel(w[0]):
		return "an"
	case spelledOut(w) && strings.IndexByte("fhlmnrsx", w[0]) >= 0: // ef, aitch, el, em, en, ar, es, ex
		return "an"
	}
	return "a"
}

// spelledOut reports a name read letter by letter: one that opens with two
// consonants no English word opens with (ndjson, csv, rfc; not string).
func spelledOut(w string) bool {
	if len(w) < 2 || isVowel(w[0]) || isVowel(w[1]) {
		return false
	}
	return !slices.Contains(wordOnsets, w[:2])
}

// wordOnsets are the pairs of consonants English words open with.
var wordOnsets = []string{"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr",
	"sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr"}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
